import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../utils/limits';
import type { PlanOutcome } from '../utils/messages';
import type { Settlement } from '../utils/plan-actions';
import { PLAN_OUTCOME_LABELS } from './labels';

/** "Settle": how it ended (done or dropped) and, if the rep wants, a few words. Anyone may
 * settle an item: the customer's answer may reach anyone. */
export function PlanSettleForm({
  itemBody,
  busy,
  error,
  onSettle,
  onCancel,
}: {
  itemBody: string;
  busy: boolean;
  error: string | null;
  onSettle: (settlement: Settlement) => void;
  onCancel: () => void;
}) {
  const ids = useId();
  const [outcome, setOutcome] = useState<PlanOutcome>('done');
  const [note, setNote] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  return (
    <form
      class="hc-plan-form hc-stack"
      aria-label={`Settle “${itemBody}”`}
      onSubmit={(event) => {
        event.preventDefault();
        onSettle({ outcome, note: note.trim() || null });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <fieldset>
        <legend>How did it end?</legend>
        {(['done', 'dropped'] as const).map((value, index) => (
          <label key={value} class="hc-inline">
            <input
              ref={index === 0 ? first : undefined}
              type="radio"
              name={`${ids}-outcome`}
              value={value}
              checked={outcome === value}
              onChange={() => setOutcome(value)}
            />
            {PLAN_OUTCOME_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <label for={`${ids}-note`}>Note (optional)</label>
      <textarea
        id={`${ids}-note`}
        rows={2}
        maxLength={LIMITS.planNote}
        value={note}
        placeholder="What happened, in a few words"
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      {error ? (
        <p role="alert" class="hc-error">
          {error}
        </p>
      ) : null}
      <div class="hc-row">
        <button type="submit" class="hc-primary" disabled={busy}>
          {busy ? 'Settling…' : 'Settle'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
