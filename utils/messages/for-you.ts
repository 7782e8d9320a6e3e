// For you: entries brought to a colleague, and followed accounts (handlers/for-you.ts).
// Follows and "last looked" stay in this browser (pact rule 8); the server only answers
// for_you and account_timeline.
import { z } from 'zod';
import { LIMITS } from '../limits';
import { id, keptAt, message, none, preferKept } from './shared';

/** Who "Bring to a colleague" offers: everyone else, and each department with someone in it. */
export const routeRecipientsSchema = z.object({
  people: z.array(z.object({ user_id: z.string(), display_name: z.string(), department: z.string().nullable() })),
  departments: z.array(z.string()),
});

/** A route waiting for the reader, with the entry's title and account to open it by. */
export const forYouRouteSchema = z.object({
  route_id: z.string(),
  interaction_id: z.string(),
  routed_by_display_name: z.string(),
  note: z.string().nullable(),
  routed_at: z.string(),
  /** When the customer said it (the entry's occurred_at): For you lists newest said first.
   * Answers kept in this browser before it was read carry none; they sort by routed_at. */
  occurred_at: z.string().optional(),
  title: z.string(),
  account_id: z.string().nullable(),
  account_name: z.string().nullable(),
});
export type ForYouRoute = z.infer<typeof forYouRouteSchema>;

/** An entry a colleague filed on a followed account after the reader last looked. */
export const followedEntrySchema = z.object({
  id: z.string(),
  account_id: z.string(),
  account_name: z.string().nullable(),
  title: z.string(),
  author_display_name: z.string().nullable(),
  occurred_at: z.string(),
  created_at: z.string(),
});
export type FollowedEntry = z.infer<typeof followedEntrySchema>;

export const forYouSchema = z.object({
  routes: z.array(forYouRouteSchema),
  followed: z.array(followedEntrySchema),
  /** When this browser's user last looked, before this answer (null: never). */
  lastLooked: z.string().nullable(),
  /** Something came after that: the dot on the panel's For you tab. */
  hasNew: z.boolean(),
});
export type ForYou = z.infer<typeof forYouSchema>;

/** The last check's outcome, kept in this browser, so the panel can show its dot and open on
 * For you at once. */
export const forYouStatusSchema = z.object({ waiting: z.boolean(), hasNew: z.boolean() });
export type ForYouStatus = z.infer<typeof forYouStatusSchema>;

const routeRequest = z
  .object({
    interactionId: id,
    toUser: id.nullish(),
    toDepartment: z.string().trim().max(100, { error: 'must be at most 100 characters' }).nullish(),
    note: z.string().trim().max(LIMITS.routeNote, { error: `must be at most ${LIMITS.routeNote} characters` }).nullish(),
  })
  .refine((route) => Boolean(route.toUser) !== Boolean(route.toDepartment), {
    error: 'choose exactly one: a colleague or a department',
    path: ['toUser'],
  });

export const forYouMessages = {
  /** Bring an entry to a colleague or a department (route_entry). */
  'route.recipients': message(none, routeRecipientsSchema),
  'route.send': message(routeRequest, z.object({ routeId: z.string() })),
  /** Put a route away for the reader only (dismiss_route); the sender is told nothing. */
  'route.dismiss': message(z.object({ routeId: id }), none),
  /** What is waiting: routes to me or my department, new entries on followed accounts. */
  'forYou.list': message(z.object(preferKept), forYouSchema.extend(keptAt)),
  /** Clears entries on followed accounts from For you, in this browser only (pact rule 8). */
  'forYou.clear': message(z.object({ entryIds: z.array(id).min(1).max(100) }), none),
  /** The reader looked: what is there now is no longer new (kept in this browser only). */
  'forYou.looked': message(none, none),
  /** The last check's outcome, from this browser, without asking the server. */
  'forYou.status': message(none, forYouStatusSchema),
  /** The panel opened: check for new items unless the last check is younger
   * than maxAgeMs (a panel: a minute; the panel: 0, always). */
  'forYou.check': message(z.object({ maxAgeMs: z.number().int().min(0).max(900_000).default(60_000) }), forYouStatusSchema),
  /** Follows live in this browser only; the server never learns them. */
  'follow.get': message(z.object({ accountId: id }), z.object({ following: z.boolean() })),
  'follow.set': message(z.object({ accountId: id, follow: z.boolean() }), z.object({ following: z.boolean() })),
} as const;
