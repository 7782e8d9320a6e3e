import { dueState, dueWords } from '../utils/due-dates';

/** A step's due date in words; overdue says so in words, and the colour only repeats it. */
export function DueDate({ dueOn, today }: { dueOn: string | null; today: string }) {
  if (!dueOn) return null;
  const state = dueState(dueOn, today);
  return (
    <span class={`hc-due hc-due--${state}`}>
      <time dateTime={dueOn}>{dueWords(dueOn, today)}</time>
    </span>
  );
}
