import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { LookupResult } from '../utils/messages';
import { LIMITS } from '../utils/vocabulary';
import { fromLocalInput, toLocalInput } from '../utils/format';
import { accountChoicesFor, NOTE_HEADING, type AccountChoice, type Draft } from '../utils/preview';
import { SignalChips } from './SignalChips';

interface Props {
  draft: Draft;
  lookup: LookupResult | null;
  busy: boolean;
  error: string | null;
  onChange: (draft: Draft) => void;
  onSubmit: (draft: Draft) => void;
  onCancel: () => void;
}

function choiceKey(choice: AccountChoice): string {
  return choice.mode === 'existing' ? `existing:${choice.id}` : choice.mode;
}

function choiceLabel(choice: AccountChoice): string {
  if (choice.mode === 'existing') return choice.name;
  if (choice.mode === 'new') return `New account: ${choice.name}${choice.domain ? ` (${choice.domain})` : ''}`;
  return 'No account';
}

/** What will be filed, editable. "File to customer record" sends exactly this. */
export function PreviewForm({ draft, lookup, busy, error, onChange, onSubmit, onCancel }: Props) {
  const titleRef = useRef<HTMLInputElement>(null);
  const contact = draft.seed.contacts[draft.contactIndex];
  const choices = useMemo(() => accountChoicesFor(contact, lookup), [contact, lookup]);
  const update = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });

  useEffect(() => titleRef.current?.focus(), []);

  // The background checks the capture against the same schema the server uses and answers
  // with every problem by field; keeping zod out of the page keeps Gmail fast.
  const submit = (event: Event) => {
    event.preventDefault();
    onSubmit(draft);
  };

  return (
    <div
      class="hc-preview"
      role="dialog"
      aria-labelledby="hc-preview-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <form onSubmit={submit}>
      <h2 id="hc-preview-title" class="hc-h2">
        Add to customer record
      </h2>
      <p class="hc-muted">Only what you see here is filed. Cut the text down to what matters.</p>

      <label class="hc-field">
        <span>Title</span>
        <input
          ref={titleRef}
          type="text"
          value={draft.title}
          maxLength={LIMITS.title}
          required
          onInput={(e) => update({ title: e.currentTarget.value })}
        />
      </label>

      <label class="hc-field">
        <span>What the customer said</span>
        <textarea
          rows={8}
          value={draft.body}
          maxLength={LIMITS.body}
          onInput={(e) => update({ body: e.currentTarget.value })}
        />
        <small class="hc-muted">
          {draft.body.length.toLocaleString()} / {LIMITS.body.toLocaleString()} characters
        </small>
      </label>

      <label class="hc-field">
        <span>When</span>
        <input
          type="datetime-local"
          value={toLocalInput(draft.occurredAt)}
          required
          onInput={(e) => {
            const iso = fromLocalInput(e.currentTarget.value);
            if (iso) update({ occurredAt: iso });
          }}
        />
      </label>

      {draft.seed.contacts.length > 0 ? (
        <label class="hc-field">
          <span>Customer</span>
          <select
            value={String(draft.contactIndex)}
            onChange={(e) => {
              const contactIndex = Number(e.currentTarget.value);
              const next = accountChoicesFor(draft.seed.contacts[contactIndex], lookup)[0] ?? { mode: 'none' as const };
              update({ contactIndex, account: next });
            }}
          >
            {draft.seed.contacts.map((candidate, index) => (
              <option key={index} value={String(index)}>
                {candidate.full_name}
                {candidate.email ? ` <${candidate.email}>` : ''}
              </option>
            ))}
          </select>
        </label>
      ) : null}

      <label class="hc-field">
        <span>Account</span>
        <select
          value={choiceKey(draft.account)}
          onChange={(e) => {
            const picked = choices.find((choice) => choiceKey(choice) === e.currentTarget.value);
            if (picked) update({ account: picked });
          }}
        >
          {choices.map((choice) => (
            <option key={choiceKey(choice)} value={choiceKey(choice)}>
              {choiceLabel(choice)}
            </option>
          ))}
        </select>
      </label>
      {draft.account.mode === 'new' ? (
        <label class="hc-field">
          <span>New account name</span>
          <input
            type="text"
            value={draft.account.name}
            maxLength={LIMITS.name}
            required
            onInput={(e) =>
              draft.account.mode === 'new' && update({ account: { ...draft.account, name: e.currentTarget.value } })
            }
          />
        </label>
      ) : null}

      <fieldset class="hc-field">
        <legend>Signals</legend>
        <SignalChips selected={draft.signals} onChange={(signals) => update({ signals })} suggested={draft.seed.suggestedSignals} />
      </fieldset>

      <label class="hc-field">
        <span>Your note (optional)</span>
        <textarea rows={2} value={draft.note} maxLength={2000} onInput={(e) => update({ note: e.currentTarget.value })} />
        <small class="hc-muted">Filed under the text as “{NOTE_HEADING} …”.</small>
      </label>

      {error ? (
        <div role="alert" class="hc-error">
          {error.split('\n').map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      ) : null}

      <div class="hc-actions">
        <button type="submit" class="hc-primary" disabled={busy}>
          File to customer record
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      </form>
    </div>
  );
}
