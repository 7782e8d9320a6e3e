// Load benchmark on the real-Postgres path: 20 simulated reps, each signed in with their own
// session, file, look up and read timelines at the same time for 60 s against the local
// stack on Debian's PostgreSQL (PostgREST with a pool of 10). It reports throughput and
// p50/p95 per operation as ratios to a trivial RPC measured under the same load, then proves
// that every acknowledged filing is stored exactly once and that nothing else was stored.
//
// Usage: npm run bench:load [-- --seconds 60] [--reps 20]
// Exit code 0 even when the figures are slow (this is a report); non-zero when the
// exactly-once proof fails or the run breaks.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { createDatabaseLikeTeams, dropDatabases, ensurePostgresServer, withAdmin } from '../supabase/local/real-postgres.ts';
import { startStack, type RunningStack } from '../supabase/local/stack.ts';
import { formatTable } from './lib/report.ts';

const { values: args } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, reps: { type: 'string', default: '20' } },
});
const SECONDS = Number(args.seconds);
const REPS = Number(args.reps);

type Operation = 'file' | 'lookup' | 'timeline' | 'ping';
// What a rep's day looks like to the backend: mostly reading context, often filing.
const MIX: Array<[Operation, number]> = [
  ['file', 0.3],
  ['lookup', 0.3],
  ['timeline', 0.25],
  ['ping', 0.15],
];
const COMPANIES = Array.from({ length: 40 }, (_, i) => `company-${i}.example`);
// Shared LinkedIn messages: several reps in one conversation file the same message.
const SHARED_SOURCES = Array.from({ length: 60 }, (_, i) => `urn:li:msg_message:load-${i}`);

function client(stack: RunningStack): SupabaseClient {
  return createClient(stack.apiUrl, stack.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  });
}

async function signUp(stack: RunningStack, label: string): Promise<SupabaseClient> {
  const rep = client(stack);
  const { error } = await rep.auth.signUp({
    email: `${label.toLowerCase().replaceAll(' ', '-')}-${randomUUID().slice(0, 8)}@load.example`,
    password: 'load test password',
    options: { data: { full_name: label } },
  });
  if (error) throw new Error(`sign-up of ${label} failed: ${error.message}`);
  return rep;
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

function chooseOperation(): Operation {
  let roll = Math.random();
  for (const [operation, weight] of MIX) {
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

interface Sample {
  operation: Operation;
  ms: number;
}

interface Filing {
  captureId: string;
  sourceRef: string;
  kind: string;
  storedId: string;
}

async function rep(
  supabase: SupabaseClient,
  orgId: string,
  deadline: number,
  samples: Sample[],
  filings: Filing[],
  accountIds: string[],
): Promise<{ errors: number }> {
  let errors = 0;
  while (Date.now() < deadline) {
    const operation = chooseOperation();
    if (operation === 'file') {
      const capture = captureFor(orgId);
      // Like the outbox: the same capture, with the same id, until the server acknowledges it.
      for (let attempt = 0; ; attempt += 1) {
        const started = performance.now();
        const { data, error } = await supabase.rpc('file_interaction', { capture });
        samples.push({ operation, ms: performance.now() - started });
        if (!error) {
          const answer = data as { id: string; account_id: string | null };
          filings.push({ captureId: capture.id as string, sourceRef: capture.source_ref as string, kind: capture.kind as string, storedId: answer.id });
          if (answer.account_id && accountIds.length < 500) accountIds.push(answer.account_id);
          break;
        }
        errors += 1;
        if (attempt >= 20) throw new Error(`filing kept failing: ${error.message}`);
        await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
      }
      continue;
    }
    const started = performance.now();
    let failure: { message: string } | null = null;
    if (operation === 'lookup') {
      const domain = pick(COMPANIES);
      ({ error: failure } = await supabase.rpc('lookup_context', {
        emails: [`person${Math.floor(Math.random() * 5)}@${domain}`, `someone@${domain}`],
        linkedin_url: null,
        org_id: orgId,
      }));
    } else if (operation === 'timeline') {
      if (accountIds.length === 0) continue;
      ({ error: failure } = await supabase
        .from('account_timeline')
        .select('id, title, occurred_at, author_display_name')
        .eq('account_id', pick(accountIds))
        .order('occurred_at', { ascending: false })
        .order('id', { ascending: false })
        .limit(50));
    } else {
      ({ error: failure } = await supabase.rpc('bench_ping'));
    }
    samples.push({ operation, ms: performance.now() - started });
    if (failure) errors += 1;
  }
  return { errors };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function storedRows(admin: SupabaseClient, orgId: string): Promise<Array<{ id: string; kind: string; source_ref: string | null }>> {
  const rows: Array<{ id: string; kind: string; source_ref: string | null }> = [];
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
function proveExactlyOnce(filings: Filing[], rows: Array<{ id: string; kind: string; source_ref: string | null }>): string[] {
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

const serverUrl = ensurePostgresServer();
const prefix = `hc_load_${randomUUID().replaceAll('-', '').slice(0, 8)}_`;
let stack: RunningStack | null = null;
let exitCode = 0;
try {
  console.log(`\nLoad benchmark: ${REPS} reps for ${SECONDS} s on PostgreSQL (PostgREST pool 10)\n`);
  const dbUrl = await createDatabaseLikeTeams(serverUrl, `${prefix}db`, { quiet: true });
  await withAdmin(dbUrl, (db) =>
    db.query(`
      create function public.bench_ping() returns integer language sql stable set search_path = '' as 'select 1';
      revoke all on function public.bench_ping() from public, anon;
      grant execute on function public.bench_ping() to authenticated;`),
  );
  stack = await startStack({ dataDir: null, apiPort: 0, dbUrl, log: () => {} });

  const admin = await signUp(stack, 'Load Admin');
  const { data: orgId, error: orgError } = await admin.rpc('create_organization', { name: 'Load Test Co' });
  if (orgError) throw new Error(orgError.message);
  const reps: SupabaseClient[] = [];
  for (let i = 0; i < REPS; i += 1) {
    const person = await signUp(stack, `Rep ${i + 1}`);
    const { data: code, error } = await admin.rpc('create_invite', { org_id: orgId, role: 'member' });
    if (error) throw new Error(error.message);
    const joined = await person.rpc('join_organization', { code });
    if (joined.error) throw new Error(joined.error.message);
    reps.push(person);
  }

  const samples: Sample[] = [];
  const filings: Filing[] = [];
  const accountIds: string[] = [];
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  const outcomes = await Promise.all(reps.map((person) => rep(person, orgId as string, deadline, samples, filings, accountIds)));
  const elapsed = (Date.now() - started) / 1000;
  const errors = outcomes.reduce((sum, outcome) => sum + outcome.errors, 0);

  const byOperation = (operation: Operation) => samples.filter((s) => s.operation === operation).map((s) => s.ms).sort((a, b) => a - b);
  const ping = byOperation('ping');
  const [pingP50, pingP95] = [percentile(ping, 50), percentile(ping, 95)];
  const rows = (['file', 'lookup', 'timeline', 'ping'] as Operation[]).map((operation) => {
    const times = byOperation(operation);
    const [p50, p95] = [percentile(times, 50), percentile(times, 95)];
    return [
      operation === 'ping' ? 'trivial RPC (baseline)' : operation,
      String(times.length),
      (times.length / elapsed).toFixed(1),
      p50.toFixed(1),
      p95.toFixed(1),
      `${(p50 / pingP50).toFixed(2)}×`,
      `${(p95 / pingP95).toFixed(2)}×`,
    ];
  });
  console.log(formatTable(['operation', 'calls', 'per s', 'p50 ms', 'p95 ms', 'p50 / trivial', 'p95 / trivial'], rows));
  console.log(`\n${samples.length} requests in ${elapsed.toFixed(1)} s (${(samples.length / elapsed).toFixed(0)}/s); ${errors} failed and were retried.`);

  const service = createClient(stack.apiUrl, stack.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  });
  const stored = await storedRows(service, orgId as string);
  const problems = proveExactlyOnce(filings, stored);
  const distinct = new Set(filings.map((f) => f.storedId)).size;
  if (problems.length === 0) {
    console.log(
      `Exactly once: ${filings.length} acknowledged filings (${filings.length - distinct} of them the same shared message ` +
        `as a colleague's) are ${distinct} stored entries, each stored once; nothing else was stored.\n`,
    );
  } else {
    exitCode = 1;
    console.log(`Exactly once FAILED:\n  ${problems.slice(0, 20).join('\n  ')}\n`);
  }
} catch (error) {
  exitCode = 1;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await stack?.stop();
  await dropDatabases(serverUrl, prefix);
}
process.exit(exitCode);
