// Insights' rollup under concurrent writers, which PGlite (one session) can never show:
// colleagues filing, retracting and editing entries in the same account, week and signal at
// the same moment, while a merge moves entries between accounts, must leave every cell — and
// the distinct-account counts — equal to a fresh GROUP BY.
import type { PGlite } from '@electric-sql/pglite';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createUser, emailCapture, freshDb, superuser, type Filed, type User } from '../db/helpers.ts';
import { rollupDrift } from '../db/insights-helpers.ts';
import { poolOf } from './pglite-shape.ts';
import { onRealPostgres, sendAgainWhileBusy } from './server.ts';

if (!onRealPostgres()) throw new Error('These tests need a real server: run `npm run test:postgres`.');

let db: PGlite;
let pool: pg.Pool;

beforeAll(async () => {
  db = await freshDb();
  pool = poolOf(db);
});

/** One statement in its own transaction on its own connection, as `caller` (as PostgREST runs it). */
async function as<T = unknown>(caller: User, sql: string, values: unknown[]): Promise<T[]> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('set local role authenticated');
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: caller.id, role: 'authenticated', email: caller.email, aud: 'authenticated' }),
    ]);
    const { rows } = await client.query(sql, values);
    await client.query('commit');
    return rows as T[];
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

const fileAs = async (caller: User, capture: Record<string, unknown>): Promise<Filed> =>
  sendAgainWhileBusy(async () =>
    (await as<{ result: Filed }>(caller, 'select public.file_interaction(capture => $1) as result', [JSON.stringify(capture)]))[0]!.result,
  );

describe('the insights rollup with colleagues writing at once', () => {
  it('stays exact when the same cells are filed, retracted, edited and merged concurrently', async () => {
    const admin = await createUser(db, `insights-admin-${randomUUID().slice(0, 6)}@acme.test`);
    const orgId = await createOrganization(db, admin, `Insights ${randomUUID().slice(0, 6)}`);
    const members: User[] = [admin];
    for (let i = 0; i < 3; i += 1) {
      const member = await createUser(db, `insights-${i}-${randomUUID().slice(0, 6)}@acme.test`);
      await addMember(db, admin, orgId, member);
      members.push(member);
    }
    // Two accounts, the same week and signals: every writer hits the same few cells.
    const capture = (n: number) =>
      emailCapture(orgId, {
        occurred_at: '2026-11-17T10:00:00Z',
        signals: n % 2 ? ['pricing'] : ['pricing', 'objection'],
        contact: { full_name: `Buyer ${n % 2}`, email: `buyer@${n % 2 ? 'acme' : 'globex'}-concurrency.example` },
      });

    const filed: Array<{ id: string; author: User }> = [];
    for (let round = 0; round < 4; round += 1) {
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) => async () => {
          const author = members[i % members.length]!;
          const entry = await fileAs(author, capture(round * 12 + i));
          filed.push({ id: entry.id, author });
        }).map((run) => run()),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    }

    // At once: authors retract some, edit the signals of others, and a merge moves every
    // entry of one account to the other with one plain UPDATE.
    const [acme] = await superuser<{ account_id: string }>(db, `select account_id from public.interactions where id = $1`, [filed[1]!.id]);
    const [globex] = await superuser<{ account_id: string }>(db, `select account_id from public.interactions where id = $1`, [filed[0]!.id]);
    const writes = [
      ...filed.slice(0, 10).map(({ id, author }) => () => as(author, 'select public.retract_interaction(id => $1)', [id])),
      ...filed.slice(10, 20).map(({ id, author }) => () =>
        as(author, `update public.interactions set signals = array['praise', 'pricing'] where id = $1`, [id]),
      ),
      ...filed.slice(20, 30).map((_, i) => () => fileAs(members[i % members.length]!, capture(100 + i))),
      () => pool.query('update public.interactions set account_id = $2 where account_id = $1', [globex!.account_id, acme!.account_id]),
    ];
    const results = await Promise.allSettled(writes.map((write) => write()));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

    expect(await rollupDrift(db)).toEqual([]);
    const [cell] = await superuser<{ entries: number; accounts: number }>(
      db,
      `select entries, accounts from private.signal_weeks where org_id = $1 and week = '2026-11-16' and signal = 'pricing'`,
      [orgId],
    );
    expect(cell!.entries).toBe(48 - 10 + 10);
    expect(cell!.accounts).toBeGreaterThanOrEqual(1);
  });
});
