import type { FieldCount } from '../utils/panel/draft-check';

/** "120 / 300 characters", and what is over, beside the field it counts. */
export function CharacterCount({ id, count, problem }: { id: string; count: FieldCount; problem: string | null }) {
  const over = count.used > count.limit;
  return (
    <small id={id} class={over || problem ? 'hc-count--over' : 'hc-muted'}>
      {count.used.toLocaleString('en')} / {count.limit.toLocaleString('en')} characters
      {problem ? ` — ${problem}` : ''}
    </small>
  );
}
