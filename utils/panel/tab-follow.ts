// Which tab the side panel shows. Without `?tab=` it follows the active tab of its own window:
// another tab chosen, a navigation inside it, the tab closed. With `sidepanel.html?tab=<id>`
// (tests, a panel popped out into a window of its own) it stays on that one tab. Pure: the
// browser's events go in, the tab to show comes out.

export interface Followed {
  /** The tab shown, or null while it is not known yet (or none is open). */
  tabId: number | null;
  /** The panel's own window: only its tabs are followed. */
  windowId: number | null;
  /** Pinned by `?tab=`: tab switches are ignored. */
  pinned: boolean;
  /** The pinned tab was closed: the panel says so instead of showing another tab. */
  closed: boolean;
  /** Bumped when the tab shown navigated: the panel asks what it shows again. */
  navigations: number;
}

/** The tab `?tab=<id>` pins the panel to, or null. */
export function pinnedTabOf(search: string): number | null {
  const value = new URLSearchParams(search).get('tab');
  if (value === null || !/^\d+$/.test(value)) return null;
  return Number(value);
}

export function startFollowing(search: string): Followed {
  const pinned = pinnedTabOf(search);
  return { tabId: pinned, windowId: null, pinned: pinned !== null, closed: false, navigations: 0 };
}

/** The active tab of the panel's window, found when the panel opens. */
export function activeTabFound(state: Followed, tab: { tabId: number | null; windowId: number | null }): Followed {
  if (state.pinned) return state;
  return { ...state, tabId: tab.tabId, windowId: tab.windowId };
}

/** tabs.onActivated: another tab chosen, in this window or another one. */
export function tabActivated(state: Followed, info: { tabId: number; windowId: number }): Followed {
  if (state.pinned) return state;
  if (state.windowId !== null && info.windowId !== state.windowId) return state;
  if (state.tabId === info.tabId) return state;
  return { ...state, tabId: info.tabId, windowId: state.windowId ?? info.windowId };
}

/** tabs.onUpdated: a navigation inside the tab shown (a new page, or a single-page app's own). */
export function tabUpdated(state: Followed, tabId: number, change: { status?: string; url?: string }): Followed {
  if (tabId !== state.tabId || state.closed) return state;
  if (change.status !== 'complete' && change.url === undefined) return state;
  return { ...state, navigations: state.navigations + 1 };
}

/** tabs.onRemoved: the tab shown closed. Following, the next active tab takes over (its
 * onActivated follows); pinned, the panel says the tab is gone. */
export function tabRemoved(state: Followed, tabId: number): Followed {
  if (tabId !== state.tabId) return state;
  return state.pinned ? { ...state, closed: true } : { ...state, tabId: null };
}
