// Database benchmark: are the popup's and the sidebar's reads independent of how much the
// team has filed?
//
// It generates one organization twice — at full size (10k accounts, 100k contacts, 1M entries
// at --scale 1) and at 1/100 of that — and, through PostgREST as a signed-in member (so row
// level security applies), times:
//   1. the first page (50) of account_timeline for one account;
//   2. the next page by keyset (occurred_at, id);
//   3. lookup_context for 3 email addresses;
//   4. account search by name prefix (the search_accounts RPC the popup uses, 20 rows);
//   5. signal_series for the organization, 26 weeks (the Insights page's charts);
//   6. signal_changes for the organization, 4 weeks against 12 (its "What changed");
//   7. account_plan for one account, and 8. due_steps for 20 followed accounts (100k plan
//      items at full size, ten per account);
// plus, for information, the same search on account_overview. Each is reported as a ratio to
// a trivial RPC timed in the same run. Targets: ≤ 3× the trivial RPC at full size and ≤ 1.5×
// its own time at 1/100. Queries that miss get their EXPLAIN (ANALYZE, BUFFERS), run as the
// member through a bench-only RPC (lookup_context's, with the statements inside its function, from
// auto_explain).
//
// Usage: npm run bench:db [-- --scale 0.05] [--rounds 30] [--warmup 5] [--plans]
//
// On a real PostgreSQL server instead, many organizations of skewed sizes (bench/lib/pg-bench.ts):
//   npm run bench:db -- --db-url postgresql://…/hc_bench_10m [--orgs 1000] [--entries 10000000]
//                       [--scale 0.01] [--fresh]
// The database is created and generated when it does not exist, and reused when it holds a
// population of that size (--fresh regenerates it); a sibling database (…_100k) holds the
// comparison population.
// Exit code 0 even when targets are missed (this is a report); non-zero only on errors.
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { auto_explain } from '@electric-sql/pglite/contrib/auto_explain';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { startStack } from '../supabase/local/stack.ts';
import {
  FULL_SIZE,
  generateDataset,
  installBenchFunctions,
  type DatasetReport,
  type DatasetSize,
  type Targets,
} from './lib/dataset.ts';
import { compactCount, formatTable, median, scanNodes } from './lib/report.ts';
import { runPostgresBench, type PostgresBenchOptions } from './lib/pg-bench.ts';

const TARGET_RATIO_TO_PING = 3;
const TARGET_GROWTH = 1.5;
const SMALL_FRACTION = 100;

interface Options {
  scale: number;
  rounds: number;
  warmup: number;
  plans: boolean;
  /** Set: the real-PostgreSQL benchmark of many organizations. */
  postgres: PostgresBenchOptions | null;
}

const POSTGRES_ORGS = 1_000;
const POSTGRES_ENTRIES = 10_000_000;

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '5' },
      plans: { type: 'boolean', default: false },
      'db-url': { type: 'string' },
      orgs: { type: 'string' },
      entries: { type: 'string' },
      fresh: { type: 'boolean', default: false },
    },
  });
  const scale = Number(values.scale);
  const options: Options = {
    scale,
    rounds: Number(values.rounds),
    warmup: Number(values.warmup),
    plans: Boolean(values.plans),
    postgres: null,
  };
  if (values['db-url']) {
    options.postgres = {
      dbUrl: values['db-url'],
      orgs: Number(values.orgs ?? Math.max(2, Math.round(POSTGRES_ORGS * scale))),
      entries: Number(values.entries ?? Math.round(POSTGRES_ENTRIES * scale)),
      rounds: options.rounds,
      warmup: options.warmup,
      plans: options.plans,
      fresh: Boolean(values.fresh),
    };
    const { orgs, entries } = options.postgres;
    if (!Number.isInteger(orgs) || orgs < 2) throw new Error('--orgs must be an integer of at least 2');
    if (!Number.isInteger(entries) || entries < 20 * orgs) throw new Error('--entries must be an integer, at least 20 per organization');
  }
  if (!(options.scale > 0)) throw new Error(`--scale must be a positive number, not ${values.scale}`);
  if (!Number.isInteger(options.rounds) || options.rounds < 1) throw new Error('--rounds must be a positive integer');
  if (!Number.isInteger(options.warmup) || options.warmup < 0) throw new Error('--warmup must be a non-negative integer');
  return options;
}

/**
 * The small database divides accounts, contacts and entries alike, so each account has the
 * same number of contacts and entries at both sizes: pages, lookups and search results are
 * the same amount of work, and only the size of the tables around them differs.
 */
function sizesFor(scale: number): { small: DatasetSize; large: DatasetSize } {
  const large: DatasetSize = {
    ...FULL_SIZE,
    accounts: Math.max(1, Math.round(FULL_SIZE.accounts * scale)),
    interactions: Math.max(1, Math.round(FULL_SIZE.interactions * scale)),
  };
  const small: DatasetSize = {
    ...large,
    accounts: Math.max(1, Math.round(large.accounts / SMALL_FRACTION)),
    interactions: Math.max(1, Math.round(large.interactions / SMALL_FRACTION)),
  };
  return { small, large };
}

/** One timed read: `run` resolves to the number of rows (or items) it returned. */
interface BenchQuery {
  name: string;
  /** Only for information: not held to the targets. */
  informational?: boolean;
  run: () => Promise<number>;
  /** Equivalent SQL, for EXPLAIN as the member. */
  explain: string[];
  /** A call of a plpgsql function, explained with the plans of the statements inside it. */
  explainInside?: string;
}

interface QueryResult {
  name: string;
  informational: boolean;
  medianMs: number;
  rows: number;
  plans: Array<{ sql: string; plan: string[] }>;
}

interface DatabaseRun {
  dataset: DatasetReport;
  pingMs: number;
  queries: QueryResult[];
}

type ApiAnswer = { data: unknown; error: { message: string } | null };

function check<T>(answer: ApiAnswer, what: string): T {
  if (answer.error) throw new Error(`${what}: ${answer.error.message}`);
  return answer.data as T;
}

const sqlText = (value: string): string => `'${value.replaceAll("'", "''")}'`;
const sqlArray = (values: readonly string[], type: string): string =>
  `array[${values.map(sqlText).join(', ')}]::${type}[]`;

function clientFor(apiUrl: string, key: string): SupabaseClient {
  return createClient(apiUrl, key, {
    auth: { persistSession: false, autoRefreshToken: false },
    // Node 20 has no global WebSocket and createClient requires one, even unused.
    realtime: { transport: WebSocket as never },
  });
}

/** Signs a member up through the stack's auth and adds them to the organization (service role). */
async function signedInMember(
  apiUrl: string,
  anonKey: string,
  serviceRoleKey: string,
  orgId: string,
): Promise<{ member: SupabaseClient; memberId: string }> {
  const member = clientFor(apiUrl, anonKey);
  const signUp = await member.auth.signUp({ email: 'reader@bench.highcard.example', password: `bench-${crypto.randomUUID()}` });
  if (signUp.error || !signUp.data.user || !signUp.data.session) {
    throw new Error(`sign-up failed: ${signUp.error?.message ?? 'no session'}`);
  }
  const service = clientFor(apiUrl, serviceRoleKey);
  check(
    await service.from('memberships').insert({
      org_id: orgId,
      user_id: signUp.data.user.id,
      role: 'member',
      department: 'sales',
      display_name: 'Bench Reader',
    }),
    'adding the member',
  );
  return { member, memberId: signUp.data.user.id };
}

async function defineQueries(member: SupabaseClient, targets: Targets): Promise<BenchQuery[]> {
  const timelineSql = (accountId: string) => `select * from public.account_timeline where account_id = ${sqlText(accountId)}`;
  const firstPageOf = (accountId: string) =>
    member
      .from('account_timeline')
      .select('*')
      .eq('account_id', accountId)
      .order('occurred_at', { ascending: false })
      .order('id', { ascending: false })
      .limit(50);
  const firstPage = () => firstPageOf(targets.timelineAccountId);

  // The cursor of page 2 is the last row of page 1, exactly as the popup pages.
  const page = check<Array<{ id: string; occurred_at: string }>>(await firstPage(), 'first timeline page');
  const last = page.at(-1);
  if (!last || page.length < 50) throw new Error(`the timeline account has only ${page.length} visible entries`);
  const cursor = `occurred_at.lt."${last.occurred_at}",and(occurred_at.eq."${last.occurred_at}",id.lt.${last.id})`;

  const lookup = () => member.rpc('lookup_context', { emails: targets.lookupEmails, linkedin_url: null });
  const emails = sqlArray(targets.lookupEmails, 'text');

  const prefix = `${targets.searchPrefix}%`;
  const until = new Date(Date.parse(`${targets.planDay}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
  const searchSql = (relation: string, columns: string) =>
    `select ${columns} from public.${relation} where name ilike ${sqlText(prefix)} order by name limit 20`;

  return [
    {
      name: '1. account_timeline, first page (50)',
      run: async () => check<unknown[]>(await firstPage(), 'first page').length,
      explain: [`${timelineSql(targets.timelineAccountId)} order by occurred_at desc, id desc limit 50`],
    },
    {
      name: '   first page, largest account (info)',
      informational: true,
      run: async () => check<unknown[]>(await firstPageOf(targets.largestAccountId), 'largest account').length,
      explain: [`${timelineSql(targets.largestAccountId)} order by occurred_at desc, id desc limit 50`],
    },
    {
      name: '2. account_timeline, next page (keyset)',
      run: async () => check<unknown[]>(await firstPage().or(cursor), 'next page').length,
      explain: [
        `${timelineSql(targets.timelineAccountId)} and (occurred_at < ${sqlText(last.occurred_at)} or (occurred_at = ${sqlText(last.occurred_at)} and id < ${sqlText(last.id)})) order by occurred_at desc, id desc limit 50`,
      ],
    },
    {
      name: `3. lookup_context (${targets.lookupEmails.length} emails)`,
      run: async () => {
        const found = check<{ entries: unknown[] }>(await lookup(), 'lookup_context');
        return found.entries.length;
      },
      explain: [],
      // lookup_context's reads are statements of private.lookup_context_for (plpgsql), which
      // EXPLAIN of the call does not show: auto_explain prints each with its plan.
      explainInside: `select public.lookup_context(${emails}, null)`,
    },
    {
      name: `4. search_accounts('${targets.searchPrefix}') (20)`,
      run: async () =>
        check<unknown[]>(
          await member.rpc('search_accounts', { org_id: targets.orgId, prefix: targets.searchPrefix, max_rows: 20 }),
          'account search',
        ).length,
      explain: [`select * from public.search_accounts(${sqlText(targets.orgId)}::uuid, ${sqlText(targets.searchPrefix)}, 20)`],
    },
    {
      name: '5. signal_series (26 weeks)',
      run: async () =>
        check<unknown[]>(await member.rpc('signal_series', { org_id: targets.orgId, weeks: 26 }), 'signal_series').length,
      explain: [`select * from public.signal_series(${sqlText(targets.orgId)}::uuid, 26)`],
    },
    {
      name: '6. signal_changes (4 vs 12 weeks)',
      run: async () =>
        check<unknown[]>(await member.rpc('signal_changes', { org_id: targets.orgId }), 'signal_changes').length,
      explain: [`select * from public.signal_changes(${sqlText(targets.orgId)}::uuid)`],
    },
    {
      name: '7. account_plan, one account',
      run: async () =>
        check<unknown[]>(
          await member.rpc('account_plan', { org_id: targets.orgId, account_id: targets.timelineAccountId }),
          'account_plan',
        ).length,
      explain: [`select * from public.account_plan(${sqlText(targets.orgId)}::uuid, ${sqlText(targets.timelineAccountId)}::uuid)`],
    },
    {
      name: `8. due_steps, ${targets.followedAccountIds.length} followed accounts (2 weeks)`,
      run: async () =>
        check<unknown[]>(
          await member.rpc('due_steps', { org_id: targets.orgId, until, only_mine: false, account_ids: targets.followedAccountIds }),
          'due_steps',
        ).length,
      explain: [
        `select * from public.due_steps(${sqlText(targets.orgId)}::uuid, ${sqlText(until)}::date, false, ${sqlArray(targets.followedAccountIds, 'uuid')})`,
      ],
    },
    {
      name: `   accounts, name ilike '${prefix}' through PostgREST (info)`,
      informational: true,
      run: async () =>
        check<unknown[]>(
          await member.from('accounts').select('id, name').ilike('name', prefix).order('name').limit(20),
          'account ilike',
        ).length,
      explain: [searchSql('accounts', 'id, name')],
    },
    {
      name: `   account_overview, same search (info)`,
      informational: true,
      run: async () =>
        check<unknown[]>(
          await member.from('account_overview').select('*').ilike('name', prefix).order('name').limit(20),
          'account_overview search',
        ).length,
      explain: [searchSql('account_overview', '*')],
    },
  ];
}

async function explainAsMember(member: SupabaseClient, sql: string): Promise<string[]> {
  return check<string[]>(await member.rpc('bench_explain', { query: sql }), `explain ${sql}`);
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of a function call as the member, in process on PGlite, with the
 * plans of the statements inside the function from auto_explain (sent back as LOG notices).
 * Run after the timing: the transaction is rolled back, so PostgREST's session sees nothing.
 */
async function explainInsideAsMember(db: PGlite, memberId: string, sql: string): Promise<string[]> {
  const claims = JSON.stringify({ sub: memberId, role: 'authenticated', aud: 'authenticated' });
  const inner: string[] = [];
  await db.exec(`load 'auto_explain'`);
  const plan = await db.transaction(async (tx) => {
    await tx.exec(`set local auto_explain.log_min_duration = 0; set local auto_explain.log_analyze = on;
      set local auto_explain.log_buffers = on; set local auto_explain.log_nested_statements = on;
      set local client_min_messages = log`);
    await tx.query(`select set_config('request.jwt.claims', $1, true)`, [claims]);
    await tx.exec('set local role authenticated');
    const result = await tx.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, [], {
      onNotice: (notice) => {
        // The outer statement's own plan arrives as a LOG too: keep only the ones inside it.
        if (notice.message && !/Query Text: explain/i.test(notice.message)) inner.push(notice.message);
      },
    });
    await tx.rollback();
    return result.rows.map((row) => row['QUERY PLAN']);
  });
  return [...plan, '', '(statements inside, from auto_explain:)', ...inner.flatMap((block) => ['', ...block.split('\n')])];
}

async function runDatabase(label: string, size: DatasetSize, options: Options): Promise<DatabaseRun> {
  console.log(
    `\n[${label}] generating ${size.accounts} accounts, ${size.accounts * size.contactsPerAccount} contacts, ` +
      `${size.interactions} entries …`,
  );
  let dataset: DatasetReport | null = null;
  let pglite: PGlite | null = null;
  const stack = await startStack({
    dataDir: null,
    apiPort: 0,
    dbPort: 0,
    log: () => undefined,
    pgliteExtensions: { auto_explain },
    beforeServe: async (db) => {
      pglite = db;
      dataset = await generateDataset(db, size, (line) => console.log(line));
      await installBenchFunctions(db);
    },
  });
  try {
    // Assigned in beforeServe, which startStack awaits before it returns.
    const report = dataset as DatasetReport | null;
    if (!report) throw new Error('the dataset was not generated');
    console.log(
      `[${label}] generated in ${(report.generationMs / 1000).toFixed(1)} s: ` +
        Object.entries(report.rows)
          .map(([table, n]) => `${table} ${n}`)
          .join(', '),
    );

    const { member, memberId } = await signedInMember(stack.apiUrl, stack.anonKey, stack.serviceRoleKey, report.targets.orgId);
    const db = pglite as PGlite | null;
    if (!db) throw new Error('the database was not opened');
    const queries = await defineQueries(member, report.targets);
    const ping = async (): Promise<number> => {
      check(await member.rpc('bench_ping'), 'bench_ping');
      return 1;
    };
    const all: Array<Pick<BenchQuery, 'run'>> = [{ run: ping }, ...queries];

    for (let n = 0; n < options.warmup; n++) for (const q of all) await q.run();
    // Interleaved rounds: drift (GC, caches) touches every query alike, the ping included.
    const times: number[][] = all.map(() => []);
    const rows: number[] = all.map(() => 0);
    for (let round = 0; round < options.rounds; round++) {
      for (const [i, q] of all.entries()) {
        const start = performance.now();
        rows[i] = await q.run();
        times[i]!.push(performance.now() - start);
      }
    }

    const results: QueryResult[] = [];
    for (const [i, q] of queries.entries()) {
      const plans: QueryResult['plans'] = [];
      for (const sql of q.explain) plans.push({ sql, plan: await explainAsMember(member, sql) });
      if (q.explainInside) plans.push({ sql: q.explainInside, plan: await explainInsideAsMember(db, memberId, q.explainInside) });
      results.push({
        name: q.name,
        informational: Boolean(q.informational),
        medianMs: median(times[i + 1]!),
        rows: rows[i + 1]!,
        plans,
      });
    }
    return { dataset: report, pingMs: median(times[0]!), queries: results };
  } finally {
    await stack.stop();
  }
}

function printReport(small: DatabaseRun, large: DatabaseRun, options: Options): void {
  const smallLabel = compactCount(small.dataset.size.interactions);
  const largeLabel = compactCount(large.dataset.size.interactions);
  const rows: string[][] = [
    ['trivial RPC (bench_ping)', '1', small.pingMs.toFixed(2), large.pingMs.toFixed(2), '1.00×', (large.pingMs / small.pingMs).toFixed(2) + '×', 'baseline'],
  ];
  const misses: QueryResult[] = [];
  for (const [i, q] of large.queries.entries()) {
    const before = small.queries[i]!;
    const ratio = q.medianMs / large.pingMs;
    const growth = q.medianMs / before.medianMs;
    const problems = [
      ratio > TARGET_RATIO_TO_PING ? `ratio > ${TARGET_RATIO_TO_PING}` : null,
      growth > TARGET_GROWTH ? `growth > ${TARGET_GROWTH}` : null,
    ].filter((p): p is string => p !== null);
    if (problems.length) misses.push(q);
    rows.push([
      q.name,
      `${before.rows}/${q.rows}`,
      before.medianMs.toFixed(2),
      q.medianMs.toFixed(2),
      `${ratio.toFixed(2)}×`,
      `${growth.toFixed(2)}×`,
      (problems.length ? `NO (${problems.join(', ')})` : 'yes') + (q.informational ? ' [info]' : ''),
    ]);
  }

  const { size: s } = small.dataset;
  const { size: l } = large.dataset;
  console.log(`\nDatabase benchmark — --scale ${options.scale}, median of ${options.rounds} calls after ${options.warmup} warm-up, through PostgREST as a signed-in member`);
  console.log(
    `  ${smallLabel} database: ${s.accounts} accounts, ${s.accounts * s.contactsPerAccount} contacts, ${s.interactions} entries ` +
      `(generated in ${(small.dataset.generationMs / 1000).toFixed(1)} s)`,
  );
  console.log(
    `  ${largeLabel} database: ${l.accounts} accounts, ${l.accounts * l.contactsPerAccount} contacts, ${l.interactions} entries ` +
      `(generated in ${(large.dataset.generationMs / 1000).toFixed(1)} s)`,
  );
  console.log(
    `  The ${smallLabel} database divides accounts, contacts and entries alike (1/${SMALL_FRACTION}), so every account has ` +
      `${l.contactsPerAccount} contacts and about ${Math.round(l.interactions / l.accounts)} entries on average at both sizes.`,
  );
  const t = large.dataset.targets;
  const ts = small.dataset.targets;
  console.log(
    `  Timeline account: ${ts.timelineAccountEntries} / ${t.timelineAccountEntries} visible entries ` +
      `(largest account: ${ts.largestAccountEntries} / ${t.largestAccountEntries}); lookup: ` +
      `${t.lookupEmails.length} addresses at 3 accounts of typical size; search '${t.searchPrefix}%' matches ` +
      `${ts.searchMatches} / ${t.searchMatches} accounts.`,
  );
  console.log(`  Targets: ≤ ${TARGET_RATIO_TO_PING}× the trivial RPC at ${largeLabel}, ≤ ${TARGET_GROWTH}× its own time at ${smallLabel}.\n`);
  console.log(
    formatTable(
      ['query', `rows ${smallLabel}/${largeLabel}`, `ms @${smallLabel}`, `ms @${largeLabel}`, `×ping @${largeLabel}`, `growth ${largeLabel}/${smallLabel}`, 'target met?'],
      rows,
    ),
  );

  console.log(`\nScans used at ${largeLabel} (EXPLAIN as the member):`);
  for (const q of large.queries) {
    const nodes = [...new Set(q.plans.flatMap((p) => scanNodes(p.plan)))];
    console.log(`  ${q.name.trim()}: ${nodes.join('; ') || '(no scan nodes)'}`);
  }

  const toPrint = options.plans ? large.queries : misses;
  if (!misses.some((q) => !q.informational)) console.log('\nEvery query met its targets.');
  for (const q of toPrint) {
    console.log(`\n--- EXPLAIN (ANALYZE, BUFFERS) at ${largeLabel}, as the member: ${q.name.trim()}`);
    for (const { sql, plan } of q.plans) {
      console.log(`\n> ${sql}\n${plan.join('\n')}`);
    }
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options.postgres) return runPostgresBench(options.postgres);
  const { small, large } = sizesFor(options.scale);
  const started = performance.now();
  const smallRun = await runDatabase(compactCount(small.interactions), small, options);
  const largeRun = await runDatabase(compactCount(large.interactions), large, options);
  printReport(smallRun, largeRun, options);
  const total = smallRun.dataset.generationMs + largeRun.dataset.generationMs;
  const rowsTotal = [smallRun, largeRun]
    .flatMap((r) => Object.entries(r.dataset.rows).filter(([table]) => !table.includes('(')))
    .reduce((sum, [, n]) => sum + n, 0);
  console.log(
    `\nGeneration: ${rowsTotal} rows in ${(total / 1000).toFixed(1)} s in all; ` +
      `benchmark total ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
