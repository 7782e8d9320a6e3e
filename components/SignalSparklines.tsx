import { useId } from 'preact/hooks';
import type { SignalWeek } from '../utils/messages';
import { count, groupBySignal, seriesSummary, signalName } from '../utils/insights';

const WIDTH = 120;
const HEIGHT = 22;

/** The points of a sparkline: weeks left to right, entries bottom to top. */
export function sparklinePoints(entries: readonly number[], width = WIDTH, height = HEIGHT): string {
  const max = Math.max(1, ...entries);
  const step = entries.length > 1 ? width / (entries.length - 1) : 0;
  return entries
    .map((n, i) => `${(i * step).toFixed(1)},${(height - 1 - (n / max) * (height - 2)).toFixed(1)}`)
    .join(' ');
}

/** One account's signals week by week, a sparkline each, with the numbers as text beside
 * them (the line itself is decoration). About the customer, never about who filed. */
export function SignalSparklines({ rows, weeks }: { rows: readonly SignalWeek[]; weeks: number }) {
  const titleId = useId();
  const series = groupBySignal(rows);
  return (
    <section class="hc-sparklines" aria-labelledby={titleId}>
      <h3 id={titleId} class="hc-h2 hc-h3">
        Signals week by week ({weeks} weeks)
      </h3>
      {series.length ? (
        <ul class="hc-sparklines__list">
          {series.map((one) => (
            <li key={one.signal} class="hc-sparklines__row">
              <span class="hc-sparklines__label">{signalName(one.signal)}</span>
              <svg class="hc-sparklines__line" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
                <polyline fill="none" stroke="currentColor" stroke-width="1.5" points={sparklinePoints(one.points.map((p) => p.entries))} />
              </svg>
              <span class="hc-sparklines__value" title={seriesSummary(one)}>
                {count(one.total, 'entry', 'entries')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hc-muted hc-muted">No signals in the last {weeks} weeks.</p>
      )}
    </section>
  );
}
