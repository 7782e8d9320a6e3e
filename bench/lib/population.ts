// Many organizations of skewed sizes on a real PostgreSQL server, generated set-based: a few
// large organizations and a long tail of small ones (Zipf: the k-th largest has 1/k of the
// largest's entries), each with its members, accounts, domains, contacts, entries, revisions
// and retractions, filed over two years in time order with the organizations interleaved as
// a shared server sees them. The insights rollup is rebuilt set-based and checked against a
// fresh GROUP BY. Nothing here is a migration: the `bench` schema exists in bench databases only.
//
// Ids are derived from each row's number (a hex prefix per table, then the number), so rows
// reference each other by arithmetic instead of joins, and the primary keys grow in order.
import type pg from 'pg';
import {
  DEPARTMENTS, ENTRY_TITLES, FAMILY_NAMES, FIRST_WORDS, GIVEN_NAMES, JOB_TITLES, SECOND_WORDS, SENTENCES,
  SIGNAL_ORDER, textArray,
} from './dataset.ts';

export interface PopulationSize {
  orgs: number;
  entries: number;
}

export interface PopulationReport {
  size: PopulationSize;
  rows: Record<string, number>;
  generationMs: number;
  bytes: number;
  /** The rollup rebuilt from the entries equals a fresh GROUP BY of them. */
  rollupVerified: boolean;
  steps: Array<{ step: string; ms: number }>;
}

export const ENTRIES_PER_ACCOUNT = 100;
export const CONTACTS_PER_ACCOUNT = 10;
const ENTRIES_PER_MEMBER = 2_000;
const MIN_MEMBERS = 3;
const MAX_MEMBERS = 500;
const MIN_ACCOUNTS = 3;
// Organizations are drawn per entry through this many buckets (each organization owns
// buckets in proportion to its share; at least one).
const BUCKETS = 100_000;
// Rows per INSERT … SELECT: bounded memory whatever the size.
const SLICE = 250_000;
const DAYS = 730;

/** A uuid from a table's hex prefix and a row number (a SQL expression). */
export const uid = (prefix: string, n: string): string =>
  `('${prefix}0000000-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
export const uidOf = (prefix: string, n: number): string =>
  `${prefix}0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const orgIdOf = (k: number): string => uidOf('f', k);
export const memberIdOf = (n: number): string => uidOf('b', n);

// Bulk statements skip the per-row triggers (foreign keys, the rollup): checked and rebuilt
// set-based afterwards. Settings are per transaction, so the server's configuration is untouched.
const BULK = `set local session_replication_role = replica;
  set local synchronous_commit = off;
  set local work_mem = '256MB';`;

async function tx(db: pg.Client, sql: string): Promise<void> {
  await db.query(`begin; ${sql}; commit;`).catch(async (error: unknown) => {
    await db.query('rollback').catch(() => undefined);
    throw error;
  });
}

async function scalar(db: pg.Client, sql: string): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(sql);
  return Number(rows[0]?.n ?? 0);
}

/** The secondary indexes of the bulk tables: dropped before the load, rebuilt after (by sort). */
async function secondaryIndexes(db: pg.Client, tables: string[]): Promise<Array<{ name: string; def: string }>> {
  const { rows } = await db.query<{ name: string; def: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name, pg_get_indexdef(i.indexrelid) as def
     from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
     where i.indrelid = any ($1::regclass[])
       and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
    [tables],
  );
  return rows;
}

export async function generatePopulation(
  db: pg.Client,
  size: PopulationSize,
  log: (line: string) => void,
): Promise<PopulationReport> {
  const started = performance.now();
  const steps: PopulationReport['steps'] = [];
  const step = async (label: string, work: () => Promise<void>): Promise<void> => {
    const t = performance.now();
    await work();
    const ms = performance.now() - t;
    steps.push({ step: label, ms });
    log(`  ${label} (${(ms / 1000).toFixed(1)} s, ${new Date().toISOString().slice(11, 19)})`);
  };
  const { orgs: O, entries: E } = size;

  await step(`${O} organizations, their members and accounts`, async () => {
    await tx(db, `
      ${BULK}
      select setseed(0.42);
      create schema bench;
      create table bench.org as
      with shares as (
        select k, (1.0 / k) / sum(1.0 / k) over () as share from generate_series(1, ${O}) k
      ), sized as (
        select k, share,
               greatest(1, round(${E} * share))::bigint as expected_entries,
               greatest(${MIN_ACCOUNTS}, round(${E} * share / ${ENTRIES_PER_ACCOUNT}))::int as accounts,
               least(${MAX_MEMBERS}, greatest(${MIN_MEMBERS}, round(${E} * share / ${ENTRIES_PER_MEMBER})))::int as members,
               greatest(1, round(${BUCKETS} * share))::int as buckets
        from shares
      )
      select k, ${uid('f', 'k')} as id, share, expected_entries, accounts, members, buckets,
             coalesce(sum(accounts) over w, 0)::bigint as acc_lo,
             coalesce(sum(members) over w, 0)::bigint as mem_lo,
             coalesce(sum(buckets) over w, 0)::bigint as bucket_lo
      from sized
      window w as (order by k rows between unbounded preceding and 1 preceding);
      alter table bench.org add primary key (k);
      create table bench.bucket as
      select b, o.k from bench.org o cross join lateral generate_series(o.bucket_lo, o.bucket_lo + o.buckets - 1) b;

      insert into public.organizations (id, name, created_at, updated_at)
      select id, 'Bench Org ' || k, now() - interval '${DAYS + 10} days', now() - interval '${DAYS + 10} days'
      from bench.org;

      insert into auth.users (id, email, raw_user_meta_data)
      select ${uid('b', 'u')}, 'member' || u || '@bench.highcard.example',
             jsonb_build_object('full_name', (${textArray(GIVEN_NAMES)})[1 + u % ${GIVEN_NAMES.length}] || ' Member' || u)
      from bench.org o cross join lateral generate_series(o.mem_lo, o.mem_lo + o.members - 1) u;

      insert into public.memberships (org_id, user_id, role, department, display_name)
      select o.id, ${uid('b', 'u')},
             case u - o.mem_lo when 0 then 'admin' when 1 then 'manager' else 'member' end,
             (${textArray(DEPARTMENTS)})[1 + u % ${DEPARTMENTS.length}],
             (${textArray(GIVEN_NAMES)})[1 + u % ${GIVEN_NAMES.length}] || ' Member' || u
      from bench.org o cross join lateral generate_series(o.mem_lo, o.mem_lo + o.members - 1) u;

      create table bench.account as
      select n, k, ${uid('a', 'n')} as id, w1, w2,
             w1 || ' ' || w2 || ' ' || lpad(n::text, 6, '0') as name,
             lower(w1) || '-' || lower(w2) || '-' || n || '.example' as domain
      from (
        select n, o.k,
               (${textArray(FIRST_WORDS)})[1 + floor(random() * ${FIRST_WORDS.length})::int] as w1,
               (${textArray(SECOND_WORDS)})[1 + floor(random() * ${SECOND_WORDS.length})::int] as w2
        from bench.org o cross join lateral generate_series(o.acc_lo, o.acc_lo + o.accounts - 1) n
      ) words;
      alter table bench.account add primary key (n);

      insert into public.accounts (id, org_id, name, created_by, created_at, updated_at)
      select a.id, o.id, a.name, ${uid('b', 'o.mem_lo + a.n % o.members')},
             now() - interval '${DAYS + 5} days', now() - interval '${DAYS + 5} days'
      from bench.account a join bench.org o using (k);

      -- The replica role skips the trigger that copies the account's sort key: set here.
      insert into public.account_domains (org_id, account_id, domain, account_sort_name)
      select o.id, a.id, d.domain, lower(a.name)
      from bench.account a join bench.org o using (k)
      cross join lateral (
        select a.domain union all
        select lower(a.w1) || lower(a.w2) || a.n || '.com' where a.n % 3 <> 0 union all
        select lower(a.w1) || '-' || a.n || '.example.net' where a.n % 3 = 2
      ) d(domain)`);
  });

  const dropped = await secondaryIndexes(db, ['public.contacts', 'public.interactions', 'public.contact_identities']);
  await step(`dropped ${dropped.length} secondary indexes for the load`, async () => {
    await tx(db, dropped.map((index) => `drop index ${index.name}`).join(';\n'));
  });

  // Contact j is the (j % 10)-th person at account j / 10; one in 50 has a further address.
  await step(`contacts (${CONTACTS_PER_ACCOUNT} per account) and further addresses`, async () => {
    await tx(db, `
      ${BULK}
      insert into public.contacts (id, org_id, account_id, full_name, email, linkedin_url, title, company, created_by, created_at, updated_at)
      select ${uid('c', 'j')}, o.id, a.id, g || ' ' || f,
             lower(g) || '.' || lower(f) || (j % ${CONTACTS_PER_ACCOUNT}) || '@' || a.domain,
             case when random() < 0.6 then 'https://www.linkedin.com/in/' || lower(g) || '-' || lower(f) || '-' || to_hex(j) end,
             (${textArray(JOB_TITLES)})[1 + floor(random() * ${JOB_TITLES.length})::int],
             a.w1 || ' ' || a.w2, ${uid('b', 'o.mem_lo + j % o.members')},
             now() - interval '${DAYS + 5} days', now() - interval '${DAYS + 5} days'
      from (
        select j,
               (${textArray(GIVEN_NAMES)})[1 + floor(random() * ${GIVEN_NAMES.length})::int] as g,
               (${textArray(FAMILY_NAMES)})[1 + floor(random() * ${FAMILY_NAMES.length})::int] as f
        from generate_series(0, (select count(*) * ${CONTACTS_PER_ACCOUNT} - 1 from bench.account)) j
      ) people
      join bench.account a on a.n = people.j / ${CONTACTS_PER_ACCOUNT}
      join bench.org o on o.k = a.k;

      insert into public.contact_identities (org_id, contact_id, email)
      select c.org_id, c.id, 'alt.' || c.email from public.contacts c
      where (('x' || right(c.id::text, 8))::bit(32)::int) % 50 = 0`);
  });

  // Entries: each draws its organization by share (through the buckets), then an account of
  // it, skewed (a few big customers, a long tail), a contact there, an author, a kind and a
  // few signals; occurred_at follows the entry's number over two years, so the heap is in
  // filing order with the organizations interleaved. 0.5 % are retracted; about 1.2 % were
  // edited once (a revision).
  const slices = Math.ceil(E / SLICE);
  for (let s = 0; s < slices; s++) {
    const lo = s * SLICE;
    const hi = Math.min(E, lo + SLICE) - 1;
    await step(`entries ${lo + 1}–${hi + 1} of ${E}`, async () => {
      await tx(db, `
        ${BULK}
        with draw as materialized (
          select g, floor(random() * (select count(*) from bench.bucket))::bigint as b,
                 random() as r_account, floor(random() * ${CONTACTS_PER_ACCOUNT})::int as seq,
                 random() as kind_draw, random() as r_author, random() as jitter,
                 floor(random() * ${ENTRY_TITLES.length})::int as title_no,
                 floor(random() * 1000000)::int as body_seed,
                 floor(random() * 1024)::int & floor(random() * 1024)::int & floor(random() * 1024)::int as signal_mask,
                 random() as misc
          from generate_series(${lo}, ${hi}) g
        ), placed as (
          select d.*, o.id as org_id, o.mem_lo, o.members,
                 o.acc_lo + least(floor(o.accounts * power(d.r_account, 2))::bigint, o.accounts - 1) as acct,
                 case when d.kind_draw < 0.60 then 'email' when d.kind_draw < 0.80 then 'linkedin_message'
                      when d.kind_draw < 0.85 then 'linkedin_profile' else 'note' end as kind,
                 least(now() - interval '1 minute',
                       now() - interval '${DAYS} days' + (d.g + d.jitter) / ${E}::float8 * interval '${DAYS} days') as occurred_at
          from draw d join bench.bucket k on k.b = d.b join bench.org o on o.k = k.k
        ), filed as (
          insert into public.interactions (
            id, org_id, account_id, contact_id, author_id, kind, source_ref, source_url,
            occurred_at, title, body, signals, created_at, updated_at, retracted_at
          )
          select ${uid('e', 'g')}, org_id, ${uid('a', 'acct')},
                 case when kind = 'note' and misc < 0.3 then null else ${uid('c', `acct * ${CONTACTS_PER_ACCOUNT} + seq`)} end,
                 ${uid('b', 'mem_lo + least(floor(members * r_author)::bigint, members - 1)')}, kind,
                 case when kind <> 'note' then 'bench:' || kind || ':' || g end,
                 case kind when 'email' then 'https://mail.google.com/mail/u/0/#inbox/' || substr(md5('m' || g), 1, 16)
                           when 'linkedin_message' then 'https://www.linkedin.com/messaging/thread/' || substr(md5('t' || g), 1, 20)
                 end,
                 occurred_at,
                 (${textArray(ENTRY_TITLES)})[1 + title_no],
                 array_to_string(array(
                   select (${textArray(SENTENCES)})[1 + (body_seed + n * 7) % ${SENTENCES.length}]
                   from generate_series(1, 1 + body_seed % 5) n
                 ), ' '),
                 array(
                   select sig from unnest(${textArray(SIGNAL_ORDER)}) with ordinality as u(sig, bit)
                   where (signal_mask >> (bit::int - 1)) & 1 = 1
                 ),
                 least(now(), occurred_at + misc * interval '10 hours'),
                 least(now(), occurred_at + misc * interval '10 hours'),
                 case when misc < 0.005 then least(now(), occurred_at + interval '2 days') end
          from placed
          order by g
          returning id, org_id, title, body, signals, author_id, created_at
        )
        insert into public.interaction_revisions (interaction_id, org_id, title, body, signals, edited_by, edited_at)
        select id, org_id, title || ' (draft)', body, signals, author_id, created_at + interval '1 hour'
        from filed
        where (('x' || right(id::text, 8))::bit(32)::int) % 83 = 0`);
    });
  }

  await step('plan items, when the schema has them', async () => {
    await ensurePlanItems(db, () => undefined);
  });

  await step(`rebuilt ${dropped.length} secondary indexes`, async () => {
    // One index at a time, each sorted in memory bounded by maintenance_work_mem.
    for (const index of dropped) {
      await tx(db, `set local maintenance_work_mem = '1GB'; set local max_parallel_maintenance_workers = 1; ${index.def}`);
    }
  });

  await step('foreign keys of the bulk tables verified', async () => {
    await verifyForeignKeys(db, ['public.contacts', 'public.contact_identities', 'public.interactions', 'public.interaction_revisions']);
  });

  await step('insights rollup rebuilt', async () => {
    await tx(db, `set local work_mem = '512MB'; select private.rebuild_signal_rollup()`);
  });
  let rollupVerified = false;
  await step('insights rollup checked against a fresh GROUP BY', async () => {
    const differences = await rollupDifferences(db);
    if (differences > 0) throw new Error(`The rebuilt insights rollup differs from the entries in ${differences} cell(s).`);
    rollupVerified = true;
  });

  await step('vacuum analyze', async () => {
    await db.query('vacuum (analyze)');
  });

  const rows: Record<string, number> = {};
  for (const table of [
    'public.organizations', 'public.memberships', 'public.accounts', 'public.account_domains', 'public.contacts',
    'public.contact_identities', 'public.interactions', 'public.interaction_revisions',
    'private.signal_account_weeks', 'private.signal_weeks',
  ]) {
    rows[table.split('.')[1]!] = await scalar(db, `select count(*) as n from ${table}`);
  }
  rows['interactions (retracted)'] = await scalar(db, 'select count(*) as n from public.interactions where retracted_at is not null');
  if (await scalar(db, `select count(*) as n from pg_class where oid = to_regclass('public.plan_items')`)) {
    rows['plan_items'] = await scalar(db, 'select count(*) as n from public.plan_items');
  }
  const bytes = await scalar(db, 'select pg_database_size(current_database()) as n');
  const generationMs = performance.now() - started;
  const report: PopulationReport = { size, rows, generationMs, bytes, rollupVerified, steps };
  await db.query(
    `create table bench.population as select $1::int as orgs, $2::bigint as entries, now() as generated_at, $3::jsonb as report`,
    [O, E, JSON.stringify(report)],
  );
  return report;
}

const PLAN_BODIES = [
  'Roll out to the support team first', 'Send the security questionnaire', 'Confirm the data residency answer',
  'Schedule the demo for the marketing team', 'Share the volume pricing tiers', 'Get legal comments on the DPA',
  'Budget approval before the quarter ends', 'Find out who signs the renewal', 'Competitor offered a discount',
  'Introduce the CFO to our finance lead', 'Pilot success criteria agreed', 'SSO before a wide rollout',
];

/**
 * Plan items, when the schema has them: 1 to 9 per account (goals, steps, risks, questions),
 * steps with due dates around the population's day, some taken, some settled. Added to a
 * population generated before plan items existed, too.
 */
export async function ensurePlanItems(db: pg.Client, log: (line: string) => void): Promise<number> {
  const exists = await scalar(db, `select count(*) as n from pg_class where oid = to_regclass('public.plan_items')`);
  if (!exists) return 0;
  const already = await scalar(db, 'select count(*) as n from public.plan_items');
  if (already > 0) return already;
  const started = performance.now();
  const hasReport = await scalar(db, `select count(*) as n from pg_tables where schemaname = 'bench' and tablename = 'population'`);
  const { rows } = await db.query<{ day: string }>(
    hasReport ? `select to_char(generated_at, 'YYYY-MM-DD') as day from bench.population` : `select to_char(now(), 'YYYY-MM-DD') as day`,
  );
  await tx(db, `
    ${BULK}
    select setseed(0.24);
    insert into public.plan_items (
      id, org_id, account_id, kind, side, body, due_on, contact_id, taken_by, author_id,
      created_at, updated_at, settled_at, settled_by, outcome
    )
    select ${uid('7', 'n * 16 + i')}, org_id, account_id, kind, side, body,
           case when kind = 'step' then day + (floor(r_due * 120)::int - 60) end,
           case when r_contact < 0.5 then ${uid('c', `n * ${CONTACTS_PER_ACCOUNT} + (i % ${CONTACTS_PER_ACCOUNT})`)} end,
           case when side = 'ours' and r_taken < 0.5 then ${uid('b', 'mem_lo + floor(r_taken * 2 * members)::bigint % members')} end,
           ${uid('b', 'mem_lo + floor(r_author * members)::bigint % members')},
           created, created,
           case when r_settled < 0.4 then created + interval '3 days' end,
           case when r_settled < 0.4 then ${uid('b', 'mem_lo + floor(r_author * members)::bigint % members')} end,
           case when r_settled < 0.1 then 'dropped' when r_settled < 0.4 then 'done' end
    from (
      select a.n, i, o.id as org_id, a.id as account_id, o.mem_lo, o.members,
             case when (a.n + i) % 10 < 2 then 'goal' when (a.n + i) % 10 < 8 then 'step'
                  when (a.n + i) % 10 < 9 then 'risk' else 'question' end as kind,
             case when (a.n + i) % 10 between 2 and 7 then case when i % 3 = 2 then 'theirs' else 'ours' end end as side,
             (${textArray(PLAN_BODIES)})[1 + (a.n + i * 7) % ${PLAN_BODIES.length}] as body,
             p.day, p.day - floor(random() * 300)::int * interval '1 day' as created,
             random() as r_due, random() as r_contact, random() as r_taken, random() as r_author, random() as r_settled
      from bench.account a join bench.org o using (k)
      cross join (select '${rows[0]!.day}'::date as day) p
      cross join lateral generate_series(0, a.n % 9) i
    ) items;
    analyze public.plan_items`);
  await verifyForeignKeys(db, ['public.plan_items']);
  const made = await scalar(db, 'select count(*) as n from public.plan_items');
  if (hasReport) {
    await db.query(`update bench.population set report = jsonb_set(report, '{rows,plan_items}', to_jsonb($1::int))`, [made]);
  }
  log(`  ${made} plan items (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return made;
}

/** The finished population in this database, if one was generated (the last step writes it). */
export async function existingPopulation(db: pg.Client): Promise<(PopulationReport & { generatedAt: Date }) | null> {
  const found = await scalar(db, `select count(*) as n from pg_tables where schemaname = 'bench' and tablename = 'population'`);
  if (!found) return null;
  const { rows } = await db.query<{ report: PopulationReport; generated_at: Date }>('select report, generated_at from bench.population');
  const row = rows[0];
  return row ? { ...row.report, generatedAt: row.generated_at } : null;
}

const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

/** Cells where the rollup and a GROUP BY of the live entries disagree (both tables). */
export async function rollupDifferences(db: pg.Client, workMem = '512MB'): Promise<number> {
  await db.query(`begin; set local work_mem = '${workMem}'`);
  try {
    const perAccount = await scalar(db, `
      with fresh as (
        select i.org_id, i.account_id, private.week_of(i.occurred_at) as week, s.signal, count(*)::integer as entries
        from public.interactions i cross join lateral unnest(i.signals) as s(signal)
        where i.retracted_at is null
        group by 1, 2, 3, 4
      )
      select count(*) as n from fresh f
      full join private.signal_account_weeks r
        -- The account in the hash key (entries without an account as a sentinel): with it only
        -- in a filter, every account of an organization's week and signal met every other, and
        -- the check at 10M was quadratic (planned at 4.6e10; stopped after 40 minutes).
        on (r.org_id, r.week, r.signal, coalesce(r.account_id, '${NO_ACCOUNT}'))
         = (f.org_id, f.week, f.signal, coalesce(f.account_id, '${NO_ACCOUNT}'))
      where f.entries is distinct from r.entries`);
    const perWeek = await scalar(db, `
      with fresh as (
        select i.org_id, private.week_of(i.occurred_at) as week, s.signal,
               count(*)::integer as entries, count(distinct i.account_id)::integer as accounts
        from public.interactions i cross join lateral unnest(i.signals) as s(signal)
        where i.retracted_at is null
        group by 1, 2, 3
      )
      select count(*) as n from fresh f
      full join private.signal_weeks w on (w.org_id, w.week, w.signal) = (f.org_id, f.week, f.signal)
      where (f.entries, f.accounts) is distinct from (w.entries, w.accounts)`);
    return perAccount + perWeek;
  } finally {
    await db.query('commit');
  }
}

/** Every foreign key of the tables, checked with one anti-join each (MATCH SIMPLE). */
async function verifyForeignKeys(db: pg.Client, tables: string[]): Promise<void> {
  const { rows: keys } = await db.query<{ name: string; child: string; parent: string; child_cols: string[]; parent_cols: string[] }>(
    `select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
            array(select quote_ident(a.attname) from unnest(c.conkey) with ordinality k(n, i)
                  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i)::text[] as child_cols,
            array(select quote_ident(a.attname) from unnest(c.confkey) with ordinality k(n, i)
                  join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i)::text[] as parent_cols
     from pg_constraint c where c.contype = 'f' and c.conrelid = any ($1::regclass[])`,
    [tables],
  );
  for (const key of keys) {
    const notNull = key.child_cols.map((col) => `c.${col} is not null`).join(' and ');
    const matches = key.child_cols.map((col, i) => `p.${key.parent_cols[i]} = c.${col}`).join(' and ');
    await db.query(`begin; set local work_mem = '256MB'`);
    const orphans = await scalar(
      db,
      `select count(*) as n from ${key.child} c where ${notNull} and not exists (select 1 from ${key.parent} p where ${matches})`,
    ).finally(() => db.query('commit'));
    if (orphans > 0) throw new Error(`Generated data breaks foreign key ${key.name}: ${orphans} row(s) of ${key.child}.`);
  }
}
