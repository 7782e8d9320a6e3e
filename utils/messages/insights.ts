// The team's signals week by week, about customers only (handlers/insights.ts).
import { z } from 'zod';
import { SIGNALS } from '../vocabulary';
import { timelineCursorSchema, timelineEntrySchema } from './record';
import { id, message } from './shared';

/** One week of one signal (public.signal_series): live entries and the distinct accounts. */
export const signalWeekSchema = z.object({
  /** The Monday (UTC) starting the week, YYYY-MM-DD. */
  week: z.string(),
  signal: z.string(),
  entries: z.number(),
  accounts: z.number(),
});
export type SignalWeek = z.infer<typeof signalWeekSchema>;

/** A change beyond noise (public.signal_changes). */
export const signalChangeSchema = z.object({
  signal: z.string(),
  recent: z.number(),
  baseline: z.number(),
  expected: z.coerce.number(),
  direction: z.enum(['up', 'down']),
  accounts: z.number(),
});
export type SignalChange = z.infer<typeof signalChangeSchema>;

export const insightsOverviewSchema = z.object({
  orgId: z.string(),
  weeks: z.number(),
  series: z.array(signalWeekSchema),
  changes: z.array(signalChangeSchema),
  /** When the server gave this answer. */
  fetchedAt: z.string(),
  /** True when the server could not be reached and this is the last answer kept. */
  cached: z.boolean(),
  /** Why the server could not answer, when `cached`. */
  problem: z.string().nullable(),
});
export type InsightsOverview = z.infer<typeof insightsOverviewSchema>;

/** A drill-down entry: a timeline entry with the account it is about. */
export const insightEntrySchema = timelineEntrySchema.extend({ account_name: z.string().nullable() });
export type InsightEntry = z.infer<typeof insightEntrySchema>;

export const insightEntriesPageSchema = z.object({
  entries: z.array(insightEntrySchema),
  next: timelineCursorSchema.nullable(),
});
export type InsightEntriesPage = z.infer<typeof insightEntriesPageSchema>;

export const insightsMessages = {
  /** The active organization's weekly series and what changed; the last answer when offline. */
  'insights.overview': message(z.object({ weeks: z.number().int().min(1).max(104).default(26) }), insightsOverviewSchema),
  /** One account's series (the panel's sparklines). */
  'insights.account': message(
    z.object({ accountId: id, weeks: z.number().int().min(1).max(104).default(26) }),
    z.array(signalWeekSchema),
  ),
  /** The entries of one signal in one week, newest first, a page at a time (keyset). */
  'insights.entries': message(
    z.object({
      signal: z.enum(SIGNALS),
      week: z.iso.date(),
      after: timelineCursorSchema.nullish(),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    insightEntriesPageSchema,
  ),

} as const;
