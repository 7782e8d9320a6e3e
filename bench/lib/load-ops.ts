// What a simulated rep does in the load benchmark, and the exactly-once proof afterwards.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import type { RunningStack } from '../../supabase/local/stack.ts';
import { backoffDelay } from '../../utils/outbox/decisions.ts';

export type Operation = 'file' | 'lookup' | 'timeline' | 'insights' | 'foryou' | 'ping';

export const OPERATIONS: Array<{ operation: Operation; label: string; weight: number }> = [
  { operation: 'file', label: 'file (`file_interaction`)', weight: 0.3 },
  { operation: 'lookup', label: 'lookup (`lookup_context`)', weight: 0.25 },
  { operation: 'timeline', label: 'timeline page (50)', weight: 0.15 },
  { operation: 'insights', label: 'Insights (`signal_series` / `signal_changes`)', weight: 0.1 },
  { operation: 'foryou', label: 'For you (followed accounts / `for_you`)', weight: 0.1 },
  { operation: 'ping', label: 'trivial RPC (baseline)', weight: 0.1 },
];

const COMPANIES = Array.from({ length: 40 }, (_, i) => `company-${i}.example`);
// Shared LinkedIn messages: several reps in one conversation file the same message.
const SHARED_SOURCES = Array.from({ length: 60 }, (_, i) => `urn:li:msg_message:load-${i}`);
const MAX_ATTEMPTS = 20;
/** lock_not_available: file_interaction did not get its organization's turn in time. */
const TEAM_BUSY = '55P03';

export interface Sample {
  operation: Operation;
  ms: number;
}

export interface Filing {
  captureId: string;
  sourceRef: string;
  kind: string;
  storedId: string;
}

/** One organization's shared state during the run: what was acknowledged, and accounts to read. */
export interface OrgState {
  orgId: string;
  filings: Filing[];
  accountIds: string[];
  /** Filings the server sent back because the team's turn was busy (sent again later). */
  busyRefusals?: number;
}

function client(stack: RunningStack, key: string): SupabaseClient {
  return createClient(stack.apiUrl, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  });
}

export const serviceClient = (stack: RunningStack): SupabaseClient => client(stack, stack.serviceRoleKey);

export async function signUp(stack: RunningStack, label: string): Promise<SupabaseClient> {
  const person = client(stack, stack.anonKey);
  const { error } = await person.auth.signUp({
    email: `${label.toLowerCase().replaceAll(' ', '-')}-${randomUUID().slice(0, 8)}@load.example`,
    password: 'load test password',
    options: { data: { full_name: label } },
  });
  if (error) throw new Error(`sign-up of ${label} failed: ${error.message}`);
  return person;
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

function chooseOperation(): Operation {
  let roll = Math.random();
  for (const { operation, weight } of OPERATIONS) {
    roll -= weight;
    if (roll <= 0) return operation;
  }
  return 'ping';
}

function captureFor(orgId: string): Record<string, unknown> {
  const domain = pick(COMPANIES);
  const person = Math.floor(Math.random() * 5);
  const shared = Math.random() < 0.2;
  return {
    id: randomUUID(),
    org_id: orgId,
    kind: shared ? 'linkedin_message' : 'email',
    source_ref: shared ? pick(SHARED_SOURCES) : `load-${randomUUID()}`,
    occurred_at: new Date(Date.now() - Math.floor(Math.random() * 90) * 86_400_000).toISOString(),
    title: 'Asked about the rollout',
    body: 'We would like to start with the support team in January.',
    signals: [pick(['pricing', 'buying_signal', 'objection', 'feature_request', 'support_issue'])],
    contact: shared
      ? { full_name: `Shared Person ${domain}`, linkedin_url: `https://www.linkedin.com/in/load-${domain.split('.')[0]}` }
      : { full_name: `Person ${person} at ${domain}`, email: `person${person}@${domain}` },
    account: shared ? { name: `Company ${domain}`, domain } : undefined,
  };
}

/** Like the outbox: the same capture, with the same id, until the server acknowledges it. */
export async function fileUntilAcknowledged(supabase: SupabaseClient, org: OrgState, samples: Sample[]): Promise<number> {
  const capture = captureFor(org.orgId);
  for (let attempt = 0; ; attempt += 1) {
    const started = performance.now();
    const { data, error } = await supabase.rpc('file_interaction', { capture });
    samples.push({ operation: 'file', ms: performance.now() - started });
    if (!error) {
      const answer = data as { id: string; account_id: string | null };
      org.filings.push({ captureId: capture.id as string, sourceRef: capture.source_ref as string, kind: capture.kind as string, storedId: answer.id });
      if (answer.account_id && org.accountIds.length < 500) org.accountIds.push(answer.account_id);
      return attempt;
    }
    if (attempt + 1 >= MAX_ATTEMPTS) throw new Error(`filing kept failing: ${error.message}`);
    org.busyRefusals = (org.busyRefusals ?? 0) + (error.code === TEAM_BUSY ? 1 : 0);
    // The team's turn was not free within file_interaction's lock_timeout: the outbox sends
    // it again after its backoff (seconds, its first two steps here so a round ends), and the
    // rep's browser, not the server's pool, holds the wait. Other failures: soon.
    const wait = error.code === TEAM_BUSY ? backoffDelay(Math.min(attempt + 1, 2)) : 50 * (attempt + 1);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** A rep's reads; each resolves to the error (if any) of its one request. */
function read(supabase: SupabaseClient, org: OrgState, operation: Exclude<Operation, 'file'>): PromiseLike<{ error: { message: string } | null }> | null {
  const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
  switch (operation) {
    case 'lookup': {
      const domain = pick(COMPANIES);
      return supabase.rpc('lookup_context', {
        emails: [`person${Math.floor(Math.random() * 5)}@${domain}`, `someone@${domain}`],
        linkedin_url: null,
        org_id: org.orgId,
      });
    }
    case 'timeline':
      if (org.accountIds.length === 0) return null;
      return supabase
        .from('account_timeline')
        .select('id, title, occurred_at, author_display_name')
        .eq('account_id', pick(org.accountIds))
        .order('occurred_at', { ascending: false })
        .order('id', { ascending: false })
        .limit(50);
    case 'insights':
      return Math.random() < 0.5
        ? supabase.rpc('signal_series', { org_id: org.orgId, weeks: 26 })
        : supabase.rpc('signal_changes', { org_id: org.orgId, recent_weeks: 4 });
    case 'foryou': {
      if (Math.random() < 0.5 || org.accountIds.length === 0) return supabase.rpc('for_you', { org_id: org.orgId });
      const followed = [...new Set(Array.from({ length: 10 }, () => pick(org.accountIds)))];
      return supabase
        .from('account_timeline')
        .select('id, account_id, account_name, title, author_display_name, occurred_at, created_at')
        .eq('org_id', org.orgId)
        .in('account_id', followed)
        .gt('created_at', since)
        .order('created_at', { ascending: false })
        .limit(50);
    }
    case 'ping':
      return supabase.rpc('bench_ping');
  }
}

/**
 * One rep until the deadline: a mix of filings and reads, one request at a time, with a pause
 * of `thinkMs` on average between them (0: back to back, the server's saturation).
 */
export async function rep(
  supabase: SupabaseClient,
  org: OrgState,
  deadline: number,
  samples: Sample[],
  thinkMs = 0,
): Promise<{ errors: number }> {
  let errors = 0;
  while (Date.now() < deadline) {
    if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * thinkMs));
    const operation = chooseOperation();
    if (operation === 'file') {
      errors += await fileUntilAcknowledged(supabase, org, samples);
      continue;
    }
    const request = read(supabase, org, operation);
    if (!request) continue;
    const started = performance.now();
    const { error } = await request;
    samples.push({ operation, ms: performance.now() - started });
    if (error) errors += 1;
  }
  return { errors };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export type StoredRow = { id: string; kind: string; source_ref: string | null };

export async function storedRows(admin: SupabaseClient, orgId: string): Promise<StoredRow[]> {
  const rows: StoredRow[] = [];
  for (let from = 0; ; from += 1000) {
    const { data, error } = await admin
      .from('interactions')
      .select('id, kind, source_ref')
      .eq('org_id', orgId)
      .order('id')
      .range(from, from + 999);
    if (error) throw new Error(error.message);
    rows.push(...(data ?? []));
    if ((data ?? []).length < 1000) return rows;
  }
}

/** Every acknowledged filing is stored, once; nothing unacknowledged is; one row per source. */
export function proveExactlyOnce(filings: Filing[], rows: StoredRow[]): string[] {
  const problems: string[] = [];
  const stored = new Map(rows.map((row) => [row.id, row]));
  const acknowledged = new Set(filings.map((f) => f.storedId));
  for (const filing of filings) {
    if (!stored.has(filing.storedId)) problems.push(`acknowledged ${filing.captureId} as ${filing.storedId}, which is not stored`);
  }
  for (const row of rows) if (!acknowledged.has(row.id)) problems.push(`stored ${row.id}, which nobody was told about`);
  const bySource = new Map<string, Set<string>>();
  for (const filing of filings) {
    const key = `${filing.kind}|${filing.sourceRef}`;
    bySource.set(key, (bySource.get(key) ?? new Set()).add(filing.storedId));
  }
  for (const [key, ids] of bySource) if (ids.size > 1) problems.push(`source ${key} was stored ${ids.size} times`);
  const keys = rows.map((row) => `${row.kind}|${row.source_ref}`);
  if (new Set(keys).size !== keys.length) problems.push('two stored rows share a source');
  return problems;
}
