// docs/managers.md stays true of the schema: every table and view it must explain is there,
// and every ready query in it runs against the real migrations.
import type { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb, superuser } from './helpers.ts';

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

  it('answers "which accounts wait on us" and "whose promises to us are overdue" from open, overdue steps only', async () => {
    const waitingOnUs = queries.find((sql) => /side = 'ours'/.test(sql));
    const theirPromises = queries.find((sql) => /side = 'theirs'/.test(sql));
    expect(waitingOnUs && theirPromises, 'the guide has both plan queries').toBeTruthy();
    const accounts = await superuser<{ id: string; name: string }>(
      db,
      'select id, name from public.accounts where org_id = $1 order by name limit 2',
      [orgId],
    );
    const [member] = await superuser<{ user_id: string }>(db, 'select user_id from public.memberships where org_id = $1 limit 1', [orgId]);
    const [contact] = await superuser<{ id: string; full_name: string }>(
      db,
      'select id, full_name from public.contacts where account_id = $1 limit 1',
      [accounts[0]!.id],
    );
    const step = (account: string, side: string, body: string, days: number, extra = '') =>
      superuser(
        db,
        `insert into public.plan_items (org_id, account_id, kind, side, body, due_on, author_id, contact_id${extra ? ', settled_at, outcome' : ''})
         values ($1, $2, 'step', $3, $4, current_date + $5::int, $6, $7${extra})`,
        [orgId, account, side, body, days, member!.user_id, side === 'theirs' && account === accounts[0]!.id ? contact!.id : null],
      );
    const [first, second] = accounts as [{ id: string; name: string }, { id: string; name: string }];
    await step(first.id, 'ours', 'Send the annual pricing', -5);
    await step(first.id, 'ours', 'Book the workshop', -2);
    await step(first.id, 'ours', 'Due next week', 7);
    await step(first.id, 'ours', 'Already sent', -9, ", now(), 'done'");
    await step(second.id, 'ours', 'Call back about the pilot', -1);
    await step(first.id, 'theirs', 'Send the store list', -3);
    await step(second.id, 'theirs', 'Confirm the budget', -4);
    await step(second.id, 'theirs', 'Not due yet', 3);
    await superuser(
      db,
      `insert into public.plan_items (org_id, account_id, kind, body, author_id) values ($1, $2, 'goal', 'A goal has no date', $3)`,
      [orgId, first.id, member!.user_id],
    );

    const waiting = await superuser<{ account: string; overdue_promises: number; what_we_promised: string }>(
      db,
      waitingOnUs!.replaceAll("'<org id>'", `'${orgId}'`),
    );
    expect(waiting.map((row) => [row.account, Number(row.overdue_promises), row.what_we_promised])).toEqual([
      [first.name, 2, 'Send the annual pricing · Book the workshop'],
      [second.name, 1, 'Call back about the pilot'],
    ]);
    const overdue = await superuser<{ account: string; who: string; promise: string }>(
      db,
      theirPromises!.replaceAll("'<org id>'", `'${orgId}'`),
    );
    expect(overdue.map((row) => [row.account, row.who, row.promise])).toEqual(
      [
        [first.name, contact!.full_name, 'Send the store list'],
        [second.name, `someone at ${second.name}`, 'Confirm the budget'],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
  });
});
