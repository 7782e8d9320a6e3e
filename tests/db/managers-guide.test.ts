// docs/managers.md stays true of the schema: every table and view it must explain is there,
// and every ready query in it runs against the real migrations.
import type { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { overdueByAccount, type OverdueAccount, type OverdueStep } from '../../utils/plans/overdue.ts';
import { freshDb, query, superuser } from './helpers.ts';

const guide = readFileSync(new URL('../../docs/managers.md', import.meta.url), 'utf8');
const queries = [...guide.matchAll(/```sql\n([\s\S]*?)```/g)].map((match) => match[1]!);

let db: PGlite;
let orgId: string;

beforeAll(async () => {
  db = await freshDb({ seed: true });
  [{ id: orgId }] = (await superuser<{ id: string }>(db, 'select id from public.organizations order by name limit 1')) as [
    { id: string },
  ];
});

describe("the managers' guide", () => {
  it('explains every table and view of the public schema', async () => {
    const relations = await superuser<{ name: string }>(
      db,
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p')`,
    );
    const missing = relations.map((r) => r.name).filter((name) => !guide.includes(`\`${name}\``));
    expect(missing, 'tables or views docs/managers.md does not explain').toEqual([]);
  });

  it('answers "what changed", "gone quiet", "last quarter at Acme" and "churn risk" with the rows the data calls for', async () => {
    expect(queries.length).toBe(7);
    const run = <T,>(sql: string) => superuser<T>(db, sql.replaceAll("'<org id>'", `'${orgId}'`));
    const [member] = await superuser<{ user_id: string }>(db, 'select user_id from public.memberships where org_id = $1 limit 1', [orgId]);
    const account = async (name: string, ...ago: string[]) => {
      const [{ id }] = (await superuser<{ id: string }>(db, 'insert into public.accounts (org_id, name) values ($1, $2) returning id', [orgId, name])) as [{ id: string }];
      for (const when of ago) {
        await superuser(
          db,
          `insert into public.interactions (org_id, account_id, author_id, kind, occurred_at, title) values ($1, $2, $3, 'note', ${when}, $4)`,
          [orgId, id, member!.user_id, `${name} at ${when}`],
        );
      }
    };
    await account('Quiet Harbour', "now() - interval '90 days'");
    await account('Acme Lastquarter', "date_trunc('quarter', now()) - interval '6 weeks'", "now() - interval '1 hour'");

    const changes = await run<{ signal: string; direction: string; recent: number; baseline: number }>(queries[1]!);
    expect(changes.map((row) => [row.signal, row.direction, Number(row.recent), Number(row.baseline)])).toEqual([['buying_signal', 'up', 4, 1]]);
    const quiet = await run<{ name: string }>(queries[2]!);
    expect(quiet.map((row) => row.name)).toEqual(['Quiet Harbour']);
    const quarter = await run<{ title: string }>(queries[3]!);
    expect(quarter.map((row) => row.title)).toEqual([`Acme Lastquarter at date_trunc('quarter', now()) - interval '6 weeks'`]);
    const churn = await run<{ name: string; entries: number }>(queries[4]!);
    expect(churn.map((row) => [row.name, Number(row.entries)])).toEqual([['Globex Logistics', 2]]);
    await superuser(db, "delete from public.interactions where account_id in (select id from public.accounts where name in ('Quiet Harbour', 'Acme Lastquarter'))");
    await superuser(db, "delete from public.accounts where name in ('Quiet Harbour', 'Acme Lastquarter')");
  });

  it('answers "signals by week" with the same numbers as signal_trends', async () => {
    const fromGuide = await superuser<{ week: Date; signal: string; entries: number; accounts: number }>(
      db,
      queries[0]!.replaceAll("'<org id>'", `'${orgId}'`),
    );
    const fromView = await superuser<{ week: Date; signal: string; entries: number; accounts: number }>(
      db,
      `select week, signal, entries, accounts from public.signal_trends
       where org_id = $1 and week >= date_trunc('week', now() at time zone 'utc') - interval '25 weeks'`,
      [orgId],
    );
    const key = (row: { week: Date | string; signal: string; entries: number; accounts: number }) =>
      `${new Date(row.week).toISOString().slice(0, 10)}|${row.signal}|${Number(row.entries)}|${Number(row.accounts)}`;
    expect(fromGuide.length).toBeGreaterThan(0);
    expect(fromGuide.map(key).sort()).toEqual(fromView.map(key).sort());
  });

  it('answers "which accounts wait on us" and "whose promises to us are overdue" from open, overdue steps only, by account', async () => {
    const waitingOnUs = queries.find((sql) => /side = 'ours'/.test(sql));
    const theirPromises = queries.find((sql) => /side = 'theirs'/.test(sql));
    expect(waitingOnUs && theirPromises, 'the guide has both plan queries').toBeTruthy();
    const [member] = await superuser<{ user_id: string }>(db, 'select user_id from public.memberships where org_id = $1 limit 1', [orgId]);
    const newAccount = async (name: string) =>
      ((await superuser<{ id: string }>(db, 'insert into public.accounts (org_id, name) values ($1, $2) returning id', [orgId, name])) as [{ id: string }])[0].id;
    const first = { id: await newAccount('Aardvark Waiting'), name: 'Aardvark Waiting' };
    const second = { id: await newAccount('Zebra Waiting'), name: 'Zebra Waiting' };
    const step = (account: string, side: string, body: string, days: number, extra = '') =>
      superuser(
        db,
        `insert into public.plan_items (org_id, account_id, kind, side, body, due_on, author_id${extra ? ', settled_at, outcome' : ''})
         values ($1, $2, 'step', $3, $4, current_date + $5::int, $6${extra})`,
        [orgId, account, side, body, days, member!.user_id],
      );
    await step(first.id, 'ours', 'Send the annual pricing', -50);
    await step(first.id, 'ours', 'Book the workshop', -2);
    await step(first.id, 'ours', 'Due next week', 7);
    await step(first.id, 'ours', 'Already sent', -90, ", now(), 'done'");
    await step(second.id, 'ours', 'Call back about the pilot', -1);
    await step(first.id, 'theirs', 'Send the store list', -3);
    await step(second.id, 'theirs', 'Confirm the budget', -40);
    await step(second.id, 'theirs', 'Confirm the date', -10);
    await step(second.id, 'theirs', 'Not due yet', 3);
    await superuser(
      db,
      `insert into public.plan_items (org_id, account_id, kind, body, author_id) values ($1, $2, 'goal', 'A goal has no date', $3)`,
      [orgId, first.id, member!.user_id],
    );
    const day = async (days: number) =>
      ((await superuser<{ day: string }>(db, 'select (current_date + $1::int)::text as day', [days])) as [{ day: string }])[0].day;
    const ours = [first.id, second.id];

    type Row = { account: string; overdue_steps: number; oldest_due_on: string };
    const run = (sql: string) =>
      superuser<Row>(db, `select account, overdue_steps::int, oldest_due_on::text from (${sql.trim().replace(/;$/, '')}) q`.replaceAll("'<org id>'", `'${orgId}'`));
    const rows = (all: Row[]) => all.filter((row) => [first.name, second.name].includes(row.account)).map((row) => [row.account, Number(row.overdue_steps), row.oldest_due_on]);
    const waiting = await run(waitingOnUs!);
    expect(rows(waiting)).toEqual([
      [first.name, 2, await day(-50)],
      [second.name, 1, await day(-1)],
    ]);
    const overdue = await run(theirPromises!);
    expect(rows(overdue)).toEqual([
      [second.name, 2, await day(-40)],
      [first.name, 1, await day(-3)],
    ]);

    // What Insights shows: a member's due_steps up to yesterday, grouped by account in the page.
    const [user] = await superuser<{ id: string; email: string }>(db, 'select id, email from auth.users where id = $1', [member!.user_id]);
    const steps = await query<OverdueStep>(
      db,
      user!,
      'select account_id, account_name, side, due_on::text as due_on from public.due_steps(org_id => $1, until => current_date - 1)',
      [orgId],
    );
    const screen = overdueByAccount(steps, await day(0));
    const shown = (list: OverdueAccount[]) => list.map((a) => [a.account_name, a.overdue_steps, a.oldest_due_on]);
    const guide = (all: Row[]) => all.map((row) => [row.account, Number(row.overdue_steps), row.oldest_due_on]);
    expect(shown(screen.ours)).toEqual(guide(waiting));
    expect(shown(screen.theirs)).toEqual(guide(overdue));
    expect(screen.ours.map((a) => a.account_id)).toEqual(expect.arrayContaining(ours));
    await superuser(db, 'delete from public.plan_items where account_id = any($1::uuid[])', [ours]);
    await superuser(db, 'delete from public.accounts where id = any($1::uuid[])', [ours]);
  });
});
