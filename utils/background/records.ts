// Every Supabase query the extension makes, with the server's answer checked by zod and its
// errors turned into words a user can act on.
import { z } from 'zod';
import type { Capture } from '../messages';
import type { SendOutcome } from '../outbox';
import {
  accountHitSchema,
  accountOverviewSchema,
  fileResultSchema,
  lookupResultSchema,
  memberSchema,
  membershipSchema,
  myEntrySchema,
  revisionSchema,
  timelineEntrySchema,
  timelineQuerySchema,
  type AccountHit,
  type AccountOverview,
  type LookupResult,
  type Member,
  type Membership,
  type MyEntry,
  type Revision,
  type Role,
  type TimelinePage,
  type TimelineQuery,
} from '../messages';
import type { Client } from './supabase';

interface ServerError {
  message: string;
  code?: string;
}

/** What every supabase-js request resolves to, typed by supabase/database.types.ts. */
interface ServerAnswer<T> {
  data: T | null;
  error: ServerError | null;
  status: number;
}

const JWT_CODES = new Set(['PGRST301', 'PGRST302', 'PGRST303']);

/** What a page says when the team's server cannot be reached (utils/sidebar/states.ts knows it). */
export const UNREACHABLE = "Highcard can't reach your team's server right now.";

/** Sorts a failed request into what the outbox does next. */
export function classify(answer: { error: ServerError | null; status: number }): Exclude<SendOutcome, { kind: 'sent' }> {
  const message = answer.error?.message ?? 'The server gave no answer.';
  if (answer.status === 0 || answer.status === 408 || answer.status === 429 || answer.status >= 500) {
    // Status 0: the request never reached the server. The browser's own words ("TypeError:
    // Failed to fetch") mean nothing to a rep; every page shows this sentence instead.
    return { kind: 'unavailable', message: answer.status === 0 ? UNREACHABLE : message };
  }
  if (answer.status === 401 || JWT_CODES.has(answer.error?.code ?? '')) {
    return { kind: 'unauthorized', message: 'Your session expired — sign in again; your items are kept and will be sent.' };
  }
  return { kind: 'refused', message };
}

export async function fileInteraction(client: Client, capture: Capture): Promise<SendOutcome> {
  const { data: session } = await client.auth.getSession();
  if (!session.session) {
    return { kind: 'unauthorized', message: 'You are signed out — sign in; your items are kept and will be sent.' };
  }
  const answer = await client.rpc('file_interaction', { capture });
  if (answer.error) return classify(answer);
  const parsed = fileResultSchema.safeParse(answer.data);
  if (!parsed.success) return { kind: 'unavailable', message: 'The server answered in an unexpected shape.' };
  return { kind: 'sent', result: parsed.data };
}

export class RecordsError extends Error {}

function check<T>(answer: ServerAnswer<T>): T | null {
  if (answer.error) {
    const outcome = classify(answer);
    throw new RecordsError(outcome.message);
  }
  return answer.data;
}

export async function listMemberships(client: Client, userId: string): Promise<Membership[]> {
  const answer = await client
    .from('memberships')
    .select('org_id, role, department, display_name, organizations(name)')
    .eq('user_id', userId);
  const rows = check(answer) ?? [];
  return z
    .array(membershipSchema)
    .parse(rows.map(({ organizations, ...row }) => ({ ...row, org_name: organizations?.name ?? '' })));
}

export async function createOrganization(client: Client, name: string): Promise<string> {
  return z.string().parse(check(await client.rpc('create_organization', { name })));
}

export async function joinOrganization(client: Client, code: string): Promise<string> {
  return z.string().parse(check(await client.rpc('join_organization', { code })));
}

export async function createInvite(client: Client, orgId: string, role: Role): Promise<string> {
  return z.string().parse(check(await client.rpc('create_invite', { org_id: orgId, role })));
}

export async function lookupContext(
  client: Client,
  orgId: string,
  emails: readonly string[],
  linkedinUrl: string | null,
  fullName: string | null = null,
): Promise<LookupResult> {
  const answer = await client.rpc('lookup_context', {
    emails: [...emails],
    // The function takes null ("no profile"); generated argument types never say so.
    linkedin_url: linkedinUrl as string,
    org_id: orgId,
    // Only with a name: the answer then has `candidates` of that name.
    ...(fullName ? { full_name: fullName } : {}),
  });
  return lookupResultSchema.parse(check(answer));
}

// ---------------------------------------------------------------------------------------
// Reading the shared record (popup and options). Every query runs as the signed-in user, so
// row level security decides what comes back.

/** The server's "field: reason" as a sentence: "Nobody can raise their own role." */
export function sentence(message: string): string {
  const text = message.replace(/^[a-z_]+: /, '').trim();
  if (!text) return message;
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function checkSentence<T>(answer: ServerAnswer<T>): T | null {
  if (answer.error) {
    const outcome = classify(answer);
    throw new RecordsError(outcome.kind === 'refused' ? sentence(outcome.message) : outcome.message);
  }
  return answer.data;
}

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
  return z.array(accountHitSchema).parse(check(answer) ?? []);
}

export async function accountOverview(client: Client, accountId: string): Promise<AccountOverview> {
  const answer = await client
    .from('account_overview')
    .select('account_id, name, domains, last_activity_at, contact_count, signals_90d')
    .eq('account_id', accountId)
    .maybeSingle();
  const row = check(answer);
  if (!row) throw new RecordsError('This account is not in your organization, or it no longer exists.');
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
  const rows = z.array(timelineEntrySchema).parse(check(answer) ?? []);
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
  return z.array(revisionSchema).parse(check(answer) ?? []);
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
    const page = check(answer) ?? [];
    rows.push(...page);
    if (page.length < MY_PAGE) break;
  }
  // Source links are readable by their author only, and only through this function.
  const links = z
    .array(z.object({ id: z.string(), source_url: z.string() }))
    .parse(check(await client.rpc('my_source_urls')) ?? []);
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
  const rows = checkSentence(answer) ?? [];
  if (!rows.length) {
    throw new RecordsError('Only its author can edit an entry, and a retracted entry can no longer be edited.');
  }
}

export async function retractEntry(client: Client, id: string): Promise<void> {
  checkSentence(await client.rpc('retract_interaction', { id }));
}

export async function listMembers(client: Client, orgId: string): Promise<Member[]> {
  const answer = await client
    .from('memberships')
    .select('user_id, role, display_name, department')
    .eq('org_id', orgId)
    .order('display_name');
  return z.array(memberSchema).parse(check(answer) ?? []);
}

export async function setMemberRole(client: Client, orgId: string, userId: string, role: Role): Promise<void> {
  checkSentence(await client.rpc('set_member_role', { org_id: orgId, user_id: userId, role }));
}

export async function updateProfile(
  client: Client,
  orgId: string,
  userId: string,
  profile: { displayName: string; department: string | null },
): Promise<void> {
  const answer = await client
    .from('memberships')
    .update({ display_name: profile.displayName, department: profile.department || null })
    .eq('org_id', orgId)
    .eq('user_id', userId)
    .select('user_id');
  const rows = checkSentence(answer) ?? [];
  if (!rows.length) throw new RecordsError('You are not a member of this organization any more.');
}
