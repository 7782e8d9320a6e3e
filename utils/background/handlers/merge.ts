// One customer, one record (issue 17): the popup's people at an account, the account's merge
// lines, and merging two contacts or two accounts. After a merge every cached lookup may name
// a record that no longer exists, so the cache is emptied.
import type { TopicHandlers } from './types';
import * as records from '../records/merge';
import { client, lookupCache, requireActiveOrg } from '../services';

export const mergeHandlers = {
  'merge.accountContacts': async ({ accountId }) =>
    records.accountContacts(await client(), await requireActiveOrg(), accountId),

  'merge.history': async ({ accountId }) => records.mergeHistory(await client(), await requireActiveOrg(), accountId),

  'merge.contacts': async ({ keepId, mergeId }) => {
    const kept = await records.merge(await client(), 'merge_contacts', await requireActiveOrg(), keepId, mergeId);
    await lookupCache.clear();
    return { keepId: kept };
  },

  'merge.accounts': async ({ keepId, mergeId }) => {
    const kept = await records.merge(await client(), 'merge_accounts', await requireActiveOrg(), keepId, mergeId);
    await lookupCache.clear();
    return { keepId: kept };
  },
} satisfies TopicHandlers;
