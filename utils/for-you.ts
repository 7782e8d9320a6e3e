// "For you" without the server learning what anyone reads (pact rule 8): which accounts a
// person follows and when they last looked live in this browser only; the server is asked
// for routes (for_you) and for the followed accounts' timeline, never told why.
// Pure functions; the background and the pages call them.
import type { z } from 'zod';
import { LIMITS } from './limits';
import type { routeRecipientsSchema } from './messages';

/** A route's note, as route_entry checks it in SQL (entry_routes.note). */
export const ROUTE_NOTE_MAX = LIMITS.routeNote;

/** New items are looked for at most this often on the outbox's alarm (when the panel opens, at once). */
export const FOR_YOU_CHECK_EVERY_MS = 15 * 60 * 1000;

/** Followed accounts are read in one query; a person following more is told so. */
export const FOLLOW_MAX = 100;

export type RouteRecipients = z.infer<typeof routeRecipientsSchema>;
/** A colleague as "Bring to a colleague" offers them. */
export type RoutePerson = RouteRecipients['people'][number];

/** Who can be chosen: everyone else in the organization by name, and every department with
 * someone else in it (spelled as its first member spells it, matched ignoring case and
 * spaces, as the database matches a department route). */
export function routeRecipients(members: readonly RoutePerson[], me: string | null): RouteRecipients {
  const others = members.filter((member) => member.user_id !== me);
  const people = [...others].sort((a, b) => a.display_name.localeCompare(b.display_name) || a.user_id.localeCompare(b.user_id));
  const departments = new Map<string, string>();
  for (const person of people) {
    const label = person.department?.trim();
    if (label && !departments.has(departmentKey(label))) departments.set(departmentKey(label), label);
  }
  return { people, departments: [...departments.values()].sort((a, b) => a.localeCompare(b)) };
}

export function departmentKey(department: string): string {
  return department.trim().toLowerCase();
}

type Outcome<T> = { ok: true; data: T } | { ok: false; error: string };

/** How "Bring to a colleague" reaches the background (utils/route-actions.ts; a fake in tests). */
export interface RoutingActions {
  recipients: () => Promise<Outcome<RouteRecipients>>;
  bring: (route: { interactionId: string; target: RouteTarget; note: string | null }) => Promise<Outcome<unknown>>;
}

/** Exactly one recipient: a colleague or a department. */
export type RouteTarget = { toUser: string } | { toDepartment: string };

/** What route_entry is sent: exactly one of a colleague or a department, and the note
 * without surrounding spaces; what is not given is left out (the RPC's defaults are null). */
export function routeArgs(
  interactionId: string,
  target: RouteTarget,
  note: string | null | undefined,
): { interaction_id: string; to_user?: string; to_department?: string; note?: string } {
  const clean = note?.trim() ?? '';
  return {
    interaction_id: interactionId,
    ...('toUser' in target ? { to_user: target.toUser } : { to_department: target.toDepartment.trim() }),
    ...(clean ? { note: clean } : {}),
  };
}

// ---------------------------------------------------------------------------------------
// Follows and "last looked", kept per organization in extension storage.

/** Followed account ids per organization id. */
export type Follows = Record<string, string[]>;
/** When this browser's user last looked at For you, per organization id (ISO 8601). */
export type LastLooked = Record<string, string>;

export function isFollowing(follows: Follows, orgId: string, accountId: string): boolean {
  return (follows[orgId] ?? []).includes(accountId);
}

export function setFollowing(follows: Follows, orgId: string, accountId: string, follow: boolean): Follows {
  const current = (follows[orgId] ?? []).filter((id) => id !== accountId);
  const next = follow ? [...current, accountId].slice(-FOLLOW_MAX) : current;
  const result: Follows = { ...follows, [orgId]: next };
  if (!next.length) delete result[orgId];
  return result;
}

/** Entries filed on followed accounts are "new" after the last look; the first time, the
 * last day counts, so following an account does not flood For you with its history. */
export function newSince(lastLooked: LastLooked, orgId: string, now: Date): string {
  return lastLooked[orgId] ?? new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString();
}

/** Whether the periodic check (on the outbox's alarm) may run again. */
export function isCheckDue(lastCheckedAt: string | null | undefined, now: Date): boolean {
  if (!lastCheckedAt) return true;
  const last = Date.parse(lastCheckedAt);
  return !Number.isFinite(last) || now.getTime() - last >= FOR_YOU_CHECK_EVERY_MS || last > now.getTime();
}

/** Something is new for the dot on the For you tab: a route sent, or a followed account's
 * entry filed, after the last look. */
export function hasNewSince(
  items: { routes: ReadonlyArray<{ routed_at: string }>; followed: ReadonlyArray<{ created_at: string }> },
  since: string | null | undefined,
): boolean {
  const after = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
  return (
    items.routes.some((route) => Date.parse(route.routed_at) > after) ||
    items.followed.some((entry) => Date.parse(entry.created_at) > after)
  );
}

/** Entries on followed accounts the reader cleared from For you, per organization id:
 * this browser only, never sent (pact rule 8). */
export type Cleared = Record<string, string[]>;

/** Enough to outlast what a followed account brings between two looks. */
export const CLEARED_MAX = 500;

export function withCleared(cleared: Cleared, orgId: string, entryIds: readonly string[]): Cleared {
  const before = (cleared[orgId] ?? []).filter((id) => !entryIds.includes(id));
  return { ...cleared, [orgId]: [...before, ...entryIds].slice(-CLEARED_MAX) };
}

/** What For you shows: cleared entries left out, each list newest first by when the
 * customer said it (occurred_at), not when it was filed or brought to the reader. */
export function forYouShown<T extends { routes: ReadonlyArray<ForYouRouteLike>; followed: ReadonlyArray<FollowedLike> }>(
  forYou: T,
  cleared: readonly string[] = [],
): T {
  const gone = new Set(cleared);
  return {
    ...forYou,
    routes: [...forYou.routes].sort((a, b) => saidAt(b) - saidAt(a) || Date.parse(b.routed_at) - Date.parse(a.routed_at)),
    followed: forYou.followed
      .filter((entry) => !gone.has(entry.id))
      .sort((a, b) => Date.parse(b.occurred_at) - Date.parse(a.occurred_at) || Date.parse(b.created_at) - Date.parse(a.created_at)),
  };
}

type ForYouRouteLike = { routed_at: string; occurred_at?: string | undefined };
type FollowedLike = { id: string; occurred_at: string; created_at: string };

function saidAt(route: ForYouRouteLike): number {
  return Date.parse(route.occurred_at ?? route.routed_at);
}
