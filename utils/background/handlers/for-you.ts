// For you: bringing an entry to a colleague, what is waiting for the reader, and follows.
// Follows, "last looked" and the last check stay in this browser (pact rule 8).
import { hasNewSince, isCheckDue, isFollowing, newSince, routeRecipients, setFollowing } from '../../for-you';
import type { ForYou, ForYouStatus } from '../../messages';
import { followsItem, forYouCheckItem, forYouLastLookedItem } from '../../storage';
import type { TopicHandlers } from './types';
import * as records from '../records';
import { forYouKey, popupCache } from '../popup-cache';
import { dismissRoute, followedSince, forYouRoutes, routeEntry } from '../records-for-you';
import { client, requireActiveOrg, signedInUserId } from '../services';

/** Asks the server what is waiting and remembers the outcome (in this browser) for the dot. */
async function loadForYou(now = new Date()): Promise<ForYou> {
  const supabase = await client();
  const me = await signedInUserId(supabase);
  const orgId = await requireActiveOrg();
  const looked = await forYouLastLookedItem.getValue();
  const follows = (await followsItem.getValue())[orgId] ?? [];
  const [routes, followedAll] = await Promise.all([
    forYouRoutes(supabase, orgId),
    followedSince(supabase, orgId, follows, newSince(looked, orgId, now), me),
  ]);
  // An entry brought to the reader shows once, as the route.
  const routed = new Set(routes.map((route) => route.interaction_id));
  const followed = followedAll.filter((entry) => !routed.has(entry.id));
  const lastLooked = looked[orgId] ?? null;
  const hasNew = hasNewSince({ routes, followed }, lastLooked);
  await forYouCheckItem.setValue({ orgId, checkedAt: now.toISOString(), waiting: routes.length > 0 || followed.length > 0, hasNew });
  return { routes, followed, lastLooked, hasNew };
}

async function lastStatus(): Promise<(ForYouStatus & { checkedAt: string }) | null> {
  const [check, orgId] = await Promise.all([forYouCheckItem.getValue(), requireActiveOrg().catch(() => null)]);
  return check && check.orgId === orgId ? check : null;
}

const statusOf = (forYou: ForYou): ForYouStatus => ({
  waiting: forYou.routes.length > 0 || forYou.followed.length > 0,
  hasNew: forYou.hasNew,
});

/** On the outbox's alarm: look again when the last check is 15 minutes old. Never throws;
 * signed out or offline, the next chance is the next alarm or the popup opening. */
export async function checkForYouIfDue(now = new Date()): Promise<void> {
  try {
    const check = await forYouCheckItem.getValue();
    if (isCheckDue(check?.checkedAt, now)) await loadForYou(now);
  } catch {
    // Nothing to tell anyone: the check runs again on the next occasion.
  }
}

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

  // The popup paints from the kept answer first, then asks again (popup-cache.ts).
  'forYou.list': async ({ prefer }) => popupCache.answer(forYouKey(await requireActiveOrg()), prefer, () => loadForYou()),

  'forYou.looked': async () => {
    const orgId = await requireActiveOrg();
    await forYouLastLookedItem.setValue({ ...(await forYouLastLookedItem.getValue()), [orgId]: new Date().toISOString() });
    const check = await forYouCheckItem.getValue();
    if (check?.orgId === orgId) await forYouCheckItem.setValue({ ...check, hasNew: false });
    return {};
  },

  'forYou.status': async () => {
    const check = await lastStatus();
    return { waiting: check?.waiting ?? false, hasNew: check?.hasNew ?? false };
  },

  'forYou.check': async ({ maxAgeMs }) => {
    const check = await lastStatus();
    if (check && Date.now() - Date.parse(check.checkedAt) < maxAgeMs) {
      return { waiting: check.waiting, hasNew: check.hasNew };
    }
    return statusOf(await loadForYou());
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
