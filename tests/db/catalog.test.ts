// What the catalog must say about every table, view and function, whatever is added later.
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { FREE_MAIL_DOMAINS } from '../../utils/free-mail.ts';
import { freshDb, superuser } from './helpers.ts';

let db: PGlite;

beforeAll(async () => {
  db = await freshDb();
});

const TABLES = [
  'organizations',
  'memberships',
  'invites',
  'accounts',
  'account_domains',
  'contacts',
  'interactions',
  'interaction_revisions',
  // One customer, one record: further addresses and profiles, and the merges.
  'contact_identities',
  'contact_merges',
  'account_merges',
  // "For you": routes between colleagues and each recipient's own dismissals.
  'entry_routes',
  'route_dismissals',
  // Coaching and thanks: private between two people, never counted.
  'coaching_periods',
  'coaching_notes',
  'entry_thanks',
  // Plans and promises: open to every member, never counted per person.
  'plan_items',
  'plan_item_revisions',
];
const VIEWS = ['account_timeline', 'account_overview', 'signal_trends'];

describe('the schema', () => {
  it('has every table and view the extension relies on', async () => {
    const rows = await superuser<{ relname: string }>(
      db,
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'v') order by 1`,
    );
    expect(rows.map((row) => row.relname).sort()).toEqual([...TABLES, ...VIEWS].sort());
  });

  it('has row level security on every table', async () => {
    const rows = await superuser<{ relname: string; relrowsecurity: boolean }>(
      db,
      `select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r'`,
    );
    expect(rows.length).toBe(TABLES.length);
    for (const row of rows) expect(row.relrowsecurity, row.relname).toBe(true);
  });

  it('runs every view with the reader’s rights', async () => {
    const rows = await superuser<{ relname: string; reloptions: string[] | null }>(
      db,
      `select c.relname, c.reloptions from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'v'`,
    );
    expect(rows.length).toBe(VIEWS.length);
    for (const row of rows) expect(row.reloptions ?? [], row.relname).toContain('security_invoker=true');
  });

  it('pins search_path on every function in public and private', async () => {
    const rows = await superuser<{ name: string; proconfig: string[] | null }>(
      db,
      `select n.nspname || '.' || p.proname as name, p.proconfig from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace where n.nspname in ('public', 'private')`,
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect((row.proconfig ?? []).some((setting) => setting.startsWith('search_path=')), row.name).toBe(true);
    }
  });

  it('pins an empty search_path on every security definer function, in every schema of ours', async () => {
    const rows = await superuser<{ name: string }>(
      db,
      `select n.nspname || '.' || p.proname as name from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
       where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema', 'auth')
         and not coalesce(p.proconfig, '{}') @> array['search_path=""']`,
    );
    expect(rows).toEqual([]);
  });

  it('keeps every table of private (the insights rollup, ...) closed to anon and signed-in users', async () => {
    const rows = await superuser<{ name: string }>(
      db,
      `select c.oid::regclass::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'private' and c.relkind in ('r', 'v', 'm', 'S', 'p', 'f')
         and (has_table_privilege('authenticated', c.oid, 'select, insert, update, delete, truncate, references, trigger')
           or has_table_privilege('anon', c.oid, 'select, insert, update, delete, truncate, references, trigger'))`,
    );
    expect(rows).toEqual([]);
  });

  it('makes every function in public security invoker, and bypasses RLS only in private', async () => {
    const rows = await superuser<{ name: string }>(
      db,
      `select n.nspname || '.' || p.proname as name from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
       where p.prosecdef and n.nspname not in ('private', 'auth', 'pg_catalog', 'information_schema')`,
    );
    expect(rows).toEqual([]);
  });

  it('lets anon execute no function in public or private and use no private helper', async () => {
    const rows = await superuser<{ name: string }>(
      db,
      `select n.nspname || '.' || p.proname as name from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private') and has_function_privilege('anon', p.oid, 'execute')`,
    );
    expect(rows).toEqual([]);
    const [usage] = await superuser<{ allowed: boolean }>(db, `select has_schema_privilege('anon', 'private', 'usage') as allowed`);
    expect(usage!.allowed).toBe(false);
  });

  it('gives anon no privilege on any table or view', async () => {
    const rows = await superuser<{ relname: string }>(
      db,
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('public', 'private') and c.relkind in ('r', 'v', 'm')
         and (has_table_privilege('anon', c.oid, 'select') or has_table_privilege('anon', c.oid, 'insert')
           or has_table_privilege('anon', c.oid, 'update') or has_table_privilege('anon', c.oid, 'delete'))`,
    );
    expect(rows).toEqual([]);
  });

  it('never lets signed-in users insert or delete entries, accounts or contacts directly', async () => {
    const rows = await superuser<{ relname: string }>(
      db,
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r'
         and (has_table_privilege('authenticated', c.oid, 'insert') or has_table_privilege('authenticated', c.oid, 'truncate'))`,
    );
    expect(rows).toEqual([]);
  });

  it('lets signed-in users write through no view, even one Postgres could update', async () => {
    // account_timeline reads each joined row by key, so Postgres counts it as updatable: only
    // the missing grants keep members from inserting or editing entries through it.
    const rows = await superuser<{ relname: string }>(
      db,
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('v', 'm')
         and (has_table_privilege('authenticated', c.oid, 'insert') or has_table_privilege('authenticated', c.oid, 'update')
           or has_table_privilege('authenticated', c.oid, 'delete') or has_table_privilege('authenticated', c.oid, 'truncate'))`,
    );
    expect(rows).toEqual([]);
  });

  it('gives the service role full access to every table', async () => {
    const rows = await superuser<{ relname: string }>(
      db,
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r'
         and not (has_table_privilege('service_role', c.oid, 'select') and has_table_privilege('service_role', c.oid, 'insert')
           and has_table_privilege('service_role', c.oid, 'update') and has_table_privilege('service_role', c.oid, 'delete'))`,
    );
    expect(rows).toEqual([]);
  });

  it('explains every table, view and function to managers reading the dashboard', async () => {
    const relations = await superuser<{ relname: string }>(
      db,
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'v') and obj_description(c.oid, 'pg_class') is null`,
    );
    expect(relations).toEqual([]);
    const functions = await superuser<{ proname: string }>(
      db,
      `select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private') and obj_description(p.oid, 'pg_proc') is null`,
    );
    expect(functions).toEqual([]);
  });

  it('has a policy, named as a sentence, for every table', async () => {
    const rows = await superuser<{ tablename: string; policyname: string }>(
      db,
      `select tablename, policyname from pg_policies where schemaname = 'public'`,
    );
    expect(new Set(rows.map((row) => row.tablename))).toEqual(new Set(TABLES));
    for (const row of rows) expect(row.policyname.split(' ').length, row.policyname).toBeGreaterThanOrEqual(3);
  });

  it('indexes every column the policies and the timeline filter on', async () => {
    const rows = await superuser<{ indexdef: string }>(db, `select indexdef from pg_indexes where schemaname = 'public'`);
    const defs = rows.map((row) => row.indexdef);
    const leading = (table: string, columns: string) =>
      defs.some((def) => def.includes(` ON public.${table} USING btree (${columns}`));
    expect(leading('memberships', 'user_id')).toBe(true);
    for (const table of ['memberships', 'invites', 'accounts', 'account_domains', 'interactions', 'interaction_revisions', 'contacts']) {
      expect(leading(table, 'org_id'), table).toBe(true);
    }
    expect(leading('interactions', 'author_id')).toBe(true);
    expect(leading('interaction_revisions', 'interaction_id')).toBe(true);
    // Coaching and thanks: the columns their policies look people and periods up by.
    for (const [table, column] of [
      ['coaching_periods', 'manager_id'], ['coaching_periods', 'employee_id'], ['coaching_periods', 'org_id'],
      ['coaching_notes', 'period_id'], ['coaching_notes', 'org_id'], ['coaching_notes', 'author_id'],
      ['entry_thanks', 'interaction_id'], ['entry_thanks', 'from_user'], ['entry_thanks', 'org_id'],
    ] as const) {
      expect(leading(table, column) || defs.some((def) => def.includes(`ON public.${table} USING btree (${column},`)), `${table}.${column}`).toBe(true);
    }
    expect(defs.some((def) => /interactions USING btree \(account_id, occurred_at DESC, id DESC\) WHERE \(retracted_at IS NULL\)/.test(def))).toBe(true);
    expect(defs.some((def) => /accounts USING btree \(lower\(name\) text_pattern_ops\)/.test(def))).toBe(true);
    expect(defs.some((def) => /account_domains USING btree \(domain text_pattern_ops\)/.test(def))).toBe(true);
  });

  it('has the exact column lists other code relies on for each view', async () => {
    const columns = async (view: string) =>
      (
        await superuser<{ column_name: string }>(
          db,
          `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`,
          [view],
        )
      ).map((row) => row.column_name);
    expect(await columns('account_timeline')).toEqual([
      'id', 'org_id', 'account_id', 'account_name', 'contact_id', 'contact_name', 'kind', 'title', 'body',
      'signals', 'occurred_at', 'source_url', 'author_id', 'author_display_name', 'author_department',
      'revision_count', 'created_at', 'updated_at',
    ]);
    expect(await columns('account_overview')).toEqual([
      'org_id', 'account_id', 'name', 'domains', 'last_activity_at', 'contact_count', 'signals_90d',
    ]);
    expect(await columns('signal_trends')).toEqual(['org_id', 'week', 'signal', 'entries', 'accounts']);
  });
});

describe('pact rule 3: no scoreboards', () => {
  /** Every view and materialized view in any schema of ours, with its definition: a view
   * added later is checked without anyone remembering to list it here. */
  async function views(): Promise<Array<{ name: string; definition: string }>> {
    return superuser(
      db,
      `select n.nspname || '.' || c.relname as name, pg_get_viewdef(c.oid) as definition
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('v', 'm') and n.nspname not in ('pg_catalog', 'information_schema', 'auth', 'extensions')`,
    );
  }
  const PERSON = '(author|user|member|person|people|_by$|by_|from_user|manager|employee|sender|recipient)';

  it('has no view column that counts or ranks per person', async () => {
    const rows = await superuser<{ table_name: string; column_name: string }>(
      db,
      `select c.relname as table_name, a.attname as column_name
         from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('v', 'm') and n.nspname not in ('pg_catalog', 'information_schema', 'auth', 'extensions')
          and a.attnum > 0 and not a.attisdropped
          and a.attname ~ '(^|_)(count|counts|total|rank|ranking|score|number)(_|$)'
          and a.attname !~ '^(revision_count|contact_count)$'`,
    );
    expect(rows).toEqual([]);
    expect((await views()).length).toBeGreaterThanOrEqual(3); // the query still sees the views
  });

  it('has no view that aggregates and shows a person, or groups by one', async () => {
    let grouping = 0;
    for (const view of await views()) {
      // A count per entry (account_timeline's revision_count) is about the entry; a view
      // that groups rows is an aggregate, and aggregates are about customers only.
      if (!/\b(group by|partition by)\b/i.test(view.definition)) continue;
      grouping += 1;
      // ...so it has no person column...
      const people = await superuser<{ column_name: string }>(
        db,
        `select a.attname as column_name from pg_attribute a
          where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped and a.attname ~ $2`,
        [view.name, PERSON],
      );
      expect({ view: view.name, people }).toEqual({ view: view.name, people: [] });
      // ...and never groups or partitions by one.
      expect(view.definition, view.name).not.toMatch(/(group by|partition by)[^;]*\b(author_id|user_id|edited_by|created_by|merged_by|from_user|manager_id|employee_id|routed_by|to_user)\b/is);
    }
    expect(grouping).toBeGreaterThanOrEqual(1); // signal_trends at least: the check still runs
  });

  it('has no function that groups entries by their author and counts them', async () => {
    const rows = await superuser<{ name: string }>(
      db,
      `select n.nspname || '.' || p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private')
         and p.prosrc ~* 'count\\s*\\(' and p.prosrc ~* 'group by[^;]*(author_id|user_id)'`,
    );
    expect(rows).toEqual([]);
  });
});

describe('pact rules 9 and 10: coaching and thanks stay between two people and are never counted', () => {
  const PRIVATE_TABLES = ['coaching_periods', 'coaching_notes', 'entry_thanks'];
  // The only functions that may read or write these tables (public RPCs and their private halves,
  // the policy helpers). Insights, lookups, exports and every other function stay away from them.
  const ALLOWED = new Set([
    'open_coaching_period', 'add_coaching_note', 'end_coaching_period', 'purge_ended_coaching',
    'coaching_period_of_caller', 'my_coaching_period_ids', 'my_open_coaching_period_ids',
    'end_coaching_of_former_manager',
    'thank_author', 'withdraw_thanks',
  ]);

  it('keeps only words, people and dates in them: no numeric, boolean or count column', async () => {
    const rows = await superuser<{ table_name: string; column_name: string; data_type: string }>(
      db,
      `select table_name, column_name, data_type from information_schema.columns
       where table_schema = 'public' and table_name = any($1::text[])
         and (data_type not in ('uuid', 'text', 'date', 'timestamp with time zone')
           or column_name ~ '(count|total|rank|score|number|level|rating|streak)')`,
      [PRIVATE_TABLES],
    );
    expect(rows).toEqual([]);
  });

  it('shows them through no view or materialized view, in any schema', async () => {
    const rows = await superuser<{ view: string }>(
      db,
      `select distinct v.relnamespace::regnamespace || '.' || v.relname as view
       from pg_depend d
       join pg_rewrite r on r.oid = d.objid
       join pg_class v on v.oid = r.ev_class
       join pg_class t on t.oid = d.refobjid
       where t.relnamespace = 'public'::regnamespace and t.relname = any($1::text[]) and v.oid <> t.oid`,
      [PRIVATE_TABLES],
    );
    expect(rows).toEqual([]);
  });

  it('lets only their own functions touch them, and none of those counts, sums or ranks', async () => {
    const rows = await superuser<{ schema: string; name: string; source: string }>(
      db,
      `select n.nspname as schema, p.proname as name, p.prosrc as source from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
       where n.nspname not in ('pg_catalog', 'information_schema')
         and p.prosrc ~* '(coaching_periods|coaching_notes|entry_thanks)'`,
    );
    expect(rows.map((row) => `${row.schema}.${row.name}`).filter((name) => !ALLOWED.has(name.split('.')[1]!))).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(ALLOWED.size);
    const aggregates = /\b(count|sum|avg|min|max|rank|dense_rank|row_number|percent_rank|ntile|array_agg|jsonb_agg|json_agg|string_agg)\s*\(/i;
    expect(rows.filter((row) => aggregates.test(row.source)).map((row) => row.name)).toEqual([]);
  });
});

describe('pact rule 13: plans are promises, not quotas', () => {
  const PLAN_TABLES = ['plan_items', 'plan_item_revisions'];
  /** A GROUP BY or PARTITION BY list that names who wrote, took, settled or edited an item. */
  const GROUPED_BY_PERSON = /(group by|partition by)\s+(\(?[\w.]+\)?\s*,\s*)*\(?[\w.]*\b(taken_by|author_id|settled_by|edited_by|user_id)\b/i;
  /**
   * The one grouping by person a plan function may hold: the panel's lookup gathers who to ask
   * from the latest entries (not plan items), one row per colleague with when they last filed,
   * nothing counted. Named here so that no other grouping by person hides beside it.
   */
  const WHO_TO_ASK = /from latest l\s+group by l\.org_id, user_id\b/i;
  const withoutWhoToAsk = (fn: { name: string; source: string }) =>
    fn.name === 'private.lookup_context_for' ? fn.source.replace(WHO_TO_ASK, '') : fn.source;
  /** Every function, in any schema of ours, that reads or writes plan items. */
  async function planFunctions(): Promise<Array<{ name: string; source: string; columns: string[] }>> {
    return superuser(
      db,
      `select n.nspname || '.' || p.proname as name, p.prosrc as source, coalesce(p.proargnames, '{}') as columns
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname not in ('pg_catalog', 'information_schema') and p.prosrc ~* 'plan_item'`,
    );
  }

  it('keeps only words, people and dates in plan items: no number, flag or count column', async () => {
    const rows = await superuser<{ table_name: string; column_name: string; data_type: string }>(
      db,
      `select table_name, column_name, data_type from information_schema.columns
       where table_schema = 'public' and table_name = any($1::text[])
         and (data_type not in ('uuid', 'text', 'date', 'timestamp with time zone')
           or column_name ~ '(^|_)(count|total|rank|score|number|percent|ratio|rate|progress|completion)(_|$)')`,
      [PLAN_TABLES],
    );
    expect(rows).toEqual([]);
  });

  it('has no function over plan items that counts, sums or ranks them, per person or at all', async () => {
    const functions = await planFunctions();
    // The writers, the account's plan, due steps and the panel's lookup (its private half, which
    // reads the steps) at least: the check still sees them.
    expect(functions.map((fn) => fn.name)).toEqual(
      expect.arrayContaining(['public.account_plan', 'public.due_steps', 'private.lookup_context_for', 'private.add_plan_item']),
    );
    for (const fn of functions) {
      // The one count allowed is an item's own earlier versions (revision_count).
      const counts = [...fn.source.matchAll(/\bcount\s*\([^)]*\)\s*from\s+public\.(\w+)/gi)].map((match) => match[1]);
      expect({ fn: fn.name, counts: counts.filter((table) => table !== 'plan_item_revisions') }).toEqual({ fn: fn.name, counts: [] });
      const bareCounts = (fn.source.match(/\bcount\s*\(/gi) ?? []).length;
      expect({ fn: fn.name, otherCounts: bareCounts - counts.length }).toEqual({ fn: fn.name, otherCounts: 0 });
      expect(fn.source, fn.name).not.toMatch(/\b(sum|avg|rank|dense_rank|row_number|percent_rank|cume_dist|ntile)\s*\(/i);
      expect(withoutWhoToAsk(fn), fn.name).not.toMatch(GROUPED_BY_PERSON);
    }
  });

  it('lets the lookup group entries by colleague for who to ask, and nothing else by person', async () => {
    const lookup = (await planFunctions()).find((fn) => fn.name === 'private.lookup_context_for');
    expect(lookup?.source).toMatch(WHO_TO_ASK);
    // The exception is that one grouping: the same source with one more grouping by person fails.
    const widened = { name: 'private.lookup_context_for', source: `${lookup!.source}\nselect 1 from public.plan_items p group by p.taken_by;` };
    expect(withoutWhoToAsk(widened)).toMatch(GROUPED_BY_PERSON);
    expect(withoutWhoToAsk(lookup!)).not.toMatch(GROUPED_BY_PERSON);
  });

  it('reports no share of steps done anywhere: no result column or key of that kind', async () => {
    const shares = /(percent|ratio|completion|progress|done_share|share_done|_rate\b|rate_|score|rank)/i;
    for (const fn of await planFunctions()) {
      expect({ fn: fn.name, columns: fn.columns.filter((column) => shares.test(column)) }).toEqual({ fn: fn.name, columns: [] });
      const keys = [...fn.source.matchAll(/'(\w+)',/g)].map((match) => match[1]!).filter((key) => shares.test(key));
      expect({ fn: fn.name, keys }).toEqual({ fn: fn.name, keys: [] });
    }
  });

  it('shows plan items through no view that groups them by a person', async () => {
    const rows = await superuser<{ view: string; definition: string }>(
      db,
      `select distinct v.relnamespace::regnamespace || '.' || v.relname as view, pg_get_viewdef(v.oid) as definition
       from pg_depend d
       join pg_rewrite r on r.oid = d.objid
       join pg_class v on v.oid = r.ev_class
       join pg_class t on t.oid = d.refobjid
       where t.relnamespace = 'public'::regnamespace and t.relname = any($1::text[]) and v.oid <> t.oid`,
      [PLAN_TABLES],
    );
    for (const row of rows) {
      expect(row.definition, row.view).not.toMatch(GROUPED_BY_PERSON);
      expect(row.definition, row.view).not.toMatch(/\b(count|sum|avg|rank|row_number)\s*\(/i);
    }
  });

  it('describes every column of a plan to the managers reading the dashboard', async () => {
    const rows = await superuser<{ name: string }>(
      db,
      `select c.relname || '.' || a.attname as name from pg_attribute a join pg_class c on c.oid = a.attrelid
       where c.relnamespace = 'public'::regnamespace and c.relname = any($1::text[])
         and a.attnum > 0 and not a.attisdropped and col_description(c.oid, a.attnum) is null`,
      [PLAN_TABLES],
    );
    expect(rows).toEqual([]);
  });

  it('indexes the columns its policies and reads filter on', async () => {
    const rows = await superuser<{ indexdef: string }>(db, `select indexdef from pg_indexes where schemaname = 'public'`);
    const defs = rows.map((row) => row.indexdef);
    for (const [table, columns] of [
      ['plan_items', 'org_id'], ['plan_items', 'account_id'], ['plan_items', 'taken_by'], ['plan_items', 'author_id'],
      ['plan_items', 'contact_id'], ['plan_items', 'source_interaction_id'], ['plan_items', 'settled_interaction_id'],
      ['plan_item_revisions', 'plan_item_id'], ['plan_item_revisions', 'org_id'],
    ] as const) {
      expect(defs.some((def) => def.includes(` ON public.${table} USING btree (${columns}`)), `${table}.${columns}`).toBe(true);
    }
    expect(defs.some((def) => /plan_items USING btree \(org_id, due_on, id\) WHERE \(\(kind = 'step'::text\) AND \(settled_at IS NULL\)\)/.test(def))).toBe(true);
    expect(defs.some((def) => /plan_items USING btree \(account_id, due_on, id\) WHERE \(\(kind = 'step'::text\) AND \(settled_at IS NULL\)\)/.test(def))).toBe(true);
  });
});

describe('free-mail domains', () => {
  it('are the same list in the database and in the extension', async () => {
    // A static import: if the list moves, this test fails to compile instead of skipping.
    const extension = [...FREE_MAIL_DOMAINS].map((domain) => domain.toLowerCase()).sort();
    const [row] = await superuser<{ domains: string[] }>(db, `select private.free_mail_domains() as domains`);
    expect([...row!.domains].sort()).toEqual(extension);
    for (const domain of extension) {
      const [check] = await superuser<{ free: boolean }>(db, `select private.is_free_mail_domain($1) as free`, [domain]);
      expect(check!.free, domain).toBe(true);
    }
  });

  it('include the common personal providers and not company domains', async () => {
    const rows = await superuser<{ domain: string; free: boolean }>(
      db,
      `select d as domain, private.is_free_mail_domain(d) as free
       from unnest(array['gmail.com', 'GMAIL.COM', 'outlook.com', 'proton.me', 'acme-robotics.example', 'google.com']) as d`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.domain, row.free]))).toEqual({
      'gmail.com': true,
      'GMAIL.COM': true,
      'outlook.com': true,
      'proton.me': true,
      'acme-robotics.example': false,
      'google.com': false,
    });
  });
});
