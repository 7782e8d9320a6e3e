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

/** How long after a navigation inside the tab its content script has to report before the
 * panel asks the background itself. */
export const REPORT_WAIT_MS = 400;

export function useTabView(tabId: number | null, navigations: number): TabViewModel {
  const [state, setState] = useState<TabViewState>({ status: 'loading' });
  const asked = useRef(0);
  /** Reports seen for the tab: a navigation's own ask waits on the next one. */
  const reports = useRef(0);

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

  // Another tab (or the first): ask at once. A navigation inside the same tab: its content
  // script reports what the page shows now, and that report is the panel's hot path (below), so
  // asking as well would only compete with it in the background. Ask only if no report came
  // within REPORT_WAIT_MS (the page shows the same thing, or has no content script).
  const shownTab = useRef<number | null>(null);
  const reportsAtNavigation = useRef<number | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    const sameTab = shownTab.current === tabId;
    shownTab.current = tabId;
    if (!sameTab || navigations === 0) {
      reportsAtNavigation.current = null;
      setState((now) => (now.status === 'ready' && navigations > 0 ? now : { status: 'loading' }));
      void ask(false);
      return;
    }
    // The browser tells one navigation in steps (the URL, then "complete"): the report that
    // answers it may come between them.
    const seen = (reportsAtNavigation.current ??= reports.current);
    const timer = setTimeout(() => {
      reportsAtNavigation.current = null;
      if (reports.current === seen) void ask(false);
    }, REPORT_WAIT_MS);
    return () => clearTimeout(timer);
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
      reports.current += 1;
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
