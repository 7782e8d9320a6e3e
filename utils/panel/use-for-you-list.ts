// For you's list in the side panel: what is waiting, newest said first; dismissing a route
// (the server keeps that as the reader's own row); clearing entries on followed accounts and
// "seen" (both in this browser only, pact rule 8). Components get the state and the events.
import { useEffect, useRef, useState } from 'preact/hooks';
import { forYouShown } from '../for-you';
import { keptThenFresh, type Shown } from '../kept-answer';
import type { ForYou } from '../messages';
import { send } from '../send';

export type Outcome = { ok: true } | { ok: false; error: string };

export interface ForYouList {
  state: Shown<ForYou>;
  reload: () => void;
  dismiss: (routeId: string) => Promise<Outcome>;
  /** Clears entries on followed accounts, one or all of them. */
  clear: (entryIds: string[]) => Promise<Outcome>;
  /** The element whose showing on screen counts as having seen the items. */
  seenRef: { current: HTMLElement | null };
}

export function useForYouList(): ForYouList {
  const [state, setState] = useState<Shown<ForYou>>({ kind: 'loading' });
  const seenRef = useRef<HTMLElement | null>(null);
  const load = async () => {
    setState({ kind: 'loading' });
    await keptThenFresh(
      (prefer) => send('forYou.list', { prefer }),
      (shown) => setState(shown.kind === 'ok' ? { ...shown, data: forYouShown(shown.data) } : shown),
    );
  };
  useEffect(() => void load(), []);

  // Only the server's answer, once it is on screen, counts as having looked: the dot clears
  // then, and what is there stops being new. Without IntersectionObserver, showing it counts.
  const fresh = state.kind === 'ok' && !state.cachedAt;
  useEffect(() => {
    if (!fresh) return;
    const looked = () => void send('forYou.looked', {});
    const element = seenRef.current;
    if (!element || typeof IntersectionObserver === 'undefined') return looked();
    const observer = new IntersectionObserver((seen) => {
      if (!seen.some((item) => item.isIntersecting)) return;
      observer.disconnect();
      looked();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [fresh]);

  const without = (drop: (data: ForYou) => ForYou) =>
    setState((shown) => (shown.kind === 'ok' ? { ...shown, data: drop(shown.data) } : shown));

  return {
    state,
    reload: () => void load(),
    seenRef,
    dismiss: async (routeId) => {
      const result = await send('route.dismiss', { routeId });
      if (!result.ok) return result;
      without((data) => ({ ...data, routes: data.routes.filter((route) => route.route_id !== routeId) }));
      return { ok: true };
    },
    clear: async (entryIds) => {
      const result = await send('forYou.clear', { entryIds });
      if (!result.ok) return result;
      without((data) => ({ ...data, followed: data.followed.filter((entry) => !entryIds.includes(entry.id)) }));
      return { ok: true };
    },
  };
}
