// For you → Due: the reader's steps and those on followed accounts, due within the week
// (today and the six days after) or overdue.
import { useEffect, useState } from 'preact/hooks';
import { addDays, localDay } from '../due-dates';
import type { DueStep } from '../messages';
import { send } from '../send';

export type DueLoad = { kind: 'loading' } | { kind: 'ok'; steps: DueStep[]; today: string } | { kind: 'error'; message: string };

export function useDue(refresh = 0): DueLoad {
  const [load, setLoad] = useState<DueLoad>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    const today = localDay();
    void send('plan.due', { until: addDays(today, 6) }).then((result) => {
      if (live) setLoad(result.ok ? { kind: 'ok', steps: result.data.steps, today } : { kind: 'error', message: result.error });
    });
    return () => {
      live = false;
    };
  }, [refresh]);
  return load;
}
