// For you: bringing an entry to a colleague, what is waiting for the reader, and follows.
// Follows, "last looked" and the last check stay in this browser (pact rule 8).
import { forYouShown, isFollowing, routeRecipients, setFollowing, withCleared } from '../../for-you';
import { followsItem, forYouCheckItem, forYouClearedItem, forYouLastLookedItem } from '../../storage';
import { forYouKey, popupCache } from '../popup-cache';
import { dismissRoute, routeEntry } from '../records/for-you';
import * as records from '../records/organization';
import { client, lastForYouStatus, loadForYou, requireActiveOrg, signedInUserId, statusOfForYou } from '../services';
import type { TopicHandlers } from './types';

export const forYouHandlers = {
  'route.recipients': async () => {
    const supabase = await client();
    const [members, me] = await Promise.all([records.listMembers(supabase, await requireActiveOrg()), signedInUserId(supabase)]);
    return routeRecipients(members, me);
  },

  'route.send': async ({ interactionId, toUser, toDepartment, note }) => {
    const target = toUser ? { toUser } : { toDepartment: toDepartment ?? '' };
    return { routeId: await routeEntry(await client(), { interactionId, target, note }) };
  },

  'route.dismiss': async ({ routeId }) => {
    await dismissRoute(await client(), routeId);
    return {};
  },

  // The panel paints from the kept answer first, then asks again (popup-cache.ts); what was
  // cleared since that answer was kept stays cleared.
  'forYou.list': async ({ prefer }) => {
    const orgId = await requireActiveOrg();
    const answer = await popupCache.answer(forYouKey(orgId), prefer, () => loadForYou());
    return forYouShown(answer, (await forYouClearedItem.getValue())[orgId] ?? []);
  },

  'forYou.clear': async ({ entryIds }) => {
    const orgId = await requireActiveOrg();
    await forYouClearedItem.setValue(withCleared(await forYouClearedItem.getValue(), orgId, entryIds));
    return {};
  },

  'forYou.looked': async () => {
    const orgId = await requireActiveOrg();
    await forYouLastLookedItem.setValue({ ...(await forYouLastLookedItem.getValue()), [orgId]: new Date().toISOString() });
    const check = await forYouCheckItem.getValue();
    if (check?.orgId === orgId) await forYouCheckItem.setValue({ ...check, hasNew: false });
    return {};
  },

  'forYou.status': async () => {
    const check = await lastForYouStatus();
    return { waiting: check?.waiting ?? false, hasNew: check?.hasNew ?? false };
  },

  'forYou.check': async ({ maxAgeMs }) => {
    const check = await lastForYouStatus();
    if (check && Date.now() - Date.parse(check.checkedAt) < maxAgeMs) {
      return { waiting: check.waiting, hasNew: check.hasNew };
    }
    return statusOfForYou(await loadForYou());
  },

  'follow.get': async ({ accountId }) => ({
    following: isFollowing(await followsItem.getValue(), await requireActiveOrg(), accountId),
  }),

  'follow.set': async ({ accountId, follow }) => {
    const orgId = await requireActiveOrg();
    const follows = setFollowing(await followsItem.getValue(), orgId, accountId, follow);
    await followsItem.setValue(follows);
    return { following: isFollowing(follows, orgId, accountId) };
  },
} satisfies TopicHandlers;
