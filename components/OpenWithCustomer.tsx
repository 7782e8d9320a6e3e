import { useId } from 'preact/hooks';
import { bySoonestDue } from '../utils/due-dates';
import type { OpenStep, PlanSide } from '../utils/messages';
import { DueDate } from './DueDate';
import { PLAN_SECTION_LABELS } from './labels';
import { PlanWords } from './PlanWords';

function OpenStepRow({ step, today, onSettle }: { step: OpenStep; today: string; onSettle?: (step: OpenStep) => void }) {
  const bodyId = useId();
  const details = [step.contact_name ? `With ${step.contact_name}` : null, step.taken_by_display_name ? `Taken by ${step.taken_by_display_name}` : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <li class="hc-plan-item" aria-labelledby={bodyId}>
      <p id={bodyId} class="hc-plan-item__body">
        {step.body}
      </p>
      {step.due_on ? (
        <p>
          <DueDate dueOn={step.due_on} today={today} />
        </p>
      ) : null}
      {details ? <p class="hc-muted">{details}</p> : null}
      <PlanWords excerpt={step.source_excerpt} />
      {onSettle ? (
        <button type="button" aria-describedby={bodyId} onClick={() => onSettle(step)}>
          This settles it
        </button>
      ) : null}
    </li>
  );
}

/** "This page": what is open with this customer before the rep replies (pact rule 6) — their
 * promises and ours, soonest due first. "This settles it" hands the step back to the panel,
 * which files the message being read and settles the step with it. */
export function OpenWithCustomer({
  steps,
  today,
  onSettle,
}: {
  steps: readonly OpenStep[];
  /** YYYY-MM-DD in the reader's calendar. */
  today: string;
  /** Offered when a message is open that could settle a step. */
  onSettle?: (step: OpenStep) => void;
}) {
  const sides: PlanSide[] = ['theirs', 'ours'];
  return (
    <section class="hc-open-with hc-stack" aria-label="Open with them">
      <h4 class="hc-h2">Open with them</h4>
      {!steps.length ? <p class="hc-muted">Nothing is open with them: no promise either way.</p> : null}
      {sides.map((side) => {
        const mine = steps.filter((step) => step.side === side).sort(bySoonestDue);
        if (!mine.length) return null;
        return (
          <section key={side} aria-label={PLAN_SECTION_LABELS[side]}>
            <h5>{PLAN_SECTION_LABELS[side]}</h5>
            <ul class="hc-plan__items">
              {mine.map((step) => (
                <OpenStepRow key={step.id} step={step} today={today} onSettle={onSettle} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
