import type { Ref } from 'preact';
import { LIMITS } from '../utils/limits';
import { planBodyProblem } from '../utils/plan-actions';

/** An item's text with its count; what is wrong is said only once the rep has typed or tried
 * to submit, never while they are still reading the form. */
export function PlanBodyField({
  id,
  label,
  value,
  showProblem,
  inputRef,
  onInput,
}: {
  id: string;
  label: string;
  value: string;
  showProblem: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
  onInput: (value: string) => void;
}) {
  const problem = showProblem ? planBodyProblem(value) : null;
  return (
    <>
      <label for={id}>{label}</label>
      <textarea
        ref={inputRef}
        id={id}
        rows={3}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-count`}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <small id={`${id}-count`} class={problem ? 'hc-count--over' : 'hc-muted'}>
        {value.trim().length.toLocaleString('en')} / {LIMITS.planBody} characters
        {problem ? ` — ${problem}` : ''}
      </small>
    </>
  );
}
