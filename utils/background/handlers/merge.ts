// One customer, one record: the panel's people at an account, the account's merge lines,
// merging two contacts or two accounts, and undoing a merge. After a merge or an undo every
// cached answer may name a record that moved, so the caches are emptied, and the ids this
// browser keeps (follows, recent accounts) are led on to the record that remains.
import type { TopicHandlers } from './types';
import { mapKeptIds } from '../kept-ids';
import { popupCache } from '../popup-cache';
import * as records from '../records/merge';
import { client, inBackground, lookupCache, requireActiveOrg } from '../services';

async function afterMerge(): Promise<void> {
  await lookupCache.clear();
  await popupCache.clear();
  inBackground('lead kept ids to the merged record', mapKeptIds());
}

export const mergeHandlers = {
  'merge.accountContacts': async ({ accountId }) =>
    records.accountContacts(await client(), await requireActiveOrg(), accountId),

  'merge.history': async ({ accountId }) => records.mergeHistory(await client(), await requireActiveOrg(), accountId),

  'merge.accountSizes': async ({ accountIds }) => records.accountSizes(await client(), accountIds),

  'merge.contacts': async ({ keepId, mergeId }) => {
    const kept = await records.merge(await client(), 'merge_contacts', await requireActiveOrg(), keepId, mergeId);
    await afterMerge();
    return { keepId: kept };
  },

  'merge.accounts': async ({ keepId, mergeId }) => {
    const kept = await records.merge(await client(), 'merge_accounts', await requireActiveOrg(), keepId, mergeId);
    await afterMerge();
    return { keepId: kept };
  },

  'merge.undo': async ({ mergeId }) => {
    const restored = await records.undoMerge(await client(), await requireActiveOrg(), mergeId);
    await lookupCache.clear();
    await popupCache.clear();
    return { restoredId: restored };
  },
} satisfies TopicHandlers;
