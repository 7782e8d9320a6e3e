// Reading and editing the shared record from the popup and the options page. Every query
// runs as the signed-in user, so row level security decides what comes back.
import type { TopicHandlers } from './types';
import { activeOrgItem } from '../../storage';
import * as records from '../records/record';
import { overviewKey, popupCache, timelineKey } from '../popup-cache';
import { client, lookupCache, requireActiveOrg, signedInUserId } from '../services';

export const recordHandlers = {
  'accounts.search': async ({ query }) => records.searchAccounts(await client(), await requireActiveOrg(), query),

  // The popup paints from the kept answer first, then asks again (popup-cache.ts).
  'account.overview': async ({ accountId, prefer }) =>
    popupCache.answer(overviewKey(await activeOrgItem.getValue(), accountId), prefer, async () =>
      records.accountOverview(await client(), accountId),
    ),

  'account.timeline': async ({ prefer, ...query }) =>
    popupCache.answer(timelineKey(await activeOrgItem.getValue(), query), prefer, async () =>
      records.accountTimeline(await client(), query),
    ),

  'entry.revisions': async ({ id }) => records.entryRevisions(await client(), id),

  'entry.update': async ({ id, title, body, signals }) => {
    await records.updateEntry(await client(), id, { title, body, signals });
    // The sidebar's cached lookups and the popup's kept answers would still show the old text.
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
