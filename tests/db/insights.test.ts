// Insights (pact rule 11, about customers only — pact rule 3): the weekly series and "what
// changed" read a rollup kept by triggers. Every number must equal a fresh GROUP BY over the
// live entries, whatever happened to them; changes are reported only beyond noise.
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createOrganization,
  createUser,
  emailCapture,
  expectRefusal,
  file,
  freshDb,
  query,
  rpc,
  superuser,
  type User,
} from './helpers.ts';
import { rollupDrift } from './insights-helpers.ts';

let db: PGlite;
let ana: User;
let ben: User;
let outsider: User;
let orgId: string;

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example', { display_name: 'Ana' });
  ben = await createUser(db, 'ben@highcard.example', { display_name: 'Ben' });
  outsider = await createUser(db, 'olga@elsewhere.example');
  orgId = await createOrganization(db, ana, 'Highcard Demo');
  await addMember(db, ana, orgId, ben, 'member', 'support');
  await createOrganization(db, outsider, 'Elsewhere');
});

/** The Monday (UTC) `weeksAgo` weeks before this week's, as YYYY-MM-DD. */
function monday(weeksAgo: number, from = new Date()): string {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7) - 7 * weeksAgo);
  return day.toISOString().slice(0, 10);
}

/** A moment inside that week (Tuesday noon, or now for the current week if earlier). */
function inWeek(weeksAgo: number): string {
  const tuesday = new Date(`${monday(weeksAgo)}T12:00:00Z`);
  tuesday.setUTCDate(tuesday.getUTCDate() + 1);
  const now = new Date(Date.now() - 60_000);
  return (tuesday < now ? tuesday : now).toISOString();
}

const dateOf = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

interface SeriesRow {
  week: string;
  signal: string;
  entries: number;
  accounts: number;
}

async function series(caller: User, args: Record<string, unknown>): Promise<SeriesRow[]> {
  const names = Object.keys(args);
  const rows = await query<SeriesRow>(
    db,
    caller,
    `select * from public.signal_series(${names.map((name, i) => `${name} => $${i + 1}`).join(', ')})`,
    names.map((name) => args[name]),
  );
  return rows.map((row) => ({ ...row, week: dateOf(row.week) }));
}

describe('signal_series', () => {
  let acme: string;

  beforeAll(async () => {
    const contact = (name: string, email: string) => ({ full_name: name, email });
    const first = await file(db, ana, emailCapture(orgId, { occurred_at: inWeek(1), signals: ['pricing', 'objection'], contact: contact('Dana', 'dana@acme.example') }));
    acme = first.account_id!;
    await file(db, ben, emailCapture(orgId, { occurred_at: inWeek(1), signals: ['pricing'], contact: contact('Dana', 'dana@acme.example') }));
    await file(db, ben, emailCapture(orgId, { occurred_at: inWeek(1), signals: ['pricing'], contact: contact('Gus', 'gus@globex.example') }));
    await file(db, ana, emailCapture(orgId, { occurred_at: inWeek(3), signals: ['pricing'], contact: contact('Gus', 'gus@globex.example') }));
    // Retracted: never counted.
    const gone = await file(db, ana, emailCapture(orgId, { occurred_at: inWeek(1), signals: ['churn_risk', 'pricing'], contact: contact('Dana', 'dana@acme.example') }));
    await rpc(db, ana, 'retract_interaction', { id: gone.id });
    // Older than the window asked for below.
    await file(db, ana, emailCapture(orgId, { occurred_at: inWeek(10), signals: ['praise'], contact: contact('Gus', 'gus@globex.example') }));
  });

  it('answers one zero-filled row per week and signal, with entries and distinct accounts', async () => {
    const rows = await series(ben, { org_id: orgId, weeks: 4 });
    expect(rows).toEqual([
      { week: monday(3), signal: 'objection', entries: 0, accounts: 0 },
      { week: monday(2), signal: 'objection', entries: 0, accounts: 0 },
      { week: monday(1), signal: 'objection', entries: 1, accounts: 1 },
      { week: monday(0), signal: 'objection', entries: 0, accounts: 0 },
      { week: monday(3), signal: 'pricing', entries: 1, accounts: 1 },
      { week: monday(2), signal: 'pricing', entries: 0, accounts: 0 },
      { week: monday(1), signal: 'pricing', entries: 3, accounts: 2 },
      { week: monday(0), signal: 'pricing', entries: 0, accounts: 0 },
    ]);
  });

  it('has exactly the columns of the contract and none about people', async () => {
    const [row] = await series(ana, { org_id: orgId });
    expect(Object.keys(row!)).toEqual(['week', 'signal', 'entries', 'accounts']);
    const columns = await superuser<{ name: string }>(
      db,
      `select unnest(p.proargnames) as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.proname in ('signal_series', 'signal_changes')`,
    );
    for (const { name } of columns) expect(name).not.toMatch(/author|user|member|person|people|department|display/);
  });

  it('defaults to 26 weeks and reaches back further when asked', async () => {
    const rows = await series(ana, { org_id: orgId });
    expect(new Set(rows.map((row) => row.week)).size).toBe(26);
    expect(rows.find((row) => row.signal === 'praise' && row.week === monday(10))).toMatchObject({ entries: 1, accounts: 1 });
  });

  it('narrows to one signal or one account', async () => {
    const pricing = await series(ana, { org_id: orgId, weeks: 2, only_signal: 'pricing' });
    expect(pricing.map((row) => [row.signal, row.entries])).toEqual([['pricing', 3], ['pricing', 0]]);
    const atAcme = await series(ana, { org_id: orgId, weeks: 2, only_account: acme });
    expect(atAcme).toEqual([
      { week: monday(1), signal: 'objection', entries: 1, accounts: 1 },
      { week: monday(0), signal: 'objection', entries: 0, accounts: 0 },
      { week: monday(1), signal: 'pricing', entries: 2, accounts: 1 },
      { week: monday(0), signal: 'pricing', entries: 0, accounts: 0 },
    ]);
  });

  it('refuses out-of-range weeks, unknown signals and accounts of other organizations, naming the field', async () => {
    await expectRefusal(series(ana, { org_id: orgId, weeks: 0 }), '22023', /^weeks:/);
    await expectRefusal(series(ana, { org_id: orgId, weeks: 105 }), '22023', /^weeks:/);
    await expectRefusal(series(ana, { org_id: orgId, only_signal: 'calls_made' }), '22023', /^only_signal:/);
    await expectRefusal(series(ana, { org_id: orgId, only_account: randomUUID() }), '22023', /^only_account:/);
  });

  it('answers members only: outsiders get 42501 naming org_id, anon is refused', async () => {
    await expectRefusal(series(outsider, { org_id: orgId }), '42501', /^org_id:/);
    await expectRefusal(
      query(db, outsider, 'select * from public.signal_changes(org_id => $1)', [orgId]),
      '42501',
      /^org_id:/,
    );
    await expectRefusal(query(db, 'anon', 'select * from public.signal_series(org_id => $1)', [orgId]), '42501');
    await expectRefusal(query(db, 'anon', 'select * from public.signal_changes(org_id => $1)', [orgId]), '42501');
    await expectRefusal(query(db, ana, 'select * from private.signal_weeks'), '42501');
    await expectRefusal(query(db, ana, 'select * from private.org_signal_changes($1)', [orgId]), '42501');
  });
});

// ---------------------------------------------------------------------------------------
// "What changed" on constructed series, at a fixed moment: Sunday 2026-11-29 23:59:59 UTC, the
// end of the week that starts on Monday 2026-11-23, so the recent window is 4 whole weeks.
// ---------------------------------------------------------------------------------------

const AS_OF = '2026-11-29T23:59:59Z';

/** A new organization with `accounts` accounts; entries are inserted per week directly. */
async function constructedOrg(accounts = 3): Promise<{ org: string; accountIds: string[] }> {
  const org = randomUUID();
  await superuser(db, `insert into public.organizations (id, name) values ($1, 'Constructed')`, [org]);
  const accountIds: string[] = [];
  for (let n = 0; n < accounts; n++) {
    const id = randomUUID();
    await superuser(db, `insert into public.accounts (id, org_id, name) values ($1, $2, $3)`, [id, org, `Account ${n}`]);
    accountIds.push(id);
  }
  return { org, accountIds };
}

/** Files `perWeek[k]` notes with `signal` in the week k weeks before 2026-11-23 (k = 0: that week). */
async function weekly(org: string, accountIds: string[], signal: string, perWeek: number[]): Promise<void> {
  for (const [weeksAgo, count] of perWeek.entries()) {
    if (count === 0) continue;
    await superuser(
      db,
      `insert into public.interactions (org_id, account_id, author_id, kind, occurred_at, title, signals)
       select $1, ($2::uuid[])[1 + n % cardinality($2::uuid[])], $3, 'note',
              date '2026-11-24' - 7 * $4::integer + (n % 5) * interval '1 day' + interval '9 hours',
              'Constructed', array[$5]
       from generate_series(0, $6 - 1) n`,
      [org, accountIds, ana.id, weeksAgo, signal, count],
    );
  }
}

interface Change {
  signal: string;
  recent: number;
  baseline: number;
  expected: string;
  direction: string;
  accounts: number;
}

const changes = (org: string, asOf = AS_OF): Promise<Change[]> =>
  superuser<Change>(db, `select * from private.org_signal_changes($1, 4, 12, $2)`, [org, asOf]);

/** Four recent weeks, then twelve baseline weeks (index = weeks before 2026-11-23). */
const weeks = (recent: number, baseline: number): number[] => [...Array(4).fill(recent), ...Array(12).fill(baseline)];

describe('signal_changes: beyond noise only', () => {
  it('reports nothing for a flat series', async () => {
    const { org, accountIds } = await constructedOrg();
    await weekly(org, accountIds, 'pricing', weeks(5, 5));
    await weekly(org, accountIds, 'praise', [6, 4, 5, 5, 5, 6, 4, 5, 5, 5, 4, 6, 5, 5, 6, 4]);
    expect(await changes(org)).toEqual([]);
  });

  it('reports a doubling with enough entries as up, with the recent accounts', async () => {
    const { org, accountIds } = await constructedOrg(3);
    await weekly(org, accountIds, 'pricing', weeks(10, 5));
    expect(await changes(org)).toEqual([
      { signal: 'pricing', recent: 40, baseline: 60, expected: '20.0', direction: 'up', accounts: 3 },
    ]);
  });

  it('reports a collapse as down', async () => {
    const { org, accountIds } = await constructedOrg();
    await weekly(org, accountIds, 'churn_risk', weeks(0, 5));
    expect(await changes(org)).toEqual([
      { signal: 'churn_risk', recent: 0, baseline: 60, expected: '20.0', direction: 'down', accounts: 0 },
    ]);
  });

  it('does not report 0 becoming 1 or 2, nor a small wobble', async () => {
    const { org, accountIds } = await constructedOrg();
    await weekly(org, accountIds, 'job_change', [1, 0, 0, 0]);
    await weekly(org, accountIds, 'introduction', [1, 1, 0, 0]);
    await weekly(org, accountIds, 'competitor', weeks(2, 1));
    expect(await changes(org)).toEqual([]);
  });

  it('orders the biggest change first and leaves unchanged signals out', async () => {
    const { org, accountIds } = await constructedOrg(2);
    await weekly(org, accountIds, 'pricing', weeks(10, 5));
    await weekly(org, accountIds, 'objection', weeks(0, 3));
    await weekly(org, accountIds, 'praise', weeks(3, 3));
    const rows = await changes(org);
    expect(rows.map((row) => [row.signal, row.direction])).toEqual([['pricing', 'up'], ['objection', 'down']]);
  });

  it('scales the expectation to the part of the current week that has passed', async () => {
    // 20 a week, and 7 so far this week. On Wednesday noon (2.5 days in) that is on pace;
    // judged as a whole week on Sunday night it is a collapse.
    const { org, accountIds } = await constructedOrg();
    await weekly(org, accountIds, 'pricing', [7, ...Array(12).fill(20)]);
    const thisWeek = (asOf: string) =>
      superuser<Change>(db, `select * from private.org_signal_changes($1, 1, 12, $2)`, [org, asOf]);
    expect(await thisWeek('2026-11-25T12:00:00Z')).toEqual([]);
    expect(await thisWeek(AS_OF)).toEqual([
      { signal: 'pricing', recent: 7, baseline: 240, expected: '20.0', direction: 'down', accounts: 3 },
    ]);
  });

  it('counts each account of the recent weeks once, whatever else it said before or after them', async () => {
    // Account 0 is heard from in two recent weeks and in the baseline, account 1 only in the
    // baseline, account 2 in a recent week and again in a week dated after as_of; account 3
    // only after as_of. Two accounts were heard from in the recent weeks.
    const { org, accountIds } = await constructedOrg(4);
    const [a0, a1, a2, a3] = accountIds;
    await weekly(org, [a0!], 'pricing', [10, 10, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    await weekly(org, [a1!], 'pricing', [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    await weekly(org, [a2!], 'pricing', [0, 0, 6, 0]);
    await superuser(
      db,
      `insert into public.interactions (org_id, account_id, author_id, kind, occurred_at, title, signals)
       select $1, a, $2, 'note', timestamptz '2026-12-15T09:00:00Z', 'Dated ahead', array['pricing']
       from unnest($3::uuid[]) a`,
      [org, ana.id, [a2, a3]],
    );
    const [row] = await changes(org);
    expect(row).toMatchObject({ signal: 'pricing', recent: 26, direction: 'up', accounts: 2 });
    expect(await rollupDrift(db)).toEqual([]);
    // Retracting account 2's recent entries leaves its latest week after the window, and it
    // is no longer counted; account 0 alone remains.
    await superuser(db, `update public.interactions set retracted_at = now() where account_id = $1 and occurred_at < '2026-12-01'`, [a2]);
    expect((await changes(org))[0]).toMatchObject({ signal: 'pricing', recent: 20, direction: 'up', accounts: 1 });
    expect(await rollupDrift(db)).toEqual([]);
  });

  it('decides the noise test exactly as the whole tail would, stopping early or not', async () => {
    // The test stops summing once the decision is known; the whole tail (stop_at 1) is the truth.
    const [row] = await superuser<{ cases: number; differ: number }>(
      db,
      `with cases as (
         select n, k, p, up
         from (values (12), (400), (25000)) ns(n)
         cross join (values (0.05::float8), (0.25), (0.6)) ps(p)
         cross join lateral (
           select distinct greatest(0, least(n, round(n * p + g / 4.0 * sqrt(n * p * (1 - p)))::int)) as k
           from generate_series(-28, 28) g
         ) ks
         cross join (values (true), (false)) u(up)
       )
       select count(*)::int as cases,
              count(*) filter (where (private.binomial_tail(k, n, p, up, 0.025) < 0.025)
                                     is distinct from (private.binomial_tail(k, n, p, up) < 0.025))::int as differ
       from cases`,
    );
    expect(row!.cases).toBeGreaterThan(500);
    expect(row!.differ).toBe(0);
  });

  it('answers through the public function with the contract columns', async () => {
    const rows = await query<Change>(db, ana, 'select * from public.signal_changes(org_id => $1)', [orgId]);
    for (const row of rows) expect(Object.keys(row)).toEqual(['signal', 'recent', 'baseline', 'expected', 'direction', 'accounts']);
    await expectRefusal(query(db, ana, 'select * from public.signal_changes(org_id => $1, recent_weeks => 0)', [orgId]), '22023', /^recent_weeks:/);
    await expectRefusal(query(db, ana, 'select * from public.signal_changes(org_id => $1, baseline_weeks => 105)', [orgId]), '22023', /^baseline_weeks:/);
  });
});

// ---------------------------------------------------------------------------------------
// Property: after a random mix of filing, editing signals, moving in time, retracting,
// un-retracting, moving between accounts (one by one, as a merge does, all at once, through
// merge_accounts and undo_merge), moving between organizations and deleting, the rollup
// equals a fresh GROUP BY.
// ---------------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SIGNALS = ['buying_signal', 'objection', 'pricing', 'feature_request', 'churn_risk', 'competitor'];

async function expectRollupExact(): Promise<void> {
  expect(await rollupDrift(db)).toEqual([]);
}

describe('the rollup', () => {
  it('equals a fresh GROUP BY after 300 random operations', async () => {
    const random = seeded(20261129);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const someSignals = (): string[] => SIGNALS.filter(() => random() < 0.3);
    const when = (): string => new Date(Date.UTC(2026, 9, 1) + Math.floor(random() * 42 * 86_400_000)).toISOString();

    const a = await constructedOrg(4);
    const b = await constructedOrg(2);
    // Ana may merge and undo in organization a, through the functions members call.
    await superuser(db, `insert into public.memberships (org_id, user_id, display_name) values ($1, $2, 'Ana')`, [a.org, ana.id]);
    const merges: string[] = [];
    // A contact without an account: its entries count, but not as an account.
    const loner = randomUUID();
    await superuser(db, `insert into public.contacts (id, org_id, full_name, email) values ($1, $2, 'Lone Contact', 'lone@gmail.com')`, [loner, a.org]);
    const ids: string[] = [];

    const insert = async (): Promise<void> => {
      const id = randomUUID();
      const withoutAccount = random() < 0.15;
      await superuser(
        db,
        `insert into public.interactions (id, org_id, account_id, contact_id, author_id, kind, occurred_at, title, signals, retracted_at)
         values ($1, $2, $3, $4, $5, 'note', $6, 'Random', $7, $8)`,
        [id, a.org, withoutAccount ? null : pick(a.accountIds), withoutAccount ? loner : null, ana.id, when(), someSignals(), random() < 0.1 ? when() : null],
      );
      ids.push(id);
    };
    for (let n = 0; n < 40; n++) await insert();

    const operations: Array<[string, () => Promise<void>]> = [
      ['file', insert],
      ['file several in one statement', async () => {
        const rows = await superuser<{ id: string }>(
          db,
          `insert into public.interactions (org_id, account_id, author_id, kind, occurred_at, title, signals)
           select $1, ($2::uuid[])[1 + n % cardinality($2::uuid[])], $3, 'note', $4::timestamptz + n * interval '3 days', 'Batch', $5
           from generate_series(0, 3) n returning id`,
          [a.org, a.accountIds, ana.id, when(), someSignals()],
        );
        ids.push(...rows.map((row) => row.id));
      }],
      ['edit signals', async () => {
        await superuser(db, `update public.interactions set signals = $2 where id = $1`, [pick(ids), someSignals()]);
      }],
      ['edit the text only', async () => {
        await superuser(db, `update public.interactions set title = 'Edited ' || left(md5(random()::text), 6) where id = $1`, [pick(ids)]);
      }],
      ['change when it happened', async () => {
        await superuser(db, `update public.interactions set occurred_at = $2 where id = $1`, [pick(ids), when()]);
      }],
      ['retract', async () => {
        await superuser(db, `update public.interactions set retracted_at = now() where id = $1 and retracted_at is null`, [pick(ids)]);
      }],
      ['un-retract', async () => {
        await superuser(db, `update public.interactions set retracted_at = null where id = $1`, [pick(ids)]);
      }],
      ['move to another account', async () => {
        await superuser(
          db,
          `update public.interactions set account_id = $2 where id = $1 and org_id = $3 and contact_id is null`,
          [pick(ids), pick(a.accountIds), a.org],
        );
      }],
      ['merge two accounts (one plain update of account_id)', async () => {
        const [from, to] = [pick(a.accountIds), pick(a.accountIds)];
        await superuser(db, `update public.interactions set account_id = $2 where account_id = $1`, [from, to]);
      }],
      ['move to another organization and back', async () => {
        const id = pick(ids);
        const [row] = await superuser<{ org_id: string }>(db, `select i.org_id from public.interactions i where i.id = $1 and i.contact_id is null
           and not exists (select 1 from public.interaction_revisions r where r.interaction_id = i.id)`, [id]);
        if (!row) return;
        const target = row.org_id === a.org ? b : a;
        await superuser(db, `update public.interactions set org_id = $2, account_id = $3 where id = $1`, [id, target.org, pick(target.accountIds)]);
      }],
      ['delete', async () => {
        const index = Math.floor(random() * ids.length);
        await superuser(db, `delete from public.interactions where id = $1`, [ids[index]]);
        ids.splice(index, 1);
      }],
      ['merge two accounts through merge_accounts', async () => {
        if (a.accountIds.length < 2) return;
        const keep = pick(a.accountIds);
        const merged = pick(a.accountIds.filter((id) => id !== keep));
        await rpc(db, ana, 'merge_accounts', { org_id: a.org, keep_id: keep, merge_id: merged });
        a.accountIds.splice(a.accountIds.indexOf(merged), 1);
        const [line] = await superuser<{ id: string }>(db, `select id from public.account_merges where merged_id = $1 and undone_at is null`, [merged]);
        merges.push(line!.id);
      }],
      ['undo the latest merge through undo_merge', async () => {
        const line = merges.pop();
        if (!line) return;
        a.accountIds.push(await rpc<string>(db, ana, 'undo_merge', { org_id: a.org, merge_id: line }));
      }],
      ['edit signals of several at once', async () => {
        await superuser(db, `update public.interactions set signals = $2 where id = any($1)`, [[pick(ids), pick(ids), pick(ids)], someSignals()]);
      }],
    ];

    const done = new Map<string, number>();
    for (let step = 0; step < 300; step++) {
      const [name, run] = pick(operations);
      // Named in the failure, so a broken step can be replayed from the seed.
      await run().catch((error: unknown) => {
        throw new Error(`step ${step}, ${name}: ${String(error)}`);
      });
      done.set(name, (done.get(name) ?? 0) + 1);
      if (step % 50 === 49) await expectRollupExact();
    }
    await expectRollupExact();
    // Every kind of operation ran, and the data is not trivially empty.
    expect([...done.keys()].sort()).toEqual(operations.map(([name]) => name).sort());
    const [merged] = await superuser<{ undone: number; standing: number }>(
      db,
      `select count(*) filter (where undone_at is not null)::integer as undone, count(*) filter (where undone_at is null)::integer as standing
       from public.account_merges where org_id = $1`,
      [a.org],
    );
    expect(merged!.undone).toBeGreaterThan(0);
    expect(merged!.standing).toBeGreaterThan(0);
    const [{ cells }] = (await superuser<{ cells: number }>(db, `select count(*)::integer as cells from private.signal_weeks`)) as [{ cells: number }];
    expect(cells).toBeGreaterThan(10);

    // And a rebuild from scratch finds nothing to change.
    const before = await superuser(db, `select * from private.signal_weeks order by org_id, week, signal`);
    await superuser(db, `select private.rebuild_signal_rollup()`);
    expect(await superuser(db, `select * from private.signal_weeks order by org_id, week, signal`)).toEqual(before);
  });

  it('lets an organization be deleted, and its rollup goes with it', async () => {
    const { org, accountIds } = await constructedOrg(2);
    await weekly(org, accountIds, 'pricing', [3, 2, 1]);
    await weekly(org, accountIds, 'praise', [1]);
    expect(await superuser(db, `select 1 from private.signal_weeks where org_id = $1`, [org])).toHaveLength(4);
    await superuser(db, `delete from public.organizations where id = $1`, [org]);
    expect(await superuser(db, `select 1 from private.signal_weeks where org_id = $1`, [org])).toEqual([]);
    expect(await superuser(db, `select 1 from private.signal_account_weeks where org_id = $1`, [org])).toEqual([]);
    await expectRollupExact();
  });

  it('follows filing, editing and retracting through the API as members', async () => {
    const capture = emailCapture(orgId, { occurred_at: inWeek(2), signals: ['support_issue'], contact: { full_name: 'Ivy', email: 'ivy@initech.example' } });
    const filed = await file(db, ben, capture);
    const count = async () =>
      (await series(ana, { org_id: orgId, weeks: 3, only_signal: 'support_issue' })).find((row) => row.week === monday(2))?.entries ?? 0;
    expect(await count()).toBe(1);
    await query(db, ben, `update public.interactions set signals = array['praise'] where id = $1`, [filed.id]);
    expect(await count()).toBe(0);
    await query(db, ben, `update public.interactions set signals = array['support_issue'] where id = $1`, [filed.id]);
    expect(await count()).toBe(1);
    await rpc(db, ben, 'retract_interaction', { id: filed.id });
    expect(await count()).toBe(0);
    await expectRollupExact();
  });
});
