// Load benchmark on the real-Postgres path: simulated reps across organizations, each signed
// in with their own session, file, look up, read timelines, Insights and For you at the same
// time for 60 s against the local stack on Debian's PostgreSQL (PostgREST with a pool of 10).
// It reports throughput and p50/p95 per operation as ratios to a trivial RPC measured under
// the same load, proves per organization that every acknowledged filing is stored exactly once
// and nothing else was, and then shows that one busy organization's filings do not slow
// another's: a quiet organization's filing p95 with and without a busy one filing flat out.
//
// Usage: npm run bench:load [-- --seconds 60] [--reps 20] [--orgs 1] [--think-ms 0] [--isolation-seconds 15]
//                           [--busy-reps 20]
// Exit code 0 even when the figures are slow (this is a report); non-zero when the
// exactly-once proof fails or the run breaks.
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDatabaseLikeTeams, dropDatabases, ensurePostgresServer, withAdmin } from '../supabase/local/real-postgres.ts';
import { startStack, type RunningStack } from '../supabase/local/stack.ts';
import { formatTable } from './lib/report.ts';
import {
  type Filing, type Operation, type OrgState, type Sample, OPERATIONS, fileUntilAcknowledged, percentile, proveExactlyOnce,
  rep, serviceClient, signUp, storedRows,
} from './lib/load-ops.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    reps: { type: 'string', default: '20' },
    orgs: { type: 'string', default: '1' },
    'isolation-seconds': { type: 'string', default: '15' },
    'busy-reps': { type: 'string', default: '20' },
    'think-ms': { type: 'string', default: '0' },
  },
});
const SECONDS = Number(args.seconds);
const REPS = Number(args.reps);
const ORGS = Number(args.orgs);
const ISOLATION_SECONDS = Number(args['isolation-seconds']);
const BUSY_REPS = Number(args['busy-reps']);
// A rep's pause between two actions, on average; 0 sends them back to back.
const THINK_MS = Number(args['think-ms']);
// PostgREST's own default, and on 2 cores already 5 connections per core: more would only
// queue inside Postgres instead of in PostgREST (see the README's Benchmarks section).
const POOL = 10;
for (const [name, value] of Object.entries({ SECONDS, REPS, ORGS, ISOLATION_SECONDS, BUSY_REPS, THINK_MS })) {
  if (!Number.isInteger(value) || value < 0 || (value === 0 && !['ISOLATION_SECONDS', 'THINK_MS'].includes(name))) {
    throw new Error(`--${name.toLowerCase().replace('_', '-')} must be a positive integer`);
  }
}
if (REPS < ORGS) throw new Error('--reps must be at least --orgs (every organization has a rep)');

async function createOrganization(stack: RunningStack, name: string, members: number): Promise<{ state: OrgState; reps: SupabaseClient[] }> {
  const admin = await signUp(stack, `${name} Admin`);
  const { data: orgId, error } = await admin.rpc('create_organization', { name });
  if (error) throw new Error(error.message);
  const reps: SupabaseClient[] = [];
  for (let i = 0; i < members; i += 1) {
    const person = await signUp(stack, `${name} Rep ${i + 1}`);
    const { data: code, error: inviteError } = await admin.rpc('create_invite', { org_id: orgId, role: 'member' });
    if (inviteError) throw new Error(inviteError.message);
    const joined = await person.rpc('join_organization', { code });
    if (joined.error) throw new Error(joined.error.message);
    reps.push(person);
  }
  return { state: { orgId: orgId as string, filings: [], accountIds: [] }, reps };
}

/** A quiet organization's one rep files for `seconds`, while the `busy` organizations' reps file back to back. */
async function isolationRound(
  quiet: { state: OrgState; rep: SupabaseClient },
  busy: Array<{ state: OrgState; reps: SupabaseClient[] }>,
  seconds: number,
  quietSamples: Sample[],
  busySamples: Sample[],
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  const flatOut = async (person: SupabaseClient, state: OrgState, samples: Sample[]) => {
    while (Date.now() < deadline) await fileUntilAcknowledged(person, state, samples);
  };
  await Promise.all([
    flatOut(quiet.rep, quiet.state, quietSamples),
    ...busy.flatMap((org) => org.reps.map((person) => flatOut(person, org.state, busySamples))),
  ]);
}

const ISOLATION_CYCLES = 3;

/**
 * Samples the server while `work` runs: how many of PostgREST's connections wait for an
 * organization's filing lock (an advisory lock) — each of them is one fewer for everyone else.
 */
async function lockWaits<T>(dbUrl: string, work: () => Promise<T>): Promise<{ result: T; meanWaiting: number; maxWaiting: number }> {
  const observer = new pg.Client({ connectionString: dbUrl });
  await observer.connect();
  const counts: number[] = [];
  let running = true;
  const sampling = (async () => {
    while (running) {
      const { rows } = await observer.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock' and wait_event = 'advisory'`,
      );
      counts.push(rows[0]!.n);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    const result = await work();
    return { result, meanWaiting: counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length), maxWaiting: Math.max(0, ...counts) };
  } finally {
    running = false;
    await sampling;
    await observer.end();
  }
}

const serverUrl = ensurePostgresServer();
const prefix = `hc_load_${randomUUID().replaceAll('-', '').slice(0, 8)}_`;
let stack: RunningStack | null = null;
let exitCode = 0;
try {
  console.log(
    `\nLoad benchmark: ${REPS} reps in ${ORGS} organization(s) for ${SECONDS} s on PostgreSQL (PostgREST pool ${POOL}), ` +
      (THINK_MS ? `each pausing ${THINK_MS} ms on average between actions\n` : 'each sending its next request as soon as the last is answered\n'),
  );
  const dbUrl = await createDatabaseLikeTeams(serverUrl, `${prefix}db`, { quiet: true });
  await withAdmin(dbUrl, (db) =>
    db.query(`
      create function public.bench_ping() returns integer language sql stable set search_path = '' as 'select 1';
      revoke all on function public.bench_ping() from public, anon;
      grant execute on function public.bench_ping() to authenticated;`),
  );
  stack = await startStack({ dataDir: null, apiPort: 0, dbUrl, log: () => {} });

  const orgs: Array<{ state: OrgState; reps: SupabaseClient[] }> = [];
  for (let o = 0; o < ORGS; o += 1) {
    const members = Math.floor(REPS / ORGS) + (o < REPS % ORGS ? 1 : 0);
    orgs.push(await createOrganization(stack, `Load Org ${o + 1}`, members));
  }

  const samples: Sample[] = [];
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  const outcomes = await Promise.all(orgs.flatMap((org) => org.reps.map((person) => rep(person, org.state, deadline, samples, THINK_MS))));
  const elapsed = (Date.now() - started) / 1000;
  const errors = outcomes.reduce((sum, outcome) => sum + outcome.errors, 0);

  const byOperation = (operation: Operation) => samples.filter((s) => s.operation === operation).map((s) => s.ms).sort((a, b) => a - b);
  const ping = byOperation('ping');
  const [pingP50, pingP95] = [percentile(ping, 50), percentile(ping, 95)];
  const rows = OPERATIONS.map(({ operation, label }) => {
    const times = byOperation(operation);
    const [p50, p95] = [percentile(times, 50), percentile(times, 95)];
    return [label, String(times.length), (times.length / elapsed).toFixed(1), p50.toFixed(1), p95.toFixed(1),
      `${(p50 / pingP50).toFixed(2)}×`, `${(p95 / pingP95).toFixed(2)}×`];
  });
  console.log(formatTable(['operation', 'calls', 'per s', 'p50 ms', 'p95 ms', 'p50 / trivial', 'p95 / trivial'], rows));
  const refusals = orgs.reduce((sum, org) => sum + (org.state.busyRefusals ?? 0), 0);
  console.log(
    `\n${samples.length} requests in ${elapsed.toFixed(1)} s (${(samples.length / elapsed).toFixed(0)}/s); ${errors} failed and were retried` +
      ` (${refusals} of them filings sent back because their team's turn was busy).`,
  );

  const service = serviceClient(stack);
  let acknowledged = 0;
  let distinct = 0;
  const problems: string[] = [];
  for (const { state } of orgs) {
    const stored = await storedRows(service, state.orgId);
    problems.push(...proveExactlyOnce(state.filings, stored).map((p) => `${state.orgId}: ${p}`));
    acknowledged += state.filings.length;
    distinct += new Set(state.filings.map((f: Filing) => f.storedId)).size;
  }
  if (problems.length === 0) {
    console.log(
      `Exactly once, in each of the ${ORGS} organization(s): ${acknowledged} acknowledged filings (${acknowledged - distinct} of them ` +
        `the same shared message as a colleague's) are ${distinct} stored entries, each stored once; nothing else was stored.\n`,
    );
  } else {
    exitCode = 1;
    console.log(`Exactly once FAILED:\n  ${problems.slice(0, 20).join('\n  ')}\n`);
  }

  if (ISOLATION_SECONDS > 0) {
    // Two fresh organizations, so the main run's load is over: a quiet one with one rep and a
    // busy one whose reps all file at once, back to back, as fast as the server answers.
    // The control: as many reps filing as fast, each in an organization of their own (the same
    // load on the cores and the pool, no shared lock), tells waiting on the busy organization's
    // lock apart from sharing two cores.
    const quiet = await createOrganization(stack, 'Quiet Org', 1);
    const busy = await createOrganization(stack, 'Busy Org', BUSY_REPS);
    const spread: Array<{ state: OrgState; reps: SupabaseClient[] }> = [];
    for (let i = 0; i < BUSY_REPS; i += 1) spread.push(await createOrganization(stack, `Busy Alone ${i + 1}`, 1));
    const quietRep = { state: quiet.state, rep: quiet.reps[0]! };
    // The three conditions take turns, several times, so that the machine's other work
    // (shared cores) falls on each alike.
    const conditions = [
      { label: 'alone', busy: [] as typeof spread, quiet: [] as Sample[], other: [] as Sample[], waiting: [] as number[], filed: 0, sentBack: 0 },
      { label: 'while the busy one files', busy: [busy], quiet: [] as Sample[], other: [] as Sample[], waiting: [] as number[], filed: 0, sentBack: 0 },
      { label: 'while as many file, each in their own', busy: spread, quiet: [] as Sample[], other: [] as Sample[], waiting: [] as number[], filed: 0, sentBack: 0 },
    ];
    for (let cycle = 0; cycle < ISOLATION_CYCLES; cycle += 1) {
      for (const c of conditions) {
        const tally = () => c.busy.reduce((sum, org) => [sum[0]! + org.state.filings.length, sum[1]! + (org.state.busyRefusals ?? 0)], [0, 0]);
        const before = tally();
        const { meanWaiting, maxWaiting } = await lockWaits(dbUrl, () => isolationRound(quietRep, c.busy, ISOLATION_SECONDS, c.quiet, c.other));
        const after = tally();
        c.waiting.push(meanWaiting, maxWaiting);
        c.filed += after[0]! - before[0]!;
        c.sentBack += after[1]! - before[1]!;
      }
    }
    const figures = conditions.map((c) => {
      const times = c.quiet.map((sample) => sample.ms).sort((a, b) => a - b);
      return { ...c, calls: times.length, p50: percentile(times, 50), p95: percentile(times, 95) };
    });
    console.log(
      `One organization's filings beside another's (${ISOLATION_CYCLES} × ${ISOLATION_SECONDS} s each, in turns; ` +
        `the busy one has ${BUSY_REPS} reps filing back to back):`,
    );
    console.log(
      formatTable(
        ['quiet organization files', 'calls', 'p50 ms', 'p95 ms', 'others\' filings (sent back, busy)', 'waiting for a lock (mean / max)'],
        figures.map((f) => {
          const means = f.waiting.filter((_, i) => i % 2 === 0);
          const mean = means.reduce((a, b) => a + b, 0) / Math.max(1, means.length);
          const max = Math.max(0, ...f.waiting.filter((_, i) => i % 2 === 1));
          return [f.label, String(f.calls), f.p50.toFixed(1), f.p95.toFixed(1), f.busy.length ? `${f.filed} (${f.sentBack})` : '—', `${mean.toFixed(1)} / ${max}`];
        }),
      ),
    );
    const [alone, beside, control] = figures as [(typeof figures)[number], (typeof figures)[number], (typeof figures)[number]];
    console.log(
      `Quiet organization's filing p95 beside the busy one: ${(beside.p95 / alone.p95).toFixed(2)}× its p95 alone; ` +
        `beside as much filing spread over ${BUSY_REPS} organizations: ${(control.p95 / alone.p95).toFixed(2)}×.\n`,
    );
    for (const org of [quiet, busy, ...spread]) {
      const found = proveExactlyOnce(org.state.filings, await storedRows(service, org.state.orgId));
      if (found.length) {
        exitCode = 1;
        console.log(`Exactly once FAILED in ${org.state.orgId}:\n  ${found.slice(0, 10).join('\n  ')}`);
      }
    }
  }
} catch (error) {
  exitCode = 1;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await stack?.stop();
  await dropDatabases(serverUrl, prefix);
}
process.exit(exitCode);
