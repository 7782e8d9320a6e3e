// Reading and editing the shared record: accounts, timelines, revisions, one's own entries
// (handlers/record.ts).
import { z } from 'zod';
import { LIMITS } from '../limits';
import { KINDS, SIGNALS } from '../vocabulary';
import { entryRef, id, keptAt, message, none, preferKept } from './shared';

export const accountHitSchema = z.object({
  account_id: z.string(),
  name: z.string(),
  domains: z.array(z.string()).default([]),
  last_activity_at: z.string().nullable().default(null),
});
export type AccountHit = z.infer<typeof accountHitSchema>;

export const accountOverviewSchema = z.object({
  account_id: z.string(),
  name: z.string(),
  domains: z.array(z.string()).default([]),
  last_activity_at: z.string().nullable(),
  contact_count: z.number(),
  /** { signal: number of entries in the last 90 days } — about the customer, never a person. */
  signals_90d: z.record(z.string(), z.number()).default({}),
});
export type AccountOverview = z.infer<typeof accountOverviewSchema>;

export const timelineEntrySchema = z.object({
  id: z.string(),
  account_id: z.string().nullable(),
  contact_id: z.string().nullable(),
  contact_name: z.string().nullable(),
  kind: z.enum(KINDS),
  title: z.string(),
  body: z.string(),
  signals: z.array(z.string()),
  occurred_at: z.string(),
  /** Only ever set on the reader's own entries (the view hides it from everyone else). */
  source_url: z.string().nullable(),
  author_id: z.string(),
  author_display_name: z.string().nullable(),
  author_department: z.string().nullable(),
  revision_count: z.number(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** Keyset cursor on account_timeline's order (occurred_at desc, id desc). */
export const timelineCursorSchema = z.object({ occurred_at: z.string().min(1).max(64), id });
export type TimelineCursor = z.infer<typeof timelineCursorSchema>;

export const timelinePageSchema = z.object({
  entries: z.array(timelineEntrySchema),
  next: timelineCursorSchema.nullable(),
});
export type TimelinePage = z.infer<typeof timelinePageSchema>;

export const revisionSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  signals: z.array(z.string()),
  edited_at: z.string(),
});
export type Revision = z.infer<typeof revisionSchema>;

/** One entry I filed, retracted ones included (they are visible to their author only). */
export const myEntrySchema = z.object({
  id: z.string(),
  org_id: z.string(),
  org_name: z.string(),
  account_name: z.string().nullable(),
  contact_name: z.string().nullable(),
  kind: z.enum(KINDS),
  title: z.string(),
  body: z.string(),
  signals: z.array(z.string()),
  occurred_at: z.string(),
  source_url: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  retracted_at: z.string().nullable(),
});
export type MyEntry = z.infer<typeof myEntrySchema>;

export const timelineQuerySchema = z.object({
  accountId: id,
  signal: z.enum(SIGNALS).nullish(),
  kind: z.enum(KINDS).nullish(),
  /** Start and end of the date range as times; the UI turns the reader's days into them. */
  from: z.iso.datetime({ offset: true }).nullish(),
  to: z.iso.datetime({ offset: true }).nullish(),
  after: timelineCursorSchema.nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type TimelineQuery = z.input<typeof timelineQuerySchema>;

const entryText = {
  title: z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'is required' })
    .max(LIMITS.title, { error: `must be at most ${LIMITS.title} characters` }),
  body: z.string().max(LIMITS.body, { error: `must be at most ${LIMITS.body} characters` }),
  signals: z
    .array(z.enum(SIGNALS, { error: (issue) => `unknown signal ${JSON.stringify(issue.input)}` }))
    .refine((signals) => new Set(signals).size === signals.length, { error: 'must not repeat a signal' }),
};

export const recordMessages = {
  'accounts.search': message(z.object({ query: z.string().trim().min(1).max(LIMITS.name) }), z.array(accountHitSchema)),
  'account.overview': message(z.object({ accountId: id, ...preferKept }), accountOverviewSchema.extend(keptAt)),
  'account.timeline': message(timelineQuerySchema.extend(preferKept), timelinePageSchema.extend(keptAt)),
  'entry.revisions': message(z.object({ id }), z.array(revisionSchema)),
  'entry.update': message(z.object({ id, ...entryText }), entryRef),
  'entry.retract': message(z.object({ id }), entryRef),
  'mine.list': message(none, z.array(myEntrySchema)),
} as const;
