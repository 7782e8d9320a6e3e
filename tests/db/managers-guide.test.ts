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

  it('has ready queries, and each runs on the schema', async () => {
    expect(queries.length).toBeGreaterThanOrEqual(3);
    for (const sql of queries) {
      const rows = await superuser(db, sql.replaceAll("'<org id>'", `'${orgId}'`));
      expect(Array.isArray(rows)).toBe(true);
    }
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
});
