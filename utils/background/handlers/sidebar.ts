// The sidebar in the page: which account its tab is about (for the popup), "Sign in", and
// whether the rep hid it on a site.
import { openSettings } from '../../open-page';
import { activeOrgItem, sidebarPrefsItem, tabContextItem } from '../../storage';
import type { TopicHandlers } from './types';

/** Tabs remembered at most; the oldest are forgotten first. */
const TAB_CONTEXT_LIMIT = 50;

export const sidebarHandlers = {
  // Session storage only (memory, never sent anywhere): the popup asks with its tab's id.
  'sidebar.inView': async ({ accountId, accountName }, sender) => {
    const tabId = sender?.tab?.id;
    const orgId = await activeOrgItem.getValue();
    if (tabId === undefined || tabId < 0 || !orgId) return {};
    // A copy: the item's fallback object must never be changed in place.
    const all = { ...(await tabContextItem.getValue()) };
    all[String(tabId)] = {
      orgId,
      accountId,
      accountName: accountId ? accountName : null,
      url: sender?.url ?? null,
      at: Date.now(),
    };
    const newest = Object.entries(all)
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, TAB_CONTEXT_LIMIT);
    await tabContextItem.setValue(Object.fromEntries(newest));
    return {};
  },

  'sidebar.openSignIn': async () => {
    await openSettings('sign-in');
    return {};
  },

  'sidebar.prefs': async () => sidebarPrefsItem.getValue(),

  'sidebar.setHidden': async ({ site, hidden }) => {
    const prefs = await sidebarPrefsItem.getValue();
    const next = { hidden: { ...prefs.hidden, [site]: hidden } };
    await sidebarPrefsItem.setValue(next);
    return next;
  },
} satisfies TopicHandlers;
