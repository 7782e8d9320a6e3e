// What the tab beside the panel shows: asked of the background (which keeps what each tab's
// content script reported) when the tab changes or navigates, and taken from what the
// background keeps whenever a content script reports something new.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorKind } from '../errors';
import type { TabView } from '../messages';
import { send } from '../send';
import { tabViewsItem } from '../storage';

/** A failure keeps its kind: the view chooses its words and what to offer from it. */
export type TabViewState =
  | { status: 'loading' }
  | { status: 'ready'; tab: TabView }
  | { status: 'error'; message: string; kind: ErrorKind };

export interface TabViewModel {
  state: TabViewState;
  /** Reads the page again now (before a preview opens): the freshest view, or null. */
  reread: () => Promise<TabView | null>;
  /** Asks again after a failure (what the background keeps, or a fresh read). */
  retry: () => void;
}

export function useTabView(tabId: number | null, navigations: number): TabViewModel {
  const [state, setState] = useState<TabViewState>({ status: 'loading' });
  const asked = useRef(0);

  const ask = useCallback(
    async (fresh: boolean): Promise<TabView | null> => {
      if (tabId === null) return null;
      const mine = (asked.current += 1);
      const answer = await send('page.get', { tabId, fresh });
      if (mine !== asked.current) return answer.ok ? answer.data : null;
      setState(answer.ok ? { status: 'ready', tab: answer.data } : { status: 'error', message: answer.error, kind: answer.kind ?? 'bug' });
      return answer.ok ? answer.data : null;
    },
    [tabId],
  );

  useEffect(() => {
    if (tabId === null) return;
    setState((now) => (now.status === 'ready' && navigations > 0 ? now : { status: 'loading' }));
    void ask(false);
  }, [tabId, navigations, ask]);

  // A content script reported and the background kept it: what it kept is in hand, so it shows
  // at once, with no second trip through the background (this is the panel's hot path). A view
  // the background forgot is asked for: the background then reads the tab itself.
  useEffect(() => {
    if (tabId === null) return;
    let last = '';
    return tabViewsItem.watch((views) => {
      const kept = views?.[String(tabId)] ?? null;
      const mine = JSON.stringify(kept);
      if (mine === last) return;
      last = mine;
      if (!kept) return void ask(false);
      // Anything asked before this is older than it.
      asked.current += 1;
      setState({ status: 'ready', tab: kept });
    });
  }, [tabId, ask]);

  return {
    state,
    reread: useCallback(() => ask(true), [ask]),
    retry: useCallback(() => {
      setState({ status: 'loading' });
      void ask(false);
    }, [ask]),
  };
}
