// Reading the shared record and editing one's own entries (panel and Settings). Every query
// runs as the signed-in user, so row level security decides what comes back.
import { z } from 'zod';
import {
  accountHitSchema,
  accountOverviewSchema,
  myEntrySchema,
  revisionSchema,
  timelineEntrySchema,
  timelineQuerySchema,
  type AccountHit,
  type AccountOverview,
  type MyEntry,
  type Revision,
  type TimelinePage,
  type TimelineQuery,
} from '../../messages';
import type { Client } from '../supabase';
import { HighcardError } from '../../errors';
import { answered } from './answer';

const HIT_COLUMNS = 'account_id, name, domains, last_activity_at';
const SEARCH_LIMIT = 10;

/** Accounts whose name or one of whose domains starts with the query, by name. The RPC can
 * use the prefix indexes, which a PostgREST filter under row level security cannot. */
export async function searchAccounts(client: Client, orgId: string, query: string): Promise<AccountHit[]> {
  const prefix = query.trim();
  if (!prefix) return [];
  const answer = await client
    .rpc('search_accounts', { org_id: orgId, prefix, max_rows: SEARCH_LIMIT })
    .select(HIT_COLUMNS);
  return z.array(accountHitSchema).parse(answered(answer, 'as-is') ?? []);
}

export async function accountOverview(client: Client, accountId: string): Promise<AccountOverview> {
  const answer = await client
    .from('account_overview')
    .select('account_id, name, domains, last_activity_at, contact_count, signals_90d')
    .eq('account_id', accountId)
    .maybeSingle();
  const row = answered(answer, 'as-is');
  if (!row) throw new HighcardError('not_found', 'This account is not in your organization, or it no longer exists.');
  return accountOverviewSchema.parse(row);
}

// One literal each, so that supabase-js can type the rows from the column list.
const TIMELINE_COLUMNS =
  'id, account_id, contact_id, contact_name, kind, title, body, signals, occurred_at, source_url, author_id, author_display_name, author_department, revision_count';

/** One page of an account's timeline, newest first, continuing after `after` (keyset). */
export async function accountTimeline(client: Client, input: TimelineQuery): Promise<TimelinePage> {
  const query = timelineQuerySchema.parse(input);
  let request = client.from('account_timeline').select(TIMELINE_COLUMNS).eq('account_id', query.accountId);
  if (query.signal) request = request.contains('signals', [query.signal]);
  if (query.kind) request = request.eq('kind', query.kind);
  if (query.from) request = request.gte('occurred_at', query.from);
  if (query.to) request = request.lt('occurred_at', query.to);
  if (query.after) {
    // Quoted: a time holds the ':' and '.' that PostgREST's or() syntax reserves.
    const at = `"${query.after.occurred_at}"`;
    request = request.or(`occurred_at.lt.${at},and(occurred_at.eq.${at},id.lt.${query.after.id})`);
  }
  const answer = await request
    .order('occurred_at', { ascending: false })
    .order('id', { ascending: false })
    .limit(query.limit + 1);
  const rows = z.array(timelineEntrySchema).parse(answered(answer, 'as-is') ?? []);
  const entries = rows.slice(0, query.limit);
  const last = entries[entries.length - 1];
  return { entries, next: rows.length > query.limit && last ? { occurred_at: last.occurred_at, id: last.id } : null };
}

export async function entryRevisions(client: Client, interactionId: string): Promise<Revision[]> {
  const answer = await client
    .from('interaction_revisions')
    .select('id, title, body, signals, edited_at')
    .eq('interaction_id', interactionId)
    .order('edited_at', { ascending: false });
  return z.array(revisionSchema).parse(answered(answer, 'as-is') ?? []);
}

const MY_ENTRY_COLUMNS =
  'id, org_id, kind, title, body, signals, occurred_at, created_at, updated_at, retracted_at, organizations(name), accounts(name), contacts(full_name)';
const MY_PAGE = 500;

/** Every entry the user filed, in every organization, retracted ones included. */
export async function myEntries(client: Client, userId: string): Promise<MyEntry[]> {
  const rows = [];
  for (let from = 0; ; from += MY_PAGE) {
    const answer = await client
      .from('interactions')
      .select(MY_ENTRY_COLUMNS)
      .eq('author_id', userId)
      .order('occurred_at', { ascending: false })
      .order('id', { ascending: false })
      .range(from, from + MY_PAGE - 1);
    const page = answered(answer, 'as-is') ?? [];
    rows.push(...page);
    if (page.length < MY_PAGE) break;
  }
  // Source links are readable by their author only, and only through this function.
  const links = z
    .array(z.object({ id: z.string(), source_url: z.string() }))
    .parse(answered(await client.rpc('my_source_urls'), 'as-is') ?? []);
  const linkOf = new Map(links.map((link) => [link.id, link.source_url]));
  return z.array(myEntrySchema).parse(
    rows.map(({ organizations, accounts, contacts, ...rest }) => {
      return {
        ...rest,
        source_url: linkOf.get(rest.id) ?? null,
        org_name: organizations?.name ?? '',
        account_name: accounts?.name ?? null,
        contact_name: contacts?.full_name ?? null,
      };
    }),
  );
}

/** The author's edit: a direct update; the database keeps the old text as a revision. */
export async function updateEntry(
  client: Client,
  id: string,
  text: { title: string; body: string; signals: string[] },
): Promise<void> {
  const answer = await client.from('interactions').update(text).eq('id', id).select('id');
  const rows = answered(answer) ?? [];
  if (!rows.length) {
    throw new HighcardError('refused', 'Only its author can edit an entry, and a retracted entry can no longer be edited.');
  }
}

export async function retractEntry(client: Client, id: string): Promise<void> {
  answered(await client.rpc('retract_interaction', { id }));
}
