// Insights queries: the weekly series and "what changed" (public.signal_series and
// public.signal_changes, which read the rollup), and the entries behind one week of one signal
// (account_timeline, keyset-paged like an account's timeline). Run as the signed-in user.
import { z } from 'zod';
import {
  insightEntrySchema,
  signalChangeSchema,
  signalWeekSchema,
  type InsightEntriesPage,
  type SignalChange,
  type SignalWeek,
  type TimelineCursor,
} from '../../messages';
import { answered } from './answer';
import type { Client } from '../supabase';

export async function signalSeries(
  client: Client,
  orgId: string,
  weeks: number,
  accountId: string | null = null,
): Promise<SignalWeek[]> {
  const answer = await client.rpc('signal_series', { org_id: orgId, weeks, ...(accountId ? { only_account: accountId } : {}) });
  return z.array(signalWeekSchema).parse(answered(answer, 'as-is') ?? []);
}

export async function signalChanges(client: Client, orgId: string, recentWeeks: number): Promise<SignalChange[]> {
  const answer = await client.rpc('signal_changes', { org_id: orgId, recent_weeks: recentWeeks });
  return z.array(signalChangeSchema).parse(answered(answer, 'as-is') ?? []);
}

// One literal, so that supabase-js can type the rows from the column list.
const ENTRY_COLUMNS =
  'id, account_id, account_name, contact_id, contact_name, kind, title, body, signals, occurred_at, source_url, author_id, author_display_name, author_department, revision_count';

/** The start of a week (a Monday, YYYY-MM-DD) and of the next one, as UTC times. */
export function weekBounds(week: string): { from: string; to: string } {
  const from = new Date(`${week}T00:00:00Z`);
  const to = new Date(from.getTime() + 7 * 86_400_000);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** Live entries of the organization carrying `signal` that happened in `week`, newest first,
 * continuing after `after`: the same keyset on (occurred_at, id) as an account's timeline. */
export async function signalWeekEntries(
  client: Client,
  query: { orgId: string; signal: string; week: string; after?: TimelineCursor | null; limit: number },
): Promise<InsightEntriesPage> {
  const { from, to } = weekBounds(query.week);
  let request = client
    .from('account_timeline')
    .select(ENTRY_COLUMNS)
    .eq('org_id', query.orgId)
    .contains('signals', [query.signal])
    .gte('occurred_at', from)
    .lt('occurred_at', to);
  if (query.after) {
    // Quoted: a time holds the ':' and '.' that PostgREST's or() syntax reserves.
    const at = `"${query.after.occurred_at}"`;
    request = request.or(`occurred_at.lt.${at},and(occurred_at.eq.${at},id.lt.${query.after.id})`);
  }
  const answer = await request
    .order('occurred_at', { ascending: false })
    .order('id', { ascending: false })
    .limit(query.limit + 1);
  const found = z.array(insightEntrySchema).parse(answered(answer, 'as-is') ?? []);
  const entries = found.slice(0, query.limit);
  const last = entries[entries.length - 1];
  return { entries, next: found.length > query.limit && last ? { occurred_at: last.occurred_at, id: last.id } : null };
}
