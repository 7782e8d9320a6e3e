import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AccountHit, LookupResult } from '../utils/messages';
import { LIMITS } from '../utils/limits';
import { fromLocalInput, toLocalInput } from '../utils/format';
import { accountChoiceLabel, accountChoicesFor, NOTE_HEADING, previewAccountChoices, type AccountChoice, type Draft } from '../utils/preview';
import { checkDraft, type CheckedField, type DraftCheck } from '../utils/panel/draft-check';
import { CharacterCount } from './CharacterCount';
import { SignalChips } from './SignalChips';

interface Props {
  draft: Draft;
  lookup: LookupResult | null;
  /** The team's accounts of the same or a similar name, offered beside "New account". */
  similar?: readonly AccountHit[];
  busy: boolean;
  error: string | null;
  /** What filing to the chosen account changes in the promise this message carries. */
  promiseNote?: string | null;
  onChange: (draft: Draft) => void;
  onSubmit: (draft: Draft) => void;
  onCancel: () => void;
}

const NO_HITS: readonly AccountHit[] = [];

function choiceKey(choice: AccountChoice): string {
  return choice.mode === 'existing' ? `existing:${choice.id}` : choice.mode;
}

/** What will be filed, editable. "File to customer record" sends exactly this. */
export function PreviewForm({ draft, lookup, similar = NO_HITS, busy, error, promiseNote = null, onChange, onSubmit, onCancel }: Props) {
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // A field says what is wrong with it once the rep has typed in it, or tried to file: never
  // on opening, before they have done anything.
  const [touched, setTouched] = useState<ReadonlySet<CheckedField>>(new Set());
  const [tried, setTried] = useState(false);
  const contact = draft.seed.contacts[draft.contactIndex];
  // The chosen account is always among the choices, once (e.g. the known contact's account
  // after "Same person"), so the select shows exactly what will be filed.
  const choices = useMemo(
    () => previewAccountChoices(contact, lookup, similar, draft.account),
    [contact, lookup, similar, draft.account],
  );
  const update = (patch: Partial<Draft>, field?: CheckedField) => {
    // The note is filed inside the text and counted with it: typing it touches both.
    const now = field === 'note' ? (['note', 'body'] as const) : field ? [field] : [];
    if (now.some((f) => !touched.has(f))) setTouched(new Set([...touched, ...now]));
    onChange({ ...draft, ...patch });
  };

  // The text is what the rep works on (cut down, or written): focus starts there.
  useEffect(() => bodyRef.current?.focus(), []);

  // Nothing is cut silently: every field is counted against its limit, and the form refuses
  // to file until it fits. The background checks the same schema again.
  const check: DraftCheck = checkDraft(draft);
  const shown = check.problems.filter((problem) => tried || touched.has(problem.field));
  const problemOf = (field: CheckedField) => shown.find((problem) => problem.field === field)?.message ?? null;
  const submit = (event: Event) => {
    event.preventDefault();
    setTried(true);
    if (check.problems.length === 0) onSubmit(draft);
  };
  const note = draft.seed.kind === 'note';
  const updates = contactUpdates(contact);

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
      <h3 id="hc-preview-title" class="hc-h2">
        Add to customer record
      </h3>
      <p class="hc-muted">Only what you see here is filed. Cut the text down to what matters.</p>

      <div class="hc-field">
        <label for="hc-title">Title</label>
        <input
          id="hc-title"
          type="text"
          value={draft.title}
          aria-invalid={problemOf('title') ? true : undefined}
          aria-describedby="hc-count-title"
          onInput={(e) => update({ title: e.currentTarget.value }, 'title')}
        />
        <CharacterCount id="hc-count-title" count={check.counts.title} problem={problemOf('title')} />
      </div>

      <div class="hc-field">
        <label for="hc-body">{note ? 'What they told you, in your words' : 'What the customer said'}</label>
        <textarea
          id="hc-body"
          ref={bodyRef}
          rows={8}
          value={draft.body}
          aria-invalid={problemOf('body') ? true : undefined}
          aria-describedby="hc-count-body"
          onInput={(e) => update({ body: e.currentTarget.value }, 'body')}
        />
        <CharacterCount id="hc-count-body" count={check.counts.body} problem={problemOf('body')} />
      </div>

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
              const next = accountChoicesFor(draft.seed.contacts[contactIndex], lookup, similar)[0] ?? { mode: 'none' as const };
              update({ contactIndex, account: next });
            }}
          >
            {draft.seed.contacts.map((candidate, index) => (
              <option key={index} value={String(index)}>
                {candidate.full_name}
                {candidate.email ? ` <${candidate.email}>` : ''}
                {candidate.id ? ' (on record)' : ''}
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
              {accountChoiceLabel(choice)}
            </option>
          ))}
        </select>
      </label>
      {promiseNote ? (
        <p class="hc-notice" role="status">
          {promiseNote}
        </p>
      ) : null}
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

      <div class="hc-field">
        <label for="hc-note">Your note (optional)</label>
        <textarea
          id="hc-note"
          rows={2}
          value={draft.note}
          aria-invalid={problemOf('note') ? true : undefined}
          aria-describedby="hc-count-note"
          onInput={(e) => update({ note: e.currentTarget.value }, 'note')}
        />
        <small class="hc-muted">Filed under the text as “{NOTE_HEADING} …”, counted with it.</small>
        <CharacterCount id="hc-count-note" count={check.counts.note} problem={problemOf('note')} />
      </div>

      {updates.length ? (
        <div class="hc-field">
          <span>Updates the contact</span>
          <p class="hc-muted">{updates.join(' · ')}</p>
        </div>
      ) : null}

      {draft.seed.sourceUrl ? (
        <div class="hc-field">
          <span>Link to the source</span>
          <p class="hc-source-link">{draft.seed.sourceUrl}</p>
          <small class="hc-muted">Only you see this link.</small>
        </div>
      ) : null}

      {error ? (
        <div role="alert" class="hc-error">
          {error.split('\n').map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      ) : null}

      {shown.length ? (
        <p class="hc-error" id="hc-preview-problems">
          Not filed yet: {shown.map((problem) => problem.message).join(' ')}
        </p>
      ) : null}

      <div class="hc-actions">
        <button
          type="submit"
          class="hc-primary"
          disabled={busy}
          aria-disabled={check.problems.length ? true : undefined}
          aria-describedby={shown.length ? 'hc-preview-problems' : undefined}
        >
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

/** What filing changes on the contact besides the entry: a LinkedIn profile's title and company. */
function contactUpdates(contact: Draft['seed']['contacts'][number] | undefined): string[] {
  if (!contact) return [];
  return [contact.title ? `Title: ${contact.title}` : null, contact.company ? `Company: ${contact.company}` : null].filter(
    (line): line is string => Boolean(line),
  );
}
