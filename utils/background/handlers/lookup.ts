// The sidebar's lookup (pact rule 1: only the addresses in view leave, and only when
// allowed) and the popup's question "which account is this tab about?".
import { lookupKey } from '../../lookup-cache';
import type { LookupResult } from '../../messages';
import { activeOrgItem, settingsItem, tabContextItem } from '../../storage';
import type { Sender, TopicHandlers } from '../dispatch';
import * as records from '../records';
import { client, lookupCache, requireActiveOrg } from '../services';

const TAB_CONTEXT_LIMIT = 50;

async function rememberTab(sender: Sender | undefined, orgId: string, result: LookupResult): Promise<void> {
  const tabId = sender?.tab?.id;
  if (tabId === undefined || tabId < 0) return;
  try {
    const account = result.accounts[0] ?? null;
    const all = await tabContextItem.getValue();
    all[String(tabId)] = {
      orgId,
      accountId: account?.id ?? null,
      accountName: account?.name ?? null,
      url: sender?.url ?? null,
      at: Date.now(),
    };
    const newest = Object.entries(all)
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, TAB_CONTEXT_LIMIT);
    await tabContextItem.setValue(Object.fromEntries(newest));
  } catch {
    // Only a shortcut for the popup: a lookup never fails because of it.
  }
}

export const lookupHandlers = {
  lookup: async ({ emails, linkedinUrl, prefer, manual, fullName }, sender) => {
    // Pact rule 1: with automatic lookup off, nothing is asked until the rep asks, whatever
    // an open tab last knew of the setting.
    if (!manual && !(await settingsItem.getValue()).autoLookup) return { skipped: true };
    const orgId = await requireActiveOrg();
    const key = lookupKey(orgId, emails, linkedinUrl);
    if (prefer === 'cache') {
      const cached = await lookupCache.get(key);
      if (cached) {
        await rememberTab(sender, orgId, cached.value);
        return { skipped: false, result: cached.value, fetchedAt: cached.fetchedAt, fromCache: true };
      }
    }
    // With the name in view the answer also offers same-name candidates (helper M).
    const result = await records.lookupContext(await client(), orgId, emails, linkedinUrl, fullName ?? null);
    const fetchedAt = Date.now();
    await lookupCache.set(key, result, fetchedAt);
    await rememberTab(sender, orgId, result);
    return { skipped: false, result, fetchedAt, fromCache: false };
  },

  'context.current': async ({ tabId, url }) => {
    const seen = (await tabContextItem.getValue())[String(tabId)];
    const orgId = await activeOrgItem.getValue();
    // A lookup from another organization, or from a page the tab has since left, says
    // nothing about what is in view now.
    if (!seen || seen.orgId !== orgId || (url && seen.url && url !== seen.url)) {
      return { accountId: null, accountName: null };
    }
    return { accountId: seen.accountId, accountName: seen.accountName };
  },
} satisfies TopicHandlers;
