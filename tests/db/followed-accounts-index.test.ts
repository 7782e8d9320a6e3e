// For you's follows read: account_timeline for a handful of followed accounts, filed after
// the rep last looked, newest first, 50 at most. On a team with long histories it must be
// answered from an index per account and filing time, not by reading each account's history.
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, createOrganization, createUser, freshDb, superuser, type User } from './helpers.ts';

let db: PGlite;
let ana: User;
let orgId: string;

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example', { display_name: 'Ana' });
  orgId = await createOrganization(db, ana, 'Long history');
  // 200 accounts with 300 entries each, one an hour back from now (60,000 entries).
  await superuser(db, `insert into public.accounts (org_id, name) select $1, 'Account ' || n from generate_series(1, 200) n`, [orgId]);
  await superuser(
    db,
    `insert into public.interactions (org_id, account_id, author_id, kind, occurred_at, created_at, title)
     select a.org_id, a.id, $2, 'note', now() - n * interval '1 hour', now() - n * interval '1 hour', 'Note'
     from public.accounts a cross join generate_series(1, 300) n where a.org_id = $1`,
    [orgId, ana.id],
  );
  await superuser(db, 'analyze');
});

describe('the follows read', () => {
  it('uses the index on account and filing time', async () => {
    const followed = (await superuser<{ id: string }>(db, 'select id from public.accounts where org_id = $1 order by id limit 5', [orgId])).map((r) => r.id);
    const since = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const plan = await as(db, ana, async (tx) => {
      const sql = `select id, account_id, account_name, title, author_display_name, occurred_at, created_at
        from public.account_timeline
        where org_id = $1 and account_id = any ($2) and author_id <> $3 and created_at > $4
        order by created_at desc limit 50`;
      const rows = (await tx.query(sql, [orgId, followed, '00000000-0000-0000-0000-000000000000', since])).rows;
      expect(rows).toHaveLength(50);
      const explained = await tx.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, [orgId, followed, '00000000-0000-0000-0000-000000000000', since]);
      return explained.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index (Only )?Scan .*interactions_account_created_at_idx|Bitmap Index Scan on interactions_account_created_at_idx/);
    expect(plan).toMatch(/Index Cond: .*created_at >/);
  });
});
