// Tells the background which account the page in view is about, so the popup opened over
// this tab goes straight to it. Said explicitly, once per page and account, only after a
// lookup the rep allowed; nothing is said when nothing was looked up.
import { useEffect, useRef } from 'preact/hooks';
import { send } from '../send';
import type { ContextState } from './use-team-context';

export function useAnnounceInView(viewId: string, state: ContextState): void {
  const said = useRef<string | null>(null);
  const account = state.status === 'ready' ? (state.result.accounts[0] ?? null) : undefined;
  const accountId = account === undefined ? undefined : (account?.id ?? null);
  useEffect(() => {
    if (accountId === undefined) return;
    const key = `${viewId}|${accountId ?? ''}`;
    if (said.current === key) return;
    said.current = key;
    void send('sidebar.inView', { accountId, accountName: account?.name ?? null });
  }, [viewId, accountId]);
}
