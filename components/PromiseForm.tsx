import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Result } from '../utils/messages';
import { PLAN_KINDS, type PlanKind, type PlanSide } from '../utils/vocabulary';
import { planBodyProblem, type NewPlanItem, type PlanContact } from '../utils/plan-actions';
import { PLAN_KIND_LABELS, PLAN_SIDE_LABELS } from './labels';
import { PlanBodyField } from './PlanBodyField';
import { useAction } from './use-action';

/** A due date read from the customer's words, relative to when the message was sent. */
export interface DueGuess {
  due_on: string;
  /** The words it was read from: "on Monday". */
  words: string;
}

/** "Add as a promise": a sentence from a message becomes an item of the account's plan.
 * Every guess (who promised, when, who at the customer) is shown for the rep to confirm or
 * change; nothing is added until they press "Add promise". */
export function PromiseForm({
  sentence,
  sideGuess,
  dueGuess,
  contacts,
  contactGuess = null,
  confirmed = null,
  onSubmit,
  onCancel,
}: {
  /** The sentence the rep selected ('' when they type it themselves). */
  sentence: string;
  sideGuess: PlanSide | null;
  dueGuess: DueGuess | null;
  /** The thread's people at the customer. */
  contacts: readonly PlanContact[];
  contactGuess?: string | null;
  /** What the rep confirmed before (the message was not filed after all): shown as it was. */
  confirmed?: NewPlanItem | null;
  onSubmit: (item: NewPlanItem) => Promise<Result<unknown>>;
  onCancel: () => void;
}) {
  const ids = useId();
  const [kind, setKind] = useState<PlanKind>(confirmed?.kind ?? 'step');
  const [side, setSide] = useState<PlanSide | null>(confirmed ? confirmed.side : sideGuess);
  const [dueOn, setDueOn] = useState(confirmed ? (confirmed.due_on ?? '') : (dueGuess?.due_on ?? ''));
  const guessed = contactGuess && contacts.some((c) => c.id === contactGuess) ? contactGuess : '';
  const [contactId, setContactId] = useState(confirmed ? (confirmed.contact_id ?? '') : guessed);
  const [take, setTake] = useState(confirmed?.take ?? false);
  const [body, setBody] = useState(confirmed?.body ?? sentence.trim());
  const [touched, setTouched] = useState(false);
  const [sideMissing, setSideMissing] = useState(false);
  const { busy, error, run } = useAction();
  const text = useRef<HTMLTextAreaElement>(null);
  useEffect(() => text.current?.focus(), []);
  const step = kind === 'step';

  const submit = (event: Event) => {
    event.preventDefault();
    setTouched(true);
    const noSide = step && !side;
    setSideMissing(noSide);
    if (planBodyProblem(body)) {
      text.current?.focus();
      return;
    }
    if (noSide) return;
    const item: NewPlanItem = {
      kind,
      side: step ? side : null,
      body: body.trim(),
      due_on: step && dueOn ? dueOn : null,
      contact_id: contactId || null,
      take: step && side === 'ours' && take,
    };
    void run(() => onSubmit(item));
  };

  return (
    <form
      class="hc-plan-form hc-stack"
      aria-label="Add as a promise"
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      {sentence.trim() ? (
        <p class="hc-plan-words">
          <span class="hc-muted">From the message: </span>
          <span class="hc-plan-words__quote">“{sentence.trim()}”</span>
        </p>
      ) : null}
      <PlanBodyField
        id={`${ids}-body`}
        label="Text"
        value={body}
        showProblem={touched}
        inputRef={text}
        onInput={(value) => {
          setBody(value);
          setTouched(true);
        }}
      />
      <label for={`${ids}-kind`}>What is it?</label>
      <select id={`${ids}-kind`} value={kind} onChange={(event) => setKind(event.currentTarget.value as PlanKind)}>
        {PLAN_KINDS.map((value) => (
          <option key={value} value={value}>
            {value === 'step' ? 'A promise (step)' : PLAN_KIND_LABELS[value]}
          </option>
        ))}
      </select>
      {step ? (
        <fieldset aria-describedby={sideMissing ? `${ids}-side-problem` : undefined}>
          <legend>Who promised?</legend>
          {(['ours', 'theirs'] as const).map((value) => (
            <label key={value} class="hc-inline">
              <input
                type="radio"
                name={`${ids}-side`}
                value={value}
                checked={side === value}
                onChange={() => {
                  setSide(value);
                  setSideMissing(false);
                }}
              />
              {PLAN_SIDE_LABELS[value]}
            </label>
          ))}
          {sideMissing ? (
            <small id={`${ids}-side-problem`} class="hc-count--over">
              Say who promised it.
            </small>
          ) : null}
        </fieldset>
      ) : null}
      <label for={`${ids}-contact`}>Who at the customer</label>
      <select id={`${ids}-contact`} value={contactId} onChange={(event) => setContactId(event.currentTarget.value)}>
        <option value="">Nobody in particular</option>
        {contacts.map((contact) => (
          <option key={contact.id} value={contact.id}>
            {contact.full_name}
          </option>
        ))}
      </select>
      {step ? (
        <>
          <label for={`${ids}-due`}>Due date</label>
          <input
            id={`${ids}-due`}
            type="date"
            value={dueOn}
            aria-describedby={dueGuess && dueOn === dueGuess.due_on ? `${ids}-due-read` : undefined}
            onInput={(event) => setDueOn(event.currentTarget.value)}
          />
          {dueGuess && dueOn === dueGuess.due_on ? (
            <small id={`${ids}-due-read`} class="hc-muted">
              read from “{dueGuess.words}” — check it
            </small>
          ) : null}
        </>
      ) : null}
      {step && side === 'ours' ? (
        <label class="hc-inline">
          <input type="checkbox" checked={take} onChange={(event) => setTake(event.currentTarget.checked)} />
          I’ll do it (puts my name on it)
        </label>
      ) : null}
      {error ? (
        <p role="alert" class="hc-error">
          {error}
        </p>
      ) : null}
      <div class="hc-row">
        <button type="submit" class="hc-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add promise'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
