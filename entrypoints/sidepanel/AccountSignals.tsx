import { useEffect, useState } from 'preact/hooks';
import { SignalBars } from '../../components/SignalBars';
import { SignalSparklines } from '../../components/SignalSparklines';
import type { SignalWeek } from '../../utils/messages';
import { send } from '../../utils/send';
import type { AccountPanelProps } from './types';

const WEEKS = 26;

type Load = { kind: 'loading' } | { kind: 'ok'; rows: SignalWeek[] } | { kind: 'error'; message: string };

/** The account view's folded panel: the signals of the last 90 days as bars, then each over
 * the last 26 weeks (Insights). */
export function AccountSignals({ accountId, overview }: AccountPanelProps) {
  return (
    <>
      <SignalBars counts={overview.signals_90d} caption="Signals in the last 90 days" />
      <WeekByWeek accountId={accountId} />
    </>
  );
}

function WeekByWeek({ accountId }: { accountId: string }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const fetchSeries = async () => {
    setLoad({ kind: 'loading' });
    const result = await send('insights.account', { accountId, weeks: WEEKS });
    setLoad(result.ok ? { kind: 'ok', rows: result.data } : { kind: 'error', message: result.error });
  };
  useEffect(() => void fetchSeries(), [accountId]);

  if (load.kind === 'loading') return <p role="status" class="hc-muted hc-muted">Loading signals week by week…</p>;
  if (load.kind === 'error') {
    return (
      <div role="alert" class="hc-error hc-error">
        <p>Signals week by week: {load.message}</p>
        <button type="button" onClick={() => void fetchSeries()}>
          Try again
        </button>
      </div>
    );
  }
  return <SignalSparklines rows={load.rows} weeks={WEEKS} />;
}
