// The reads the popup, the sidebar, Insights and For you make, as SQL run by a member of one
// organization on a real PostgreSQL server: each in its own transaction under
// `set local role authenticated` with the member's JWT claims, as PostgREST runs a request,
// so row level security and its membership checks are part of every figure.
import type pg from 'pg';
import { memberIdOf } from './population.ts';

/** What one organization's member reads; picked from the generated data the same way at every size. */
export interface OrgTargets {
  k: number;
  orgId: string;
  entries: number;
  accounts: number;
  memberId: string;
  timelineAccountId: string;
  timelineAccountEntries: number;
  largestAccountId: string;
  largestAccountEntries: number;
  lookupEmails: string[];
  lookupName: string;
  followedAccountIds: string[];
  since: string;
  searchPrefix: string;
  /** The longest start of the same name that matches a page (20) of the organization's accounts, else its first letter. */
  searchFullPagePrefix: string;
  drillSignal: string;
  drillWeek: string;
}

/** The same read as PostgREST is asked for it (path under /rest/v1, and a JSON body for RPCs). */
export interface RestCall {
  path: string;
  body?: Record<string, unknown>;
}

export interface SqlQuery {
  name: string;
  informational?: boolean;
  sql: string;
  rest: RestCall;
}

const TIMELINE_ENTRIES = 400;
const FOLLOWED = 20;
const FOLLOW_DAYS = 7;
const lit = (value: string): string => `'${value.replaceAll("'", "''")}'`;
const uuidArray = (ids: readonly string[]): string => `array[${ids.map(lit).join(', ')}]::uuid[]`;
const textArray = (values: readonly string[]): string => `array[${values.map(lit).join(', ')}]::text[]`;

async function rows<T>(db: pg.Client, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

/** Targets for organization k (by size rank: 1 is the largest), read as the superuser. */
export async function pickTargets(db: pg.Client, k: number): Promise<OrgTargets> {
  const [org] = await rows<{ id: string; mem_lo: string; generated_at: Date }>(
    db,
    'select o.id, o.mem_lo, p.generated_at from bench.org o, bench.population p where o.k = $1',
    [k],
  );
  if (!org) throw new Error(`There is no organization ${k} in this population.`);
  const perAccount = await rows<{ account_id: string; n: string }>(
    db,
    `select account_id, count(*) as n from public.interactions
     where org_id = $1 and retracted_at is null and account_id is not null group by account_id`,
    [org.id],
  );
  const counted = perAccount.map((r) => ({ id: r.account_id, n: Number(r.n) })).sort((a, b) => b.n - a.n || a.id.localeCompare(b.id));
  if (counted.length === 0) throw new Error(`Organization ${k} has no entries.`);
  const entries = counted.reduce((sum, a) => sum + a.n, 0);
  const mean = entries / counted.length;
  const nearest = (n: number) => [...counted].sort((a, b) => Math.abs(a.n - n) - Math.abs(b.n - n) || a.id.localeCompare(b.id));
  const timeline = nearest(Math.min(TIMELINE_ENTRIES, counted[0]!.n))[0]!;
  const typical = nearest(mean).slice(0, 3).map((a) => a.id);
  const contacts = await rows<{ email: string; full_name: string }>(
    db,
    `select distinct on (account_id) email, full_name from public.contacts
     where account_id = any ($1::uuid[]) and email is not null order by account_id, id`,
    [typical],
  );
  // Followed: every (n / 20)-th account by size, so big and small customers alike.
  const stride = Math.max(1, Math.floor(counted.length / FOLLOWED));
  const followed = counted.filter((_, i) => i % stride === 0).slice(0, FOLLOWED).map((a) => a.id);
  const [middle] = await rows<{ name: string }>(
    db,
    `select name from public.accounts where org_id = $1 order by name offset (select count(*) / 2 from public.accounts where org_id = $1) limit 1`,
    [org.id],
  );
  const middleName = middle?.name ?? 'Acme';
  let searchFullPagePrefix = middleName.slice(0, 1);
  for (let length = 4; length > 1; length--) {
    const [match] = await rows<{ n: string }>(
      db,
      `select count(*) as n from public.accounts where org_id = $1 and name like $2`,
      [org.id, `${middleName.slice(0, length)}%`],
    );
    if (Number(match?.n ?? 0) >= 20) {
      searchFullPagePrefix = middleName.slice(0, length);
      break;
    }
  }
  // Insights' drill-down opens a signal's week: the most recent full week, its commonest signal.
  const [drill] = await rows<{ week: string; signal: string }>(
    db,
    `select to_char(week, 'YYYY-MM-DD') as week, signal from private.signal_weeks
     where org_id = $1 and week < private.week_of($2::timestamptz - interval '7 days')
     order by week desc, entries desc, signal limit 1`,
    [org.id, org.generated_at],
  );
  return {
    k,
    orgId: org.id,
    entries,
    accounts: counted.length,
    // The third member: a plain member (the first is the admin, the second a manager).
    memberId: memberIdOf(Number(org.mem_lo) + 2),
    timelineAccountId: timeline.id,
    timelineAccountEntries: timeline.n,
    largestAccountId: counted[0]!.id,
    largestAccountEntries: counted[0]!.n,
    lookupEmails: contacts.map((c) => c.email),
    lookupName: contacts[0]?.full_name ?? 'Nobody Known',
    followedAccountIds: followed,
    since: new Date(org.generated_at.getTime() - FOLLOW_DAYS * 86_400_000).toISOString(),
    searchPrefix: middleName.slice(0, 4),
    searchFullPagePrefix,
    drillSignal: drill?.signal ?? 'pricing',
    drillWeek: drill?.week ?? '2026-01-05',
  };
}

/** One request's transaction as PostgREST opens it: the role, then the caller's claims. */
export function asMember(memberId: string, sql: string): string {
  const claims = JSON.stringify({ sub: memberId, role: 'authenticated', aud: 'authenticated' });
  return `begin; set local role authenticated; select set_config('request.jwt.claims', ${lit(claims)}, true); ${sql}; commit;`;
}

export const PING: SqlQuery = {
  name: 'trivial RPC (bench_ping)',
  sql: 'select public.bench_ping()',
  rest: { path: 'rpc/bench_ping', body: {} },
};

const TIMELINE_COLUMNS =
  'id,account_id,contact_id,contact_name,kind,title,body,signals,occurred_at,source_url,author_id,author_display_name,author_department,revision_count';
const get = (relation: string, params: Record<string, string | string[]>): RestCall => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) search.append(key, v);
  return { path: `${relation}?${search.toString()}` };
};
const rpc = (fn: string, body: Record<string, unknown>): RestCall => ({ path: `rpc/${fn}`, body });

/** The timed reads for one organization's member; `cursor` is page 1's last row. */
export function queriesFor(t: OrgTargets, cursor: { occurred_at: string; id: string }, withPlans = false): SqlQuery[] {
  const timeline = (account: string) =>
    `select id, account_id, contact_id, contact_name, kind, title, body, signals, occurred_at, source_url, author_id,
            author_display_name, author_department, revision_count
     from public.account_timeline where account_id = ${lit(account)}`;
  const at = lit(cursor.occurred_at);
  const page = (account: string, extra: Record<string, string> = {}) =>
    get('account_timeline', {
      select: TIMELINE_COLUMNS,
      account_id: `eq.${account}`,
      ...extra,
      order: 'occurred_at.desc,id.desc',
      limit: '51',
    });
  const weekEnd = new Date(Date.parse(`${t.drillWeek}T00:00:00Z`) + 7 * 86_400_000).toISOString();
  return [
    {
      name: '1. account_timeline, first page (50)',
      sql: `${timeline(t.timelineAccountId)} order by occurred_at desc, id desc limit 51`,
      rest: page(t.timelineAccountId),
    },
    {
      name: '   first page, largest account (info)',
      informational: true,
      sql: `${timeline(t.largestAccountId)} order by occurred_at desc, id desc limit 51`,
      rest: page(t.largestAccountId),
    },
    {
      name: '2. account_timeline, next page (keyset)',
      sql: `${timeline(t.timelineAccountId)} and (occurred_at < ${at} or (occurred_at = ${at} and id < ${lit(cursor.id)}))
            order by occurred_at desc, id desc limit 51`,
      rest: page(t.timelineAccountId, {
        or: `(occurred_at.lt."${cursor.occurred_at}",and(occurred_at.eq."${cursor.occurred_at}",id.lt.${cursor.id}))`,
      }),
    },
    {
      name: `3. lookup_context (${t.lookupEmails.length} emails and a name)`,
      sql: `select public.lookup_context(${textArray(t.lookupEmails)}, null, ${lit(t.orgId)}::uuid, ${lit(t.lookupName)})`,
      rest: rpc('lookup_context', { emails: t.lookupEmails, linkedin_url: null, org_id: t.orgId, full_name: t.lookupName }),
    },
    {
      name: '4. search_accounts (prefix, 20)',
      sql: `select * from public.search_accounts(${lit(t.orgId)}::uuid, ${lit(t.searchPrefix)}, 20)`,
      rest: rpc('search_accounts', { org_id: t.orgId, prefix: t.searchPrefix, max_rows: 20 }),
    },
    {
      // The four-letter prefix can match fewer accounts than a page in the smaller database,
      // so its growth would be the page filling: a shorter start of the same name matches a
      // page, or as many as it can, at each size.
      name: '   search_accounts, a shorter prefix (info)',
      informational: true,
      sql: `select * from public.search_accounts(${lit(t.orgId)}::uuid, ${lit(t.searchFullPagePrefix)}, 20)`,
      rest: rpc('search_accounts', { org_id: t.orgId, prefix: t.searchFullPagePrefix, max_rows: 20 }),
    },
    {
      name: '5. account_overview, one account',
      sql: `select account_id, name, domains, last_activity_at, contact_count, signals_90d
            from public.account_overview where account_id = ${lit(t.timelineAccountId)}`,
      rest: get('account_overview', {
        select: 'account_id,name,domains,last_activity_at,contact_count,signals_90d',
        account_id: `eq.${t.timelineAccountId}`,
      }),
    },
    {
      name: '6. signal_series, organization (26 weeks)',
      sql: `select * from public.signal_series(${lit(t.orgId)}::uuid, 26)`,
      rest: rpc('signal_series', { org_id: t.orgId, weeks: 26 }),
    },
    {
      name: '7. signal_series, one account (26 weeks)',
      sql: `select * from public.signal_series(${lit(t.orgId)}::uuid, 26, null, ${lit(t.timelineAccountId)}::uuid)`,
      rest: rpc('signal_series', { org_id: t.orgId, weeks: 26, only_account: t.timelineAccountId }),
    },
    {
      name: '8. signal_changes (4 vs 12 weeks)',
      sql: `select * from public.signal_changes(${lit(t.orgId)}::uuid, 4)`,
      rest: rpc('signal_changes', { org_id: t.orgId, recent_weeks: 4 }),
    },
    {
      name: "9. Insights drill-down: a signal's week (50)",
      sql: `select id, account_id, account_name, title, signals, occurred_at, author_display_name
            from public.account_timeline
            where org_id = ${lit(t.orgId)} and signals @> ${textArray([t.drillSignal])}
              and occurred_at >= ${lit(`${t.drillWeek}T00:00:00Z`)} and occurred_at < ${lit(weekEnd)}
            order by occurred_at desc, id desc limit 51`,
      rest: get('account_timeline', {
        select: 'id,account_id,account_name,title,signals,occurred_at,author_display_name',
        org_id: `eq.${t.orgId}`,
        signals: `cs.{${t.drillSignal}}`,
        occurred_at: [`gte.${t.drillWeek}T00:00:00Z`, `lt.${weekEnd}`],
        order: 'occurred_at.desc,id.desc',
        limit: '51',
      }),
    },
    {
      name: `10. For you: ${t.followedAccountIds.length} followed accounts, new (50)`,
      sql: `select id, account_id, account_name, title, author_display_name, occurred_at, created_at
            from public.account_timeline
            where org_id = ${lit(t.orgId)} and account_id = any (${uuidArray(t.followedAccountIds)})
              and author_id <> ${lit(t.memberId)} and created_at > ${lit(t.since)}
            order by created_at desc limit 50`,
      rest: get('account_timeline', {
        select: 'id,account_id,account_name,title,author_display_name,occurred_at,created_at',
        org_id: `eq.${t.orgId}`,
        account_id: `in.(${t.followedAccountIds.join(',')})`,
        author_id: `neq.${t.memberId}`,
        created_at: `gt.${t.since}`,
        order: 'created_at.desc',
        limit: '50',
      }),
    },
    {
      name: '11. for_you (routes to me)',
      sql: `select * from public.for_you(${lit(t.orgId)}::uuid)`,
      rest: rpc('for_you', { org_id: t.orgId }),
    },
    ...(withPlans ? planQueries(t) : []),
  ];
}

/** The plan reads (when the schema has plans): the account's plan, and what is due soon. */
function planQueries(t: OrgTargets): SqlQuery[] {
  const until = new Date(Date.parse(t.since) + 21 * 86_400_000).toISOString().slice(0, 10);
  return [
    {
      name: '12. account_plan, one account',
      sql: `select * from public.account_plan(${lit(t.orgId)}::uuid, ${lit(t.timelineAccountId)}::uuid)`,
      rest: rpc('account_plan', { org_id: t.orgId, account_id: t.timelineAccountId }),
    },
    {
      name: `13. due_steps, ${t.followedAccountIds.length} followed accounts (2 weeks)`,
      sql: `select * from public.due_steps(${lit(t.orgId)}::uuid, ${lit(until)}::date, false, ${uuidArray(t.followedAccountIds)})`,
      rest: rpc('due_steps', { org_id: t.orgId, until, only_mine: false, account_ids: t.followedAccountIds }),
    },
    {
      name: '14. due_steps, mine (2 weeks)',
      sql: `select * from public.due_steps(${lit(t.orgId)}::uuid, ${lit(until)}::date, true)`,
      rest: rpc('due_steps', { org_id: t.orgId, until, only_mine: true }),
    },
  ];
}

/** Whether this database has plans (account_plan and due_steps). */
export async function hasPlans(db: pg.Client): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from pg_proc where proname in ('account_plan', 'due_steps')`);
  return Number(rows[0]?.n) >= 2;
}

/** Page 1's last row, read as the member: page 2's cursor, as the popup pages. */
export async function firstPageCursor(db: pg.Client, t: OrgTargets): Promise<{ occurred_at: string; id: string }> {
  const results = (await db.query(
    asMember(
      t.memberId,
      `select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at, id
       from public.account_timeline where account_id = ${lit(t.timelineAccountId)}
       order by occurred_at desc, id desc limit 50`,
    ),
  )) as unknown as pg.QueryResult[];
  const page = results[3]!.rows as Array<{ occurred_at: string; id: string }>;
  if (page.length < 50) throw new Error(`The timeline account of organization ${t.k} has only ${page.length} visible entries.`);
  return page.at(-1)!;
}

/** How many rows the statement after the transaction's set-up returned. */
export async function runAsMember(db: pg.Client, memberId: string, sql: string): Promise<number> {
  const results = (await db.query(asMember(memberId, sql))) as unknown as pg.QueryResult[];
  return results[3]?.rowCount ?? 0;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) as the member; for functions, auto_explain also reports the plans
 * of the statements inside them (sent back to this connection as LOG messages).
 */
export async function explainAsMember(db: pg.Client, memberId: string, sql: string): Promise<string[]> {
  const nested: string[] = [];
  const listen = (message: { message?: string }) => {
    if (message.message) nested.push(message.message);
  };
  await db.query(`load 'auto_explain'; set auto_explain.log_min_duration = 0; set auto_explain.log_analyze = on;
    set auto_explain.log_buffers = on; set auto_explain.log_nested_statements = on`);
  const opening = asMember(memberId, 'select 1').replace(/select 1; commit;$/, '');
  await db.query(`${opening} set local client_min_messages = log`);
  db.on('notice', listen);
  try {
    const plan = (await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`)).rows.map((r) => r['QUERY PLAN']);
    // The outer statement's own plan arrives as a LOG too: keep only the ones inside it.
    const inner = nested.filter((block) => !/Query Text: explain/i.test(block));
    return inner.length ? [...plan, '', '(statements inside, from auto_explain:)', ...inner.flatMap((b) => ['', ...b.split('\n')])] : plan;
  } finally {
    db.off('notice', listen);
    await db.query('commit');
  }
}
