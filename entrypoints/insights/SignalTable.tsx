import { count, signalName, weekLabel, type SignalSeries } from '../../utils/insights';

/** The same numbers as a signal's chart, as a table a screen reader can walk: one row per
 * week, newest first, each with a button that lists that week's entries. */
export function SignalTable({
  series,
  currentWeek,
  selectedWeek,
  onSelectWeek,
}: {
  series: SignalSeries;
  /** The Monday of this week (UTC), which is still going on. */
  currentWeek: string;
  selectedWeek: string | null;
  onSelectWeek: (week: string) => void;
}) {
  const name = signalName(series.signal);
  const rows = [...series.points].reverse();
  return (
    <table class="hc-signal-table">
      <caption>{`${name}: ${count(series.total, 'entry', 'entries')}`}</caption>
      <thead>
        <tr>
          <th scope="col">Week of</th>
          <th scope="col">Entries</th>
          <th scope="col">Accounts</th>
          <th scope="col">
            <span class="hc-visually-hidden">Entries that week</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((point) => (
          <tr key={point.week} aria-current={point.week === selectedWeek ? 'true' : undefined}>
            <th scope="row">
              {weekLabel(point.week)}
              {point.week === currentWeek ? <span class="hc-muted"> (so far)</span> : null}
            </th>
            <td>{point.entries}</td>
            <td>{point.accounts}</td>
            <td>
              {point.entries > 0 ? (
                <button
                  type="button"
                  class="hc-link"
                  aria-label={`Show the ${count(point.entries, 'entry', 'entries')} about ${name} in the week of ${weekLabel(point.week)}`}
                  onClick={() => onSelectWeek(point.week)}
                >
                  Show
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
