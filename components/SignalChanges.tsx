import type { SignalChange } from '../utils/messages';
import { changeSentence, nothingUnusual } from '../utils/insights';

/** "What changed": each change beyond noise as a sentence with an up or down mark. */
export function SignalChanges({ changes, recentWeeks }: { changes: readonly SignalChange[]; recentWeeks: number }) {
  if (!changes.length) return <p class="hc-empty">{nothingUnusual(recentWeeks)}</p>;
  return (
    <ul class="hc-changes" aria-label="Changes beyond the usual">
      {changes.map((change) => (
        <li key={change.signal} class="hc-changes__item" data-direction={change.direction}>
          <span class="hc-changes__mark" aria-hidden="true">
            {change.direction === 'up' ? '▲' : '▼'}
          </span>
          <span class="hc-visually-hidden">{change.direction === 'up' ? 'Up. ' : 'Down. '}</span>
          {changeSentence(change, recentWeeks)}
        </li>
      ))}
    </ul>
  );
}
