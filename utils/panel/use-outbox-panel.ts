// The outbox as the panel shows it: what waits and why, and the three things a person can do
// about a refused item. The panel component only draws this.
import { useEffect, useState } from 'preact/hooks';
import type { BackgroundProblem, OthersWaiting, OutboxItem } from '../messages';
import { send } from '../send';

export type OutboxCapture = OutboxItem['capture'];

export type OutboxPanelData = {
  items: OutboxItem[] | null;
  error: string | null;
  problem: BackgroundProblem | null;
  /** Other people's unsent items here: counts and whose only. */
  others: OthersWaiting;
  /** Items kept from before Highcard recorded who filed them that the reader is asked about. */
  unowned: number;
  busy: boolean;
  /** Each answers null when it worked, or the words of the problem. */
  update: (id: string, capture: OutboxCapture) => Promise<string | null>;
  retry: (id: string) => Promise<string | null>;
  discard: (id: string) => Promise<string | null>;
  /** The reader's answer about those items: they are theirs to send, or to discard. Answers how
   * many the background took (another panel may have answered first), or the problem's words. */
  decideUnowned: (choice: 'send' | 'discard') => Promise<{ error: string } | { count: number }>;
};

export function useOutboxPanel(): OutboxPanelData {
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<BackgroundProblem | null>(null);
  const [others, setOthers] = useState<OthersWaiting>([]);
  const [unowned, setUnowned] = useState(0);
  const [busy, setBusy] = useState(false);

  const refresh = async () => {
    const [result, trouble, waiting, ownerless] = await Promise.all([
      send('outbox.list', {}),
      send('outbox.problem', {}),
      send('outbox.others', {}),
      send('outbox.unowned', {}),
    ]);
    if (result.ok) setItems(result.data);
    else setError(result.error);
    setProblem(trouble.ok ? trouble.data : null);
    setOthers(waiting.ok ? waiting.data : []);
    setUnowned(ownerless.ok ? ownerless.data.count : 0);
  };
  useEffect(() => void refresh(), []);

  const perform = async <T,>(action: () => Promise<{ ok: true; data: T } | { ok: false; error: string }>) => {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) setError(result.error);
    await refresh();
    return result;
  };
  const act = async <T,>(action: () => Promise<{ ok: true; data: T } | { ok: false; error: string }>) => {
    const result = await perform(action);
    return result.ok ? null : result.error;
  };

  return {
    items,
    error,
    problem,
    others,
    unowned,
    busy,
    update: (id, capture) => act(() => send('outbox.update', { id, capture })),
    retry: (id) => act(() => send('outbox.retry', { id })),
    discard: (id) => act(() => send('outbox.discard', { id })),
    decideUnowned: async (choice) => {
      const result = await perform(() => send('outbox.decideUnowned', { choice }));
      return result.ok ? { count: result.data.count } : { error: result.error };
    },
  };
}
