import { useId } from 'preact/hooks';
import { SIGNALS } from '../utils/vocabulary';
import { signalLabel } from './labels';

/** Signals an account gave in the last 90 days: one CSS bar per signal with its number as
 * text, so screen readers and forced-colours users read the same figures. About the
 * customer, never about who filed (pact rule 3). */
export function SignalBars({ counts, caption }: { counts: Record<string, number>; caption: string }) {
  const order = (signal: string) => {
    const index = (SIGNALS as readonly string[]).indexOf(signal);
    return index < 0 ? SIGNALS.length : index;
  };
  const rows = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || order(a) - order(b));
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const captionId = useId();
  if (!rows.length) return <p class="hc-muted">No signals in the last 90 days.</p>;
  return (
    <figure class="hc-bars" aria-labelledby={captionId}>
      <figcaption id={captionId}>{caption}</figcaption>
      <ul>
        {rows.map(([signal, n]) => (
          <li key={signal} class="hc-bar">
            <span class="hc-bar__label">{signalLabel(signal)}</span>
            <span class="hc-bar__track" aria-hidden="true">
              <span class="hc-bar__fill" style={{ width: `${Math.round((n / max) * 100)}%` }} />
            </span>
            <span class="hc-bar__value">{n === 1 ? '1 entry' : `${n} entries`}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
