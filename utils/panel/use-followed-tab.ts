// The tab the side panel shows, following the browser's tab events (utils/panel/tab-follow.ts
// decides; this only listens). Works without the "tabs" permission: ids and status only.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { activeTabFound, startFollowing, tabActivated, tabRemoved, tabUpdated, type Followed } from './tab-follow';

export function useFollowedTab(search: string = location.search): Followed {
  const [state, setState] = useState<Followed>(() => startFollowing(search));
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const window = await browser.windows.getCurrent();
        const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
        if (live) setState((now) => activeTabFound(now, { tabId: tab?.id ?? null, windowId: window.id ?? null }));
      } catch {
        // No window (a test's plain page): pinned panels need none.
      }
    })();
    const activated = (info: { tabId: number; windowId: number }) => setState((now) => tabActivated(now, info));
    const updated = (tabId: number, change: { status?: string; url?: string }) => setState((now) => tabUpdated(now, tabId, change));
    const removed = (tabId: number) => setState((now) => tabRemoved(now, tabId));
    browser.tabs.onActivated.addListener(activated);
    browser.tabs.onUpdated.addListener(updated);
    browser.tabs.onRemoved.addListener(removed);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(activated);
      browser.tabs.onUpdated.removeListener(updated);
      browser.tabs.onRemoved.removeListener(removed);
    };
  }, []);
  return state;
}
