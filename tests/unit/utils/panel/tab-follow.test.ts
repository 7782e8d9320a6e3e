import { describe, expect, it } from 'vitest';
import { activeTabFound, pinnedTabOf, startFollowing, tabActivated, tabRemoved, tabUpdated } from '../../../../utils/panel/tab-follow';

const following = () => activeTabFound(startFollowing(''), { tabId: 10, windowId: 1 });

describe('which tab the side panel shows', () => {
  it('is pinned by ?tab=<id> and only by a whole number', () => {
    expect(pinnedTabOf('?tab=42')).toBe(42);
    expect(pinnedTabOf('?tab=0')).toBe(0);
    for (const search of ['', '?tab=', '?tab=-1', '?tab=4.2', '?tab=x', '?other=3']) expect(pinnedTabOf(search)).toBeNull();
  });

  it('follows a tab switch in its own window, and ignores other windows', () => {
    const state = following();
    expect(tabActivated(state, { tabId: 11, windowId: 1 }).tabId).toBe(11);
    expect(tabActivated(state, { tabId: 20, windowId: 2 })).toBe(state);
  });

  it('asks again when the tab it shows navigates, not when another tab does', () => {
    const state = following();
    expect(tabUpdated(state, 10, { status: 'complete' }).navigations).toBe(1);
    expect(tabUpdated(state, 10, { url: 'https://mail.google.com/mail/u/0/#inbox/abc' }).navigations).toBe(1);
    expect(tabUpdated(state, 10, { status: 'loading' })).toBe(state);
    expect(tabUpdated(state, 11, { status: 'complete' })).toBe(state);
  });

  it('lets the next active tab take over when the tab it shows closes', () => {
    const closed = tabRemoved(following(), 10);
    expect(closed).toMatchObject({ tabId: null, closed: false });
    expect(tabActivated(closed, { tabId: 12, windowId: 1 }).tabId).toBe(12);
    expect(tabRemoved(following(), 99)).toEqual(following());
  });

  it('pinned, stays on its tab through switches and says when that tab closed', () => {
    const pinned = activeTabFound(startFollowing('?tab=7'), { tabId: 10, windowId: 1 });
    expect(pinned).toMatchObject({ tabId: 7, pinned: true });
    expect(tabActivated(pinned, { tabId: 11, windowId: 1 }).tabId).toBe(7);
    expect(tabUpdated(pinned, 7, { status: 'complete' }).navigations).toBe(1);
    const gone = tabRemoved(pinned, 7);
    expect(gone).toMatchObject({ tabId: 7, closed: true });
    expect(tabUpdated(gone, 7, { status: 'complete' })).toBe(gone);
  });
});
