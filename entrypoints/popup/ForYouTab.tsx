import { useEffect, useState } from 'preact/hooks';
import { ForYouPanel } from '../../components/ForYouPanel';
import type { ForYou } from '../../utils/messages';
import { send } from '../../utils/send';
import type { PopupTabProps } from './types';

type Load = { kind: 'loading' } | { kind: 'ok'; data: ForYou } | { kind: 'error'; message: string };

/** The For you tab: what colleagues brought to me or my department, and what is new on the
 * accounts I follow. Showing it counts as looking (kept in this browser only). */
export function ForYouTab({ openAccount }: PopupTabProps) {
  const [state, setState] = useState<Load>({ kind: 'loading' });
  const load = async () => {
    setState({ kind: 'loading' });
    const result = await send('forYou.list', {});
    setState(result.ok ? { kind: 'ok', data: result.data } : { kind: 'error', message: result.error });
    if (result.ok) void send('forYou.looked', {});
  };
  useEffect(() => void load(), []);

  const dismiss = async (routeId: string) => {
    const result = await send('route.dismiss', { routeId });
    if (!result.ok) return result;
    setState((shown) =>
      shown.kind === 'ok'
        ? { kind: 'ok', data: { ...shown.data, routes: shown.data.routes.filter((route) => route.route_id !== routeId) } }
        : shown,
    );
    return { ok: true as const };
  };

  return <ForYouPanel state={state} onOpen={openAccount} onDismiss={dismiss} onRetry={() => void load()} />;
}
