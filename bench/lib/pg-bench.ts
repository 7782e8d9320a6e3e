// bench:db on a real PostgreSQL server (--db-url): many organizations of skewed sizes, each
// read timed for a member of the largest organization and of a small one, against a trivial
// RPC in the same database and against the same read in a database of about 100k entries.
import pg from 'pg';
import { signJwt } from '../../supabase/local/keys.ts';
import { startStack } from '../../supabase/local/stack.ts';
import { compactCount, formatTable, median, scanNodes } from './report.ts';
import { ensurePopulation, siblingUrl, type Population } from './pg-database.ts';
import type { PopulationSize } from './population.ts';
import {
  PING, explainAsMember, firstPageCursor, hasPlans, pickTargets, queriesFor, runAsMember, type OrgTargets, type SqlQuery,
} from './pg-queries.ts';

const TARGET_RATIO_TO_PING = 3;
const TARGET_GROWTH = 1.5;
const BASE_ENTRIES = 100_000;

export interface PostgresBenchOptions {
  dbUrl: string;
  orgs: number;
  entries: number;
  rounds: number;
  warmup: number;
  plans: boolean;
  fresh: boolean;
}

interface Timed {
  query: SqlQuery;
  /** In the database: the read in its own transaction as the member. */
  sqlMs: number;
  /** Through PostgREST, as the member's request. */
  apiMs: number;
  rows: number;
}

interface Measured {
  population: Population;
  ping: { sqlMs: number; apiMs: number };
  byOrg: Array<{ label: string; targets: OrgTargets; timed: Timed[] }>;
}

/** The comparison population: about 100k entries, organizations in the same proportion. */
export function baseSizeFor(size: PopulationSize): PopulationSize {
  const entries = Math.min(BASE_ENTRIES, Math.floor(size.entries / 10));
  return { entries, orgs: Math.max(2, Math.round((size.orgs * entries) / size.entries)) };
}

async function connect(url: string): Promise<pg.Client> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query(`
    create or replace function public.bench_ping() returns integer language sql stable set search_path = '' as 'select 1';
    revoke all on function public.bench_ping() from public, anon;
    grant execute on function public.bench_ping() to authenticated`);
  return db;
}

/** The org of the big population whose size is nearest the given number of entries. */
async function orgNearest(db: pg.Client, entries: number): Promise<number> {
  const { rows } = await db.query<{ k: number }>('select k from bench.org order by abs(expected_entries - $1), k limit 1', [entries]);
  return rows[0]!.k;
}

async function measure(
  dbUrl: string,
  db: pg.Client,
  population: Population,
  orgs: Array<{ label: string; k: number }>,
  options: PostgresBenchOptions,
): Promise<Measured> {
  const byOrg: Measured['byOrg'] = [];
  for (const { label, k } of orgs) {
    const targets = await pickTargets(db, k);
    const queries = queriesFor(targets, await firstPageCursor(db, targets), await hasPlans(db));
    byOrg.push({ label, targets, timed: queries.map((query) => ({ query, sqlMs: 0, apiMs: 0, rows: 0 })) });
  }
  // PostgREST on this database, with the pool a real Postgres allows (the stack's 10).
  const stack = await startStack({ dataDir: null, apiPort: 0, dbUrl, log: () => {} });
  try {
    const tokenFor = (memberId: string) =>
      signJwt({ sub: memberId, role: 'authenticated', aud: 'authenticated', exp: Math.floor(Date.now() / 1000) + 3600 }, stack.jwtSecret);
    const api = async (token: string, call: SqlQuery['rest']): Promise<void> => {
      const response = await fetch(`${stack.apiUrl}/rest/v1/${call.path}`, {
        method: call.body ? 'POST' : 'GET',
        headers: { apikey: stack.anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: call.body ? JSON.stringify(call.body) : undefined,
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${call.path.split('?')[0]}: ${response.status} ${text.slice(0, 200)}`);
    };
    const runs = [
      { token: tokenFor(byOrg[0]!.targets.memberId), memberId: byOrg[0]!.targets.memberId, query: PING, sql: [] as number[], api: [] as number[], rows: 0 },
      ...byOrg.flatMap((o) => {
        const token = tokenFor(o.targets.memberId);
        return o.timed.map((t) => ({ token, memberId: o.targets.memberId, query: t.query, sql: [] as number[], api: [] as number[], rows: 0 }));
      }),
    ];
    const once = async (run: (typeof runs)[number], record: boolean): Promise<void> => {
      let started = performance.now();
      run.rows = await runAsMember(db, run.memberId, run.query.sql);
      if (record) run.sql.push(performance.now() - started);
      started = performance.now();
      await api(run.token, run.query.rest);
      if (record) run.api.push(performance.now() - started);
    };
    for (let n = 0; n < options.warmup; n++) for (const run of runs) await once(run, false);
    // Interleaved rounds: drift (other work on the machine, caches) touches every read alike.
    for (let round = 0; round < options.rounds; round++) for (const run of runs) await once(run, true);
    let i = 1;
    for (const o of byOrg) {
      for (const t of o.timed) {
        const run = runs[i++]!;
        Object.assign(t, { sqlMs: median(run.sql), apiMs: median(run.api), rows: run.rows });
      }
    }
    return { population, ping: { sqlMs: median(runs[0]!.sql), apiMs: median(runs[0]!.api) }, byOrg };
  } finally {
    await stack.stop();
  }
}

function describe(p: Population): string {
  const r = p.rows;
  return (
    `${compactCount(p.size.entries)} entries across ${p.size.orgs} organizations: ${r['memberships']} members, ` +
    `${r['accounts']} accounts, ${r['contacts']} contacts, ${r['interaction_revisions']} revisions, ` +
    `${r['interactions (retracted)']} retracted; rollup ${r['signal_account_weeks']} + ${r['signal_weeks']} rows ` +
    `(${p.rollupVerified ? 'equal to a fresh GROUP BY' : 'NOT verified'}); generated in ${(p.generationMs / 60_000).toFixed(1)} min, ` +
    `${(p.bytes / 2 ** 30).toFixed(2)} GiB on disk`
  );
}

export async function runPostgresBench(options: PostgresBenchOptions): Promise<void> {
  const size: PopulationSize = { orgs: options.orgs, entries: options.entries };
  const base = baseSizeFor(size);
  const baseUrl = siblingUrl(options.dbUrl, `_${compactCount(base.entries).toLowerCase().replace('.', '_')}`);
  const log = (line: string) => console.log(line);
  const basePopulation = await ensurePopulation(baseUrl, base, { fresh: options.fresh, log });
  const population = await ensurePopulation(options.dbUrl, size, { fresh: options.fresh, log });

  const baseDb = await connect(baseUrl);
  const db = await connect(options.dbUrl);
  try {
    // The small organization is the base population's smallest; in the big one, the one of that size.
    const smallEntries = Number((await baseDb.query('select max(expected_entries) as n from bench.org where k = (select max(k) from bench.org)')).rows[0]!.n);
    const bigSmallK = await orgNearest(db, smallEntries);
    console.log(`\nTiming at ${compactCount(base.entries)} …`);
    const before = await measure(baseUrl, baseDb, basePopulation, [{ label: 'largest', k: 1 }, { label: 'small', k: base.orgs }], options);
    console.log(`Timing at ${compactCount(size.entries)} …`);
    const after = await measure(options.dbUrl, db, population, [{ label: 'largest', k: 1 }, { label: 'small', k: bigSmallK }], options);
    const misses = printReport(before, after, options);

    const toExplain = options.plans ? after.byOrg.flatMap((o) => o.timed.map((t) => ({ o, t }))) : misses;
    console.log(`\nScans used at ${compactCount(size.entries)} (EXPLAIN as the member), and the plans of ${options.plans ? 'every read' : 'each miss'}:`);
    for (const { o, t } of toExplain) {
      const plan = await explainAsMember(db, o.targets.memberId, t.query.sql);
      console.log(`\n--- ${o.label} organization: ${t.query.name.trim()}\n> ${t.query.sql.replace(/\s+/g, ' ')}\n${plan.join('\n')}`);
      console.log(`    scans: ${scanNodes(plan).join('; ') || '(none)'}`);
    }
    if (toExplain.length === 0) console.log('  (every read met its targets)');
  } finally {
    await baseDb.end();
    await db.end();
  }
}

type Miss = { o: Measured['byOrg'][number]; t: Timed };

function printReport(before: Measured, after: Measured, options: PostgresBenchOptions): Miss[] {
  const baseLabel = compactCount(before.population.size.entries);
  const bigLabel = compactCount(after.population.size.entries);
  const { ping } = after;
  console.log(`\nDatabase benchmark on PostgreSQL — median of ${options.rounds} after ${options.warmup} warm-up, each read as a member:`);
  console.log('through PostgREST (API), and in the database (SQL: its own transaction under set local role authenticated and the');
  console.log("member's request.jwt.claims, as PostgREST runs it), so row level security counts in both.");
  console.log(`  ${baseLabel}: ${describe(before.population)}`);
  console.log(`  ${bigLabel}: ${describe(after.population)}`);
  console.log(
    `  trivial RPC (bench_ping): API ${before.ping.apiMs.toFixed(2)} / ${ping.apiMs.toFixed(2)} ms, ` +
      `SQL ${before.ping.sqlMs.toFixed(3)} / ${ping.sqlMs.toFixed(3)} ms at ${baseLabel} / ${bigLabel}.`,
  );
  console.log(
    `  Targets (through the API, as a member sees it): ≤ ${TARGET_RATIO_TO_PING}× the trivial RPC at ${bigLabel}, ≤ ${TARGET_GROWTH}× ` +
      `the same read at ${baseLabel}. In the database the read must not grow more than ${TARGET_GROWTH}× either.`,
  );
  const misses: Miss[] = [];
  for (const [index, o] of after.byOrg.entries()) {
    const was = before.byOrg[index]!;
    const t = o.targets;
    console.log(
      `\n${o.label} organization — ${baseLabel}: #${was.targets.k} of ${before.population.size.orgs}, ${was.targets.entries} entries, ` +
        `${was.targets.accounts} accounts; ${bigLabel}: #${t.k} of ${after.population.size.orgs}, ${t.entries} entries, ${t.accounts} accounts. ` +
        `Timeline account ${was.targets.timelineAccountEntries} / ${t.timelineAccountEntries} entries (largest ` +
        `${was.targets.largestAccountEntries} / ${t.largestAccountEntries}).`,
    );
    const rows = o.timed.map((timed, i) => {
      const then = was.timed[i]!;
      const ratio = timed.apiMs / ping.apiMs;
      const growth = timed.apiMs / then.apiMs;
      const sqlGrowth = timed.sqlMs / then.sqlMs;
      const problems = [
        ratio > TARGET_RATIO_TO_PING ? `× ${ratio.toFixed(1)}` : null,
        growth > TARGET_GROWTH ? `growth ${growth.toFixed(1)}` : null,
        sqlGrowth > TARGET_GROWTH ? `SQL growth ${sqlGrowth.toFixed(1)}` : null,
      ].filter(Boolean);
      if (problems.length && !timed.query.informational) misses.push({ o, t: timed });
      return [
        timed.query.name,
        `${then.rows}/${timed.rows}`,
        `${then.apiMs.toFixed(1)} → ${timed.apiMs.toFixed(1)}`,
        `${ratio.toFixed(2)}×`,
        `${growth.toFixed(2)}×`,
        `${then.sqlMs.toFixed(2)} → ${timed.sqlMs.toFixed(2)}`,
        `${(timed.sqlMs / ping.sqlMs).toFixed(1)}×`,
        `${sqlGrowth.toFixed(2)}×`,
        (problems.length ? `NO (${problems.join(', ')})` : 'yes') + (timed.query.informational ? ' [info]' : ''),
      ];
    });
    console.log(
      formatTable(
        ['read', `rows`, `API ms ${baseLabel} → ${bigLabel}`, '× trivial', 'growth', `SQL ms ${baseLabel} → ${bigLabel}`, '× trivial', 'growth', 'met?'],
        rows,
      ),
    );
  }
  return misses;
}
