// The benchmark's population generator at a small size, on a real PostgreSQL server: the
// rows it promises, organizations that only their own members can read, an insights rollup
// equal to a fresh count of the entries, and every read bench:db times answering as a member.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePopulation, rollupDifferences, type PopulationReport } from '../../bench/lib/population.ts';
import { asMember, firstPageCursor, hasPlans, pickTargets, queriesFor, runAsMember } from '../../bench/lib/pg-queries.ts';
import { onRealPostgres, scratchDatabase } from '../postgres/server.ts';

if (!onRealPostgres()) throw new Error('These tests need a real server: run `npm run test:postgres`.');

const ORGS = 5;
const ENTRIES = 6_000;
let db: pg.Client;
let report: PopulationReport;
let orgs: Array<{ k: number; id: string; accounts: number; members: number; mem_lo: number }>;

const count = async (sql: string, params: unknown[] = []): Promise<number> =>
  Number((await db.query<{ n: number }>(sql, params)).rows[0]!.n);

/** Rows of `relation` in organization `orgId` that the member can read. */
async function visibleTo(memberId: string, relation: string, column: string, orgId: string): Promise<number> {
  const results = (await db.query(
    asMember(memberId, `select count(*)::int as n from ${relation} where ${column} = '${orgId}'`),
  )) as unknown as pg.QueryResult[];
  return Number(results[3]!.rows[0].n);
}

beforeAll(async () => {
  const { url } = await scratchDatabase();
  db = new pg.Client({ connectionString: url });
  await db.connect();
  report = await generatePopulation(db, { orgs: ORGS, entries: ENTRIES }, () => undefined);
  orgs = (await db.query('select k, id, accounts, members, mem_lo from bench.org order by k')).rows;
}, 120_000);

afterAll(async () => {
  await db?.end();
});

describe('the generated population', () => {
  it('has the organizations, members, accounts, contacts and entries it was asked for', async () => {
    const accounts = orgs.reduce((sum, o) => sum + o.accounts, 0);
    expect(await count('select count(*)::int as n from public.organizations')).toBe(ORGS);
    expect(await count('select count(*)::int as n from public.memberships')).toBe(orgs.reduce((sum, o) => sum + o.members, 0));
    expect(await count('select count(*)::int as n from public.accounts')).toBe(accounts);
    expect(await count('select count(*)::int as n from public.contacts')).toBe(accounts * 10);
    const domains = await count('select count(*)::int as n from public.account_domains');
    expect(domains).toBeGreaterThanOrEqual(accounts);
    expect(domains).toBeLessThanOrEqual(accounts * 3);
    expect(await count('select count(*)::int as n from public.interactions')).toBe(ENTRIES);
    const planItems = await count('select count(*)::int as n from public.plan_items');
    expect(planItems).toBeGreaterThanOrEqual(accounts);
    expect(planItems).toBeLessThanOrEqual(accounts * 9);
    expect(report.rows['plan_items']).toBe(planItems);
    expect(report.rows['interactions']).toBe(ENTRIES);
    // About 1.2 % edited once and 0.5 % retracted.
    const revisions = await count('select count(*)::int as n from public.interaction_revisions');
    expect(revisions).toBeGreaterThan(ENTRIES * 0.005);
    expect(revisions).toBeLessThan(ENTRIES * 0.03);
    const retracted = await count('select count(*)::int as n from public.interactions where retracted_at is not null');
    expect(retracted).toBeGreaterThan(0);
    expect(retracted).toBeLessThan(ENTRIES * 0.02);
  });

  it('is skewed: the largest organization has several times the entries of the smallest, and every one has some', async () => {
    const perOrg = (await db.query<{ k: number; n: number }>(
      `select o.k, count(i.id)::int as n from bench.org o left join public.interactions i on i.org_id = o.id group by o.k order by o.k`,
    )).rows;
    expect(perOrg).toHaveLength(ORGS);
    for (const { n } of perOrg) expect(n).toBeGreaterThan(100);
    expect(perOrg[0]!.n).toBeGreaterThan(3 * perOrg.at(-1)!.n);
  });

  it('keeps every reference inside its own organization', async () => {
    expect(await count(`select count(*)::int as n from public.interactions i join public.accounts a on a.id = i.account_id where a.org_id <> i.org_id`)).toBe(0);
    expect(await count(`select count(*)::int as n from public.interactions i join public.contacts c on c.id = i.contact_id where c.org_id <> i.org_id`)).toBe(0);
    expect(
      await count(`select count(*)::int as n from public.interactions i
                   where not exists (select 1 from public.memberships m where m.org_id = i.org_id and m.user_id = i.author_id)`),
    ).toBe(0);
  });

  it("shows a member every row of their own organization and none of another's", async () => {
    const [a, b] = [orgs[0]!, orgs.at(-1)!];
    const memberOfA = (await db.query<{ user_id: string }>(
      `select user_id from public.memberships where org_id = $1 and role = 'member' order by user_id limit 1`,
      [a.id],
    )).rows[0]!.user_id;
    for (const relation of [
      'public.organizations', 'public.memberships', 'public.accounts', 'public.account_domains', 'public.contacts',
      'public.contact_identities', 'public.interactions', 'public.interaction_revisions', 'public.account_timeline',
      'public.plan_items',
    ]) {
      const column = relation === 'public.organizations' ? 'id' : 'org_id';
      expect(await visibleTo(memberOfA, relation, column, b.id), relation).toBe(0);
      expect(await count(`select count(*)::int as n from ${relation} where ${column} = $1`, [b.id]), relation).toBeGreaterThan(0);
      const own = await visibleTo(memberOfA, relation, column, a.id);
      // Retracted entries (and their history) stay visible to their author only; the view
      // leaves them out for everyone.
      const retractedByOthers = relation === 'public.interactions'
        ? await count(`select count(*)::int as n from public.interactions where org_id = $1 and retracted_at is not null and author_id <> $2`, [a.id, memberOfA])
        : relation === 'public.interaction_revisions'
          ? await count(
              `select count(*)::int as n from public.interaction_revisions r join public.interactions i on i.id = r.interaction_id
               where r.org_id = $1 and i.retracted_at is not null and i.author_id <> $2`,
              [a.id, memberOfA],
            )
          : 0;
      const all = await count(`select count(*)::int as n from ${relation} where ${column} = $1`, [a.id]);
      expect(own, relation).toBeGreaterThan(0);
      expect(own, relation).toBe(all - retractedByOthers);
    }
    await expect(db.query(asMember(memberOfA, `select * from public.signal_series('${b.id}'::uuid, 26)`))).rejects.toThrow();
    await db.query('rollback');
  });

  it('has an insights rollup equal to a fresh GROUP BY of the live entries, and the check notices a difference', async () => {
    expect(report.rollupVerified).toBe(true);
    expect(await rollupDifferences(db)).toBe(0);
    await db.query('delete from private.signal_weeks where ctid = (select min(ctid) from private.signal_weeks)');
    await db.query('update private.signal_account_weeks set entries = entries + 1 where ctid = (select min(ctid) from private.signal_account_weeks)');
    expect(await rollupDifferences(db)).toBe(2);
    await db.query('select private.rebuild_signal_rollup()');
    expect(await rollupDifferences(db)).toBe(0);
  });

  it("answers every read bench:db times, as a member of the largest and of the smallest organization", async () => {
    for (const k of [1, ORGS]) {
      const targets = await pickTargets(db, k);
      expect(targets.timelineAccountEntries).toBeGreaterThanOrEqual(50);
      expect(targets.lookupEmails.length).toBeGreaterThan(0);
      const queries = queriesFor(targets, await firstPageCursor(db, targets), await hasPlans(db));
      expect(queries.length).toBeGreaterThanOrEqual(14);
      for (const query of queries) {
        const rows = await runAsMember(db, targets.memberId, query.sql);
        if (query.name.startsWith('1.') || query.name.startsWith('2.')) expect(rows, query.name).toBe(51);
        if (query.name.startsWith('3.')) expect(rows, query.name).toBe(1);
      }
    }
  });
});
