// Reading and editing the shared record from the panel and Settings. Every query
// runs as the signed-in user, so row level security decides what comes back.
import type { TopicHandlers } from './types';
import { kindOf } from '../../errors';
import { activeOrgItem } from '../../storage';
import { accountLeadsTo } from '../kept-ids';
import * as records from '../records/record';
import { overviewKey, popupCache, timelineKey } from '../popup-cache';
import { client, lookupCache, requireActiveOrg, signedInUserId } from '../services';

export const recordHandlers = {
  'accounts.search': async ({ query }) => records.searchAccounts(await client(), await requireActiveOrg(), query),

  // The panel paints from the kept answer first, then asks again (popup-cache.ts). An account
  // merged away since answers with the account it leads to (its account_id tells the page).
  'account.overview': async ({ accountId, prefer }) => {
    const orgId = await activeOrgItem.getValue();
    const overview = (id: string) =>
      popupCache.answer(overviewKey(orgId, id), prefer, async () => records.accountOverview(await client(), id));
    try {
      return await overview(accountId);
    } catch (error) {
      if (kindOf(error) !== 'not_found' || !orgId) throw error;
      const now = await accountLeadsTo(orgId, accountId).catch(() => null);
      if (now === null || now === accountId) throw error;
      return overview(now);
    }
  },

  'account.timeline': async ({ prefer, ...query }) =>
    popupCache.answer(timelineKey(await activeOrgItem.getValue(), query), prefer, async () =>
      records.accountTimeline(await client(), query),
    ),

  'entry.revisions': async ({ id }) => records.entryRevisions(await client(), id),

  'entry.update': async ({ id, title, body, signals }) => {
    await records.updateEntry(await client(), id, { title, body, signals });
    // The panel's cached lookups and kept answers would still show the old text.
    await lookupCache.clear();
    await popupCache.clear();
    return { id };
  },

  'entry.retract': async ({ id }) => {
    await records.retractEntry(await client(), id);
    await lookupCache.clear();
    await popupCache.clear();
    return { id };
  },

  'mine.list': async () => {
    const supabase = await client();
    return records.myEntries(supabase, await signedInUserId(supabase));
  },
} satisfies TopicHandlers;
