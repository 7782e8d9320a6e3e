import { useId } from 'preact/hooks';
import { dueState } from '../utils/due-dates';
import type { DueStep } from '../utils/messages';
import { DueDate } from './DueDate';
import { PLAN_SIDE_LABELS } from './labels';

function DueRow({ step, today, onOpenAccount }: { step: DueStep; today: string; onOpenAccount: (accountId: string) => void }) {
  const bodyId = useId();
  const details = [
    PLAN_SIDE_LABELS[step.side],
    step.contact_name ? `with ${step.contact_name}` : null,
    step.taken_by_display_name ? `taken by ${step.taken_by_display_name}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li class="hc-plan-item" aria-labelledby={bodyId}>
      <p>
        <button type="button" class="hc-link" aria-describedby={bodyId} onClick={() => onOpenAccount(step.account_id)}>
          {step.account_name}
        </button>
      </p>
      <p id={bodyId} class="hc-plan-item__body">
        {step.body}
      </p>
      <p>
        <DueDate dueOn={step.due_on} today={today} />
      </p>
      <p class="hc-muted">{details}</p>
    </li>
  );
}

/** For you → "Due": the reader's steps and those on accounts they follow, due this week or
 * overdue, in date order. The steps are about customers; nothing here is counted. */
export function DueList({
  steps,
  today,
  onOpenAccount,
}: {
  steps: readonly DueStep[];
  /** YYYY-MM-DD in the reader's calendar. */
  today: string;
  onOpenAccount: (accountId: string) => void;
}) {
  const sorted = [...steps].sort((a, b) => (a.due_on === b.due_on ? (a.id < b.id ? -1 : 1) : a.due_on < b.due_on ? -1 : 1));
  const groups = [
    { label: 'Overdue', steps: sorted.filter((step) => dueState(step.due_on, today) === 'overdue') },
    { label: 'This week', steps: sorted.filter((step) => dueState(step.due_on, today) !== 'overdue') },
  ].filter((group) => group.steps.length);
  return (
    <section class="hc-due-list hc-stack" aria-label="Due">
      <h3 class="hc-h3">Due</h3>
      {!groups.length ? <p class="hc-muted">Nothing is due this week, and nothing is overdue.</p> : null}
      {groups.map((group) => (
        <section key={group.label} aria-label={group.label}>
          <h4>{group.label}</h4>
          <ul class="hc-plan__items">
            {group.steps.map((step) => (
              <DueRow key={step.id} step={step} today={today} onOpenAccount={onOpenAccount} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
