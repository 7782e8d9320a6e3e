import { useEffect, useState } from 'preact/hooks';
import { ForYouPanel } from '../../components/ForYouPanel';
import { KeptAge } from '../../components/KeptAge';
import { keptThenFresh, type Shown } from '../../utils/kept-answer';
import type { ForYou } from '../../utils/messages';
import { send } from '../../utils/send';
import { DueSection } from './DueSection';
import type { PanelProps } from './types';

/** The For you tab: what colleagues brought to me or my department, and what is new on the
 * accounts I follow. Showing it counts as looking (kept in this browser only). It paints at
 * once from the list kept in this browser, with its age, then the server's. */
export function ForYouTab({ openAccount }: PanelProps) {
  const [state, setState] = useState<Shown<ForYou>>({ kind: 'loading' });
  const load = async () => {
    setState({ kind: 'loading' });
    await keptThenFresh(
      (prefer) => send('forYou.list', { prefer }),
      (shown) => {
        setState(shown);
        // Only the server's answer counts as having looked.
        if (shown.kind === 'ok' && !shown.cachedAt) void send('forYou.looked', {});
      },
    );
  };
  useEffect(() => void load(), []);

  const dismiss = async (routeId: string) => {
    const result = await send('route.dismiss', { routeId });
    if (!result.ok) return result;
    setState((shown) =>
      shown.kind === 'ok'
        ? { ...shown, data: { ...shown.data, routes: shown.data.routes.filter((route) => route.route_id !== routeId) } }
        : shown,
    );
    return { ok: true as const };
  };

  return (
    <>
      {state.kind === 'ok' ? <KeptAge cachedAt={state.cachedAt} offline={state.offline} /> : null}
      <ForYouPanel state={state} onOpen={openAccount} onDismiss={dismiss} onRetry={() => void load()} />
      <DueSection openAccount={openAccount} />
    </>
  );
}
