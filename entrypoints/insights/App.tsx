import { useEffect, useId, useState } from 'preact/hooks';
import { download } from '../../components/MyEntries';
import { SignalChanges } from '../../components/SignalChanges';
import {
  ageText,
  count,
  groupBySignal,
  INSIGHT_RECENT_WEEKS,
  INSIGHT_WEEKS,
  seriesCsv,
  seriesWideCsv,
  signalName,
  weekOf,
  withEntries,
} from '../../utils/insights';
import type { InsightsOverview, SessionState } from '../../utils/messages';
import { openSettings } from '../../utils/open-page';
import { send } from '../../utils/send';
import type { Signal } from '../../utils/vocabulary';
import { OverdueAccounts } from './OverdueAccounts';
import { SignalChart } from './SignalChart';
import { SignalTable } from './SignalTable';
import { WeekEntries } from './WeekEntries';

type Load<T> = { kind: 'loading' } | { kind: 'ok'; data: T } | { kind: 'error'; message: string };

/** The Insights page: what customers are telling the team week by week, what changed, and
 * the entries behind any week. For every member; about customers and signals, never people. */
export function App() {
  const [session, setSession] = useState<Load<SessionState>>({ kind: 'loading' });
  const load = async () => {
    setSession({ kind: 'loading' });
    const result = await send('session.get', {});
    setSession(result.ok ? { kind: 'ok', data: result.data } : { kind: 'error', message: result.error });
  };
  useEffect(() => void load(), []);

  return (
    <main class="hc-insights" aria-labelledby="insights-title">
      <header class="hc-insights__header">
        <h1 id="insights-title">Insights</h1>
        <p class="hc-muted">What customers are telling your team, week by week. About customers and signals — never about people.</p>
      </header>
      <Body session={session} retry={() => void load()} />
    </main>
  );
}

function Body({ session, retry }: { session: Load<SessionState>; retry: () => void }) {
  if (session.kind === 'loading') return <p role="status">Loading…</p>;
  if (session.kind === 'error') {
    return (
      <div role="alert" class="hc-state">
        <p>{session.message}</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  const state = session.data;
  if (!state.user) {
    return (
      <div class="hc-state">
        <p>Sign in to see what your team’s customers are saying.</p>
        <button type="button" onClick={() => void openSettings('sign-in')}>
          Sign in
        </button>
      </div>
    );
  }
  if (!state.activeOrgId) {
    return (
      <div class="hc-state">
        <p>Insights are about your team’s organization, and you are not in one yet.</p>
        <button type="button" onClick={() => void openSettings('organization')}>
          Open settings
        </button>
      </div>
    );
  }
  return <Insights key={state.activeOrgId} orgId={state.activeOrgId} userId={state.user.id} />;
}

interface Selection {
  signal: Signal;
  week: string;
}

function Insights({ orgId, userId }: { orgId: string; userId: string }) {
  const [weeks, setWeeks] = useState<number>(26);
  const [asTable, setAsTable] = useState(false);
  const [overview, setOverview] = useState<Load<InsightsOverview>>({ kind: 'loading' });
  const [shown, setShown] = useState<InsightsOverview | null>(null);
  const [selected, setSelected] = useState<Selection | null>(null);
  const ids = useId();

  const fetchOverview = async (window: number) => {
    setOverview({ kind: 'loading' });
    const result = await send('insights.overview', { weeks: window });
    if (result.ok) {
      setOverview({ kind: 'ok', data: result.data });
      setShown(result.data);
    } else {
      setOverview({ kind: 'error', message: result.error });
    }
  };
  useEffect(() => void fetchOverview(weeks), [weeks]);

  if (!shown) {
    if (overview.kind === 'error') {
      return (
        <div role="alert" class="hc-state">
          <p>Insights could not be loaded: {overview.message}</p>
          <button type="button" onClick={() => void fetchOverview(weeks)}>
            Try again
          </button>
        </div>
      );
    }
    return <p role="status">Loading insights…</p>;
  }

  const series = withEntries(groupBySignal(shown.series));
  const currentWeek = weekOf(new Date());
  const showsCurrentWeek = series.some((one) => one.points.some((point) => point.week === currentWeek));
  const csvName = (form: string) => `highcard-signals-${shown.weeks}-weeks-${form}.csv`;
  const choose = (signal: string) => (week: string) => setSelected({ signal: signal as Signal, week });
  const updating = overview.kind === 'loading';

  return (
    <div class="hc-insights__body" aria-busy={updating}>
      {shown.cached ? (
        <p role="status" class="hc-banner">
          The server could not be reached ({shown.problem ?? 'offline'}). Showing the last answer, from {ageText(shown.fetchedAt)}.
        </p>
      ) : null}
      {overview.kind === 'error' ? (
        <div role="alert" class="hc-error">
          <p>{overview.message}</p>
          <button type="button" onClick={() => void fetchOverview(weeks)}>
            Try again
          </button>
        </div>
      ) : null}

      <section class="hc-insights__changes" aria-labelledby={`${ids}-changes`}>
        <h2 id={`${ids}-changes`} class="hc-h2">
          What changed
        </h2>
        <p class="hc-muted">
          The last {INSIGHT_RECENT_WEEKS} weeks against the 12 before them; only changes beyond the usual ups and downs.
        </p>
        <SignalChanges changes={shown.changes} recentWeeks={INSIGHT_RECENT_WEEKS} />
      </section>

      <section class="hc-insights__series" aria-labelledby={`${ids}-series`}>
        <h2 id={`${ids}-series`} class="hc-h2">
          What customers are telling us
        </h2>
        <div class="hc-insights__tools">
          <label for={`${ids}-weeks`}>Weeks</label>
          <select id={`${ids}-weeks`} value={String(weeks)} onChange={(e) => setWeeks(Number(e.currentTarget.value))}>
            {INSIGHT_WEEKS.map((n) => (
              <option key={n} value={String(n)}>
                Last {n} weeks
              </option>
            ))}
          </select>
          <label class="hc-switch">
            <input type="checkbox" role="switch" checked={asTable} onChange={(e) => setAsTable(e.currentTarget.checked)} />
            Show as table
          </label>
          <button
            type="button"
            disabled={!series.length}
            onClick={() => download(csvName('by-week'), 'text/csv;charset=utf-8', seriesWideCsv(series))}
          >
            Export CSV: a column per signal
          </button>
          <button
            type="button"
            disabled={!series.length}
            onClick={() => download(csvName('by-signal-and-week'), 'text/csv;charset=utf-8', seriesCsv(series))}
          >
            Export CSV: a row per signal and week
          </button>
          {updating ? (
            <span role="status" class="hc-muted">
              Updating…
            </span>
          ) : null}
        </div>

        {!asTable && series.length ? (
          <p class="hc-muted">
            {showsCurrentWeek ? (
              <>
                <span class="hc-partial-key" aria-hidden="true" /> The last, lighter bar is this week so far.{' '}
              </>
            ) : null}
            Choose a week on a chart (click, or arrow keys and Enter) to read its entries.
          </p>
        ) : null}
        {series.length ? (
          <ul class="hc-multiples" aria-label="Signals">
            {series.map((one) => (
              <li key={one.signal} class="hc-multiple">
                {asTable ? (
                  <SignalTable series={one} currentWeek={currentWeek} selectedWeek={selected?.signal === one.signal ? selected.week : null} onSelectWeek={choose(one.signal)} />
                ) : (
                  <figure class="hc-multiple__figure">
                    <figcaption>
                      <strong>{signalName(one.signal)}</strong>{' '}
                      <span class="hc-muted">{count(one.total, 'entry', 'entries')}</span>
                    </figcaption>
                    <SignalChart series={one} currentWeek={currentWeek} selectedWeek={selected?.signal === one.signal ? selected.week : null} onSelectWeek={choose(one.signal)} />
                  </figure>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p class="hc-empty">
            Nothing with a customer signal in the last {shown.weeks} weeks yet. When your team files what customers say and
            marks it — pricing, an objection, praise, a feature request — each signal gets a weekly chart here, and
            changes beyond the usual are listed under “What changed”.
          </p>
        )}
      </section>

      <OverdueAccounts orgId={orgId} />

      {selected ? (
        <WeekEntries signal={selected.signal} week={selected.week} currentUserId={userId} onClose={() => setSelected(null)} />
      ) : null}
    </div>
  );
}
