// The benchmark's data: one organization with accounts, their domains, contacts and entries,
// generated in process on PGlite (as superuser, before the stack serves) with a handful of
// set-based statements, so that a million entries take minutes rather than hours.
// Nothing here is a migration: the helper functions below exist in the bench database only.
import type { PGlite } from '@electric-sql/pglite';

export interface DatasetSize {
  accounts: number;
  /** Contacts per account; every account gets exactly this many. */
  contactsPerAccount: number;
  interactions: number;
  /** Members who filed the entries (the bench reader is added later, through the API). */
  authors: number;
  /** Plan items (goals, steps, risks, questions) per account. */
  planItemsPerAccount: number;
}

/** Sizes at --scale 1, as the issue states them. */
export const FULL_SIZE: DatasetSize = {
  accounts: 10_000,
  contactsPerAccount: 10,
  interactions: 1_000_000,
  authors: 12,
  // 100k plan items at full size, as plans' own benchmark target states it.
  planItemsPerAccount: 10,
};

/** What the timed queries look for; picked from the generated data, the same way at every size. */
export interface Targets {
  orgId: string;
  /** An account with about TIMELINE_ENTRIES visible entries: two full pages and more. */
  timelineAccountId: string;
  timelineAccountEntries: number;
  /** The account with the most entries (accounts are skewed: a few big customers). */
  largestAccountId: string;
  largestAccountEntries: number;
  /** Three addresses at three different accounts of typical size (the mean entries per account). */
  lookupEmails: string[];
  searchPrefix: string;
  searchMatches: number;
  /** Twenty accounts a rep follows (every A/20-th by size): For you's due steps read these. */
  followedAccountIds: string[];
  /** The day the plan items' due dates are spread around (today). */
  planDay: string;
}

export interface DatasetReport {
  size: DatasetSize;
  /** Rows per table after generation. */
  rows: Record<string, number>;
  generationMs: number;
  targets: Targets;
}

export const ORG_ID = '0b0b0b0b-0000-4000-8000-00000000be9c';
/** The organization as a SQL literal. */
const ORG = `'${ORG_ID}'::uuid`;
const TIMELINE_ENTRIES = 400;
const SEARCH_PREFIX = 'Northw';
// Entries are inserted in slices so one statement never holds millions of rows in memory.
const INSERT_SLICE = 200_000;

// First words vary so that a typed prefix selects about 1/50 of the accounts.
export const FIRST_WORDS = [
  'Acme', 'Apex', 'Aurora', 'Beacon', 'Birch', 'Bluefin', 'Brightline', 'Cedar', 'Cobalt', 'Copper',
  'Crestview', 'Delta', 'Ember', 'Evergreen', 'Falcon', 'Fjord', 'Granite', 'Harbor', 'Helix', 'Horizon',
  'Iris', 'Juniper', 'Keystone', 'Lumen', 'Maple', 'Meridian', 'Nimbus', 'Northwind', 'Oakridge', 'Onyx',
  'Orbit', 'Pinnacle', 'Polaris', 'Quartz', 'Radiant', 'Redwood', 'Sable', 'Sierra', 'Solstice', 'Summit',
  'Tandem', 'Terra', 'Titan', 'Umbra', 'Vantage', 'Vertex', 'Willow', 'Xenon', 'Yarrow', 'Zephyr',
];
export const SECOND_WORDS = [
  'Robotics', 'Analytics', 'Logistics', 'Health', 'Energy', 'Foods', 'Capital', 'Labs', 'Systems', 'Media',
  'Software', 'Freight', 'Bio', 'Motors', 'Retail', 'Security', 'Cloud', 'Learning', 'Insurance', 'Aerospace',
];
export const GIVEN_NAMES = [
  'Maria', 'James', 'Aiko', 'Olu', 'Priya', 'Lucas', 'Fatima', 'Chen', 'Sofia', 'Noah', 'Amara', 'Mateo',
  'Ingrid', 'Ravi', 'Elena', 'Kwame', 'Hannah', 'Diego', 'Yara', 'Tomas',
];
export const FAMILY_NAMES = [
  'Garcia', 'Smith', 'Tanaka', 'Adeyemi', 'Sharma', 'Martin', 'Haddad', 'Wei', 'Rossi', 'Jensen', 'Okafor',
  'Silva', 'Larsen', 'Iyer', 'Petrova', 'Mensah', 'Schmidt', 'Lopez', 'Nasser', 'Novak',
];
export const JOB_TITLES = [
  'Head of Operations', 'VP Sales', 'CTO', 'Procurement Manager', 'IT Director', 'Customer Success Lead',
  'Founder', 'Finance Director', 'Product Manager', 'Support Manager',
];
export const ENTRY_TITLES = [
  'Asked about volume pricing', 'Wants to roll out to the support team first', 'Concerned about data residency',
  'Comparing us with a competitor', 'Renewal timing and budget', 'Reported a sync issue',
  'Loved the new timeline view', 'Moved to a new role', 'Introduced us to their CFO', 'Feature request: SSO',
  'Pushback on the annual commitment', 'Pilot results are positive', 'Needs an on-premise option',
  'Question about the API limits', 'Budget frozen until next quarter', 'Wants a security review',
];
export const SENTENCES = [
  'We would like to start with the support team and add sales next quarter.',
  'Our budget for this is approved, but procurement needs a security questionnaire first.',
  'The pricing looks high compared with what we pay today.',
  'Can you confirm where the data is stored and who can access it?',
  'The pilot went well and the team wants to keep using it.',
  'We had trouble with the sync last week; some items arrived twice.',
  'I am moving to a new role in the company, my colleague will take over.',
  'Please loop in our CFO, she wants to understand the annual terms.',
  'Single sign-on is a must before we can roll this out widely.',
  'Another vendor offered us a discount for a three-year deal.',
  'The new timeline view saves my team a lot of time.',
  'We need to pause until the reorganisation is finished.',
  'Could you send the updated proposal with the volume tiers?',
  'Legal has a few comments on the data processing agreement.',
  'Our IT team asked whether there is an on-premise option.',
  'We plan to double the number of seats after the summer.',
  'The support response time was much better this month.',
  'I would like a demo for the marketing team next Tuesday.',
  'We are evaluating whether to consolidate our tools this year.',
  'Thanks for the quick fix, everything works again.',
];
export const DEPARTMENTS = ['sales', 'support', 'marketing', 'customer success'];
// private.signal_names(): entries draw a random subset (each signal with probability 1/8).
const PLAN_BODIES = [
  'Roll out to the support team first', 'Send the security questionnaire', 'Confirm the data residency answer',
  'Schedule the demo for the marketing team', 'Share the volume pricing tiers', 'Get legal comments on the DPA',
  'Budget approval before the quarter ends', 'Find out who signs the renewal', 'Competitor offered a discount',
  'Introduce the CFO to our finance lead', 'Pilot success criteria agreed', 'SSO before a wide rollout',
];

export const SIGNAL_ORDER = [
  'buying_signal', 'objection', 'pricing', 'feature_request', 'churn_risk',
  'competitor', 'support_issue', 'praise', 'job_change', 'introduction',
];

/** A SQL text[] literal built from constants defined above (no user input reaches it). */
export const textArray = (values: readonly string[]): string =>
  `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}]::text[]`;

const count = async (db: PGlite, sql: string): Promise<number> => Number((await db.query<{ n: number }>(sql)).rows[0]?.n ?? 0);

/**
 * Generates the data. Ids are md5-derived from each row's number ('a' || n for accounts,
 * 'c' || n for contacts), so entries can reference their account and contact by arithmetic
 * instead of joins. setseed makes every run generate the same data.
 */
export async function generateDataset(db: PGlite, size: DatasetSize, log: (line: string) => void): Promise<DatasetReport> {
  const started = performance.now();
  const A = size.accounts;
  const perAccount = size.contactsPerAccount;
  const step = (label: string, since: number): void => log(`  ${label} (${((performance.now() - since) / 1000).toFixed(1)} s)`);

  let t = performance.now();
  await db.exec(`
    select setseed(0.42);

    insert into public.organizations (id, name) values (${ORG}, 'Highcard Bench Co');

    insert into auth.users (id, email, raw_user_meta_data)
    select md5('u' || k)::uuid, 'author' || k || '@bench.highcard.example',
           jsonb_build_object('full_name', (${textArray(GIVEN_NAMES)})[1 + k % ${GIVEN_NAMES.length}] || ' Author' || k)
    from generate_series(0, ${size.authors - 1}) k;

    insert into public.memberships (org_id, user_id, role, department, display_name)
    select ${ORG}, md5('u' || k)::uuid, case when k = 0 then 'admin' else 'member' end,
           (${textArray(DEPARTMENTS)})[1 + k % ${DEPARTMENTS.length}],
           (${textArray(GIVEN_NAMES)})[1 + k % ${GIVEN_NAMES.length}] || ' Author' || k
    from generate_series(0, ${size.authors - 1}) k;

    -- Account names and slugs, kept for the contacts' addresses.
    create temporary table bench_account as
    select n, md5('a' || n)::uuid as id, w1, w2,
           w1 || ' ' || w2 || ' ' || lpad(n::text, 5, '0') as name,
           lower(w1) || '-' || lower(w2) || '-' || lpad(n::text, 5, '0') || '.example' as domain
    from (
      select n,
             (${textArray(FIRST_WORDS)})[1 + floor(random() * ${FIRST_WORDS.length})::int] as w1,
             (${textArray(SECOND_WORDS)})[1 + floor(random() * ${SECOND_WORDS.length})::int] as w2
      from generate_series(0, ${A - 1}) n
    ) words;

    insert into public.accounts (id, org_id, name, created_by, created_at, updated_at)
    select id, ${ORG}, name, md5('u' || (n % ${size.authors}))::uuid,
           now() - interval '800 days', now() - interval '800 days'
    from bench_account;

    -- One to three domains per account.
    insert into public.account_domains (org_id, account_id, domain)
    select ${ORG}, id, domain from bench_account
    union all
    select ${ORG}, id, lower(w1) || lower(w2) || lpad(n::text, 5, '0') || '.com' from bench_account where n % 3 <> 0
    union all
    select ${ORG}, id, lower(w1) || '-' || lpad(n::text, 5, '0') || '.example.net' from bench_account where n % 3 = 2;
  `);
  step(`${A} accounts and their domains`, t);

  // Contact j works at account j % A (its seq-th person there), so an entry can name a
  // contact of its own account as md5('c' || (account + A * seq)).
  // Contacts and entries skip the per-row foreign key triggers (replica role: a quarter of
  // the insert time at 1M rows); verifyForeignKeys checks every key set-based afterwards.
  t = performance.now();
  await db.exec(`
    begin;
    set local session_replication_role = replica;
    insert into public.contacts (id, org_id, account_id, full_name, email, linkedin_url, title, company, created_by)
    select md5('c' || j)::uuid, ${ORG}, a.id, g || ' ' || f,
           lower(g) || '.' || lower(f) || (j / ${A}) || '@' || a.domain,
           case when random() < 0.6 then 'https://www.linkedin.com/in/' || lower(g) || '-' || lower(f) || '-' || to_hex(j) end,
           (${textArray(JOB_TITLES)})[1 + floor(random() * ${JOB_TITLES.length})::int],
           a.w1 || ' ' || a.w2,
           md5('u' || (j % ${size.authors}))::uuid
    from (
      select j,
             (${textArray(GIVEN_NAMES)})[1 + floor(random() * ${GIVEN_NAMES.length})::int] as g,
             (${textArray(FAMILY_NAMES)})[1 + floor(random() * ${FAMILY_NAMES.length})::int] as f
      from generate_series(0, ${A * perAccount - 1}) j
    ) people
    join bench_account a on a.n = people.j % ${A};
    commit;
  `);
  step(`${A * perAccount} contacts`, t);

  // Plan items as teams write them: per account a mix of goals, steps (ours and theirs),
  // risks and questions; steps due within two months either side of today, half of ours
  // taken, 40 % settled. Generated like plans' own population on PostgreSQL.
  t = performance.now();
  const P = size.planItemsPerAccount;
  await db.exec(`
    begin;
    set local session_replication_role = replica;
    insert into public.plan_items (
      id, org_id, account_id, kind, side, body, due_on, contact_id, taken_by, author_id,
      created_at, updated_at, settled_at, settled_by, outcome
    )
    select md5('p' || (n * ${P} + i))::uuid, ${ORG}, id, kind, side, body,
           case when kind = 'step' then current_date + (floor(r_due * 120)::int - 60) end,
           case when r_contact < 0.5 then md5('c' || (n + ${A} * (i % ${perAccount})))::uuid end,
           case when side = 'ours' and r_taken < 0.5 then md5('u' || floor(r_taken * 2 * ${size.authors})::int)::uuid end,
           md5('u' || floor(r_author * ${size.authors})::int)::uuid,
           created, created,
           case when r_settled < 0.4 then created + interval '3 days' end,
           case when r_settled < 0.4 then md5('u' || floor(r_author * ${size.authors})::int)::uuid end,
           case when r_settled < 0.1 then 'dropped' when r_settled < 0.4 then 'done' end
    from (
      select a.n, a.id, i,
             case when (a.n + i) % 10 < 2 then 'goal' when (a.n + i) % 10 < 8 then 'step'
                  when (a.n + i) % 10 < 9 then 'risk' else 'question' end as kind,
             case when (a.n + i) % 10 between 2 and 7 then case when i % 3 = 2 then 'theirs' else 'ours' end end as side,
             (${textArray(PLAN_BODIES)})[1 + (a.n + i * 7) % ${PLAN_BODIES.length}] as body,
             now() - floor(random() * 300)::int * interval '1 day' as created,
             random() as r_due, random() as r_contact, random() as r_taken, random() as r_author, random() as r_settled
      from bench_account a cross join generate_series(0, ${P - 1}) i
    ) items;
    commit;
    drop table bench_account;
  `);
  step(`${A * P} plan items`, t);

  // Entries: accounts are skewed (account floor(A * r^2): a few big customers, a long tail),
  // kinds mixed, spread over two years, a few signals each, 0.5 % retracted; each slice is
  // inserted in time order, as entries are filed. The random draws are made once per row in
  // a materialized CTE so every column of a row agrees with the others.
  for (let lo = 0; lo < size.interactions; lo += INSERT_SLICE) {
    const hi = Math.min(size.interactions, lo + INSERT_SLICE) - 1;
    t = performance.now();
    await db.exec(`
      begin;
      set local session_replication_role = replica;
      insert into public.interactions (
        id, org_id, account_id, contact_id, author_id, kind, source_ref, source_url,
        occurred_at, title, body, signals, created_at, updated_at, retracted_at
      )
      with draw as materialized (
        select g,
               least(floor(${A} * power(random(), 2))::int, ${A - 1}) as acct,
               floor(random() * ${perAccount})::int as seq,
               random() as kind_draw,
               floor(random() * ${size.authors})::int as author,
               now() - random() * interval '730 days' as occurred_at,
               floor(random() * ${ENTRY_TITLES.length})::int as title_no,
               floor(random() * 1000000)::int as body_seed,
               floor(random() * 1024)::int & floor(random() * 1024)::int & floor(random() * 1024)::int as signal_mask,
               random() as misc
        from generate_series(${lo}, ${hi}) g
      ), typed as (
        select d.*,
               case when kind_draw < 0.60 then 'email'
                    when kind_draw < 0.80 then 'linkedin_message'
                    when kind_draw < 0.85 then 'linkedin_profile'
                    else 'note' end as kind
        from draw d
      )
      select md5('i' || g)::uuid, ${ORG}, md5('a' || acct)::uuid,
             case when kind = 'note' and misc < 0.3 then null else md5('c' || (acct + ${A} * seq))::uuid end,
             md5('u' || author)::uuid, kind,
             case when kind <> 'note' then 'bench:' || kind || ':' || g end,
             case kind when 'email' then 'https://mail.google.com/mail/u/0/#inbox/' || substr(md5('m' || g), 1, 16)
                       when 'linkedin_message' then 'https://www.linkedin.com/messaging/thread/' || substr(md5('t' || g), 1, 20)
             end,
             occurred_at,
             (${textArray(ENTRY_TITLES)})[1 + title_no],
             array_to_string(array(
               select (${textArray(SENTENCES)})[1 + (body_seed + k * 7) % ${SENTENCES.length}]
               from generate_series(1, 1 + body_seed % 5) k
             ), ' '),
             array(
               select s from unnest(${textArray(SIGNAL_ORDER)}) with ordinality as u(s, bit)
               where (signal_mask >> (bit::int - 1)) & 1 = 1
             ),
             occurred_at + (misc * interval '10 hours'),
             occurred_at + (misc * interval '10 hours'),
             case when misc < 0.005 then occurred_at + interval '2 days' end
      from typed
      order by occurred_at;
      commit;
    `);
    step(`entries ${lo + 1}–${hi + 1}`, t);
  }

  // A few edited entries, so revision_count has something to count.
  t = performance.now();
  await db.exec(`
    insert into public.interaction_revisions (interaction_id, org_id, title, body, signals, edited_by, edited_at)
    select id, org_id, title || ' (draft)', body, signals, author_id, created_at + interval '1 hour'
    from public.interactions
    where get_byte(decode(md5(id::text), 'hex'), 0) < 3;
  `);
  step('revisions', t);

  t = performance.now();
  await verifyForeignKeys(db, ['public.contacts', 'public.interactions', 'public.plan_items']);
  step('foreign keys verified', t);

  // The replica role skipped the insights rollup's triggers too: build it as they would have.
  t = performance.now();
  await db.exec('select private.rebuild_signal_rollup()');
  step('insights rollup built', t);

  t = performance.now();
  await db.exec('vacuum analyze');
  step('vacuum analyze', t);

  const rows: Record<string, number> = {};
  for (const table of ['organizations', 'memberships', 'accounts', 'account_domains', 'contacts', 'interactions', 'interaction_revisions', 'plan_items']) {
    rows[table] = await count(db, `select count(*)::int as n from public.${table}`);
  }
  rows['interactions (retracted)'] = await count(db, 'select count(*)::int as n from public.interactions where retracted_at is not null');
  const generationMs = performance.now() - started;
  return { size, rows, generationMs, targets: await pickTargets(db) };
}

/**
 * The bulk inserts skip the per-row foreign key triggers (session_replication_role = replica
 * affects triggers only: check constraints, unique indexes and row level security are
 * untouched). This checks every foreign key of those tables in one anti-join each instead,
 * with MATCH SIMPLE semantics (a key with a null column references nothing).
 */
async function verifyForeignKeys(db: PGlite, tables: string[]): Promise<void> {
  const keys = await db.query<{ name: string; child: string; parent: string; child_cols: string[]; parent_cols: string[] }>(
    `select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
            array(select quote_ident(a.attname) from unnest(c.conkey) with ordinality k(n, i)
                  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as child_cols,
            array(select quote_ident(a.attname) from unnest(c.confkey) with ordinality k(n, i)
                  join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as parent_cols
     from pg_constraint c
     where c.contype = 'f' and c.conrelid = any ($1::regclass[])`,
    [tables],
  );
  for (const key of keys.rows) {
    const notNull = key.child_cols.map((col) => `c.${col} is not null`).join(' and ');
    const matches = key.child_cols.map((col, i) => `p.${key.parent_cols[i]} = c.${col}`).join(' and ');
    const orphans = await count(
      db,
      `select count(*)::int as n from ${key.child} c
       where ${notNull} and not exists (select 1 from ${key.parent} p where ${matches})`,
    );
    if (orphans > 0) throw new Error(`Generated data breaks foreign key ${key.name}: ${orphans} row(s) of ${key.child}.`);
  }
}

async function pickTargets(db: PGlite): Promise<Targets> {
  const timeline = await db.query<{ account_id: string; n: number }>(`
    select account_id, count(*)::int as n from public.interactions
    where retracted_at is null and account_id is not null
    group by account_id order by abs(count(*) - ${TIMELINE_ENTRIES}), account_id limit 1`);
  const largest = await db.query<{ account_id: string; n: number }>(`
    select account_id, count(*)::int as n from public.interactions
    where retracted_at is null and account_id is not null
    group by account_id order by count(*) desc, account_id limit 1`);
  const mean = await count(db, `
    select round(avg(n))::int as n from (
      select count(*) as n from public.interactions where retracted_at is null group by account_id) per`);
  // Three addresses at three accounts of typical size, like the people in one email thread.
  const emails = await db.query<{ email: string }>(`
    with typical as (
      select account_id from public.interactions
      where retracted_at is null and account_id is not null
      group by account_id order by abs(count(*) - ${mean}), account_id limit 3
    )
    select distinct on (c.account_id) c.email
    from public.contacts c join typical t on t.account_id = c.account_id
    where c.email is not null
    order by c.account_id, c.email`);
  const matches = await count(
    db,
    `select count(*)::int as n from public.accounts where name ilike '${SEARCH_PREFIX}%'`,
  );
  // Followed accounts: every (A / 20)-th by entries, so big and small customers alike.
  const followed = await db.query<{ account_id: string }>(`
    select account_id from (
      select account_id, row_number() over (order by count(*) desc, account_id) as r
      from public.interactions where retracted_at is null and account_id is not null group by account_id
    ) ranked
    where (r - 1) % greatest(1, (select count(*) from public.accounts) / 20) = 0
    order by r limit 20`);
  const first = timeline.rows[0];
  const biggest = largest.rows[0];
  if (!first || !biggest || emails.rows.length === 0) throw new Error('The generated data has no entries to benchmark.');
  return {
    orgId: ORG_ID,
    timelineAccountId: first.account_id,
    timelineAccountEntries: first.n,
    largestAccountId: biggest.account_id,
    largestAccountEntries: biggest.n,
    lookupEmails: emails.rows.map((r) => r.email),
    searchPrefix: SEARCH_PREFIX,
    searchMatches: matches,
    followedAccountIds: followed.rows.map((r) => r.account_id),
    planDay: new Date().toISOString().slice(0, 10),
  };
}

/**
 * The bench database's own functions: the trivial RPC every timing is compared with, and an
 * EXPLAIN runner. bench_explain is security invoker, so called through PostgREST it runs as
 * the signed-in member with row level security, exactly like the timed queries.
 */
export async function installBenchFunctions(db: PGlite): Promise<void> {
  await db.exec(`
    create function public.bench_ping()
    returns integer language sql stable set search_path = '' as 'select 1';

    create function public.bench_explain(query text)
    returns setof text language plpgsql volatile security invoker set search_path = ''
    as $$ begin return query execute 'explain (analyze, buffers) ' || query; end $$;

    revoke all on function public.bench_ping(), public.bench_explain(text) from public, anon;
    grant execute on function public.bench_ping(), public.bench_explain(text) to authenticated;
  `);
}
