// Merges racing each other and racing filings, which PGlite (one session) can never show. Each
// call runs on its own connection to a real PostgreSQL server, as PostgREST runs a request.
// The rule under test: filings and merges of one organization take the same lock, so any
// interleaving ends as if they had run one after the other — one record survives, no entry
// points at a record that is gone, every old address leads to the survivor, one history line.
// Undo takes the same lock: an undo racing another undo, a merge or filings is whole or refused.
import type { PGlite } from '@electric-sql/pglite';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createUser, emailCapture, file, freshDb, superuser, type Filed, type User } from '../db/helpers.ts';
import { rollupDrift } from '../db/insights-helpers.ts';
import { poolOf } from './pglite-shape.ts';
import { onRealPostgres, sendAgainWhileBusy } from './server.ts';

if (!onRealPostgres()) throw new Error('These tests need a real server: run `npm run test:postgres`.');

let db: PGlite;
let pool: pg.Pool;
let orgId: string;
let ana: User;
let ben: User;

beforeAll(async () => {
  db = await freshDb();
  pool = poolOf(db);
  ana = await createUser(db, `ana-${randomUUID().slice(0, 6)}@acme.test`, { display_name: 'Ana' });
  ben = await createUser(db, `ben-${randomUUID().slice(0, 6)}@acme.test`, { display_name: 'Ben' });
  orgId = await createOrganization(db, ana, `Merges ${randomUUID().slice(0, 6)}`);
  await addMember(db, ana, orgId, ben);
});

/** One call on its own connection and transaction, as `caller`. */
async function rpcIn<R>(caller: User, name: string, args: Record<string, unknown>): Promise<R> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('set local role authenticated');
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: caller.id, role: 'authenticated', email: caller.email, aud: 'authenticated' }),
    ]);
    const names = Object.keys(args);
    const values = names.map((key) => (typeof args[key] === 'object' && args[key] !== null ? JSON.stringify(args[key]) : args[key]));
    const { rows } = await client.query<{ result: R }>(
      `select public.${name}(${names.map((key, i) => `${key} => $${i + 1}`).join(', ')}) as result`,
      values,
    );
    await client.query('commit');
    return rows[0]!.result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

const together = <T>(calls: Array<() => Promise<T>>) => Promise.allSettled(calls.map((call) => call()));

async function twoPeople(): Promise<{ a: Filed; b: Filed; emailA: string; emailB: string }> {
  const emailA = `mia-${randomUUID().slice(0, 8)}@acme-robotics.example`;
  const emailB = `mia-${randomUUID().slice(0, 8)}@acme-robotics.example`;
  const a = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Mia Schmidt', email: emailA } }));
  const b = await file(db, ben, emailCapture(orgId, { contact: { full_name: 'Mia Schmidt', email: emailB } }));
  return { a, b, emailA, emailB };
}

async function consistent(ids: string[], emails: string[]): Promise<string> {
  const alive = await superuser<{ id: string }>(db, 'select id from public.contacts where id = any ($1)', [ids]);
  expect(alive).toHaveLength(1);
  const survivor = alive[0]!.id;
  const entries = await superuser<{ contact_id: string }>(db, 'select distinct contact_id from public.interactions where org_id = $1 and contact_id = any ($2)', [orgId, ids]);
  expect(entries).toEqual([{ contact_id: survivor }]);
  for (const email of emails) {
    const [owner] = await superuser<{ id: string | null }>(db, 'select private.contact_by_email($1, $2) as id', [orgId, email]);
    expect(owner!.id, email).toBe(survivor);
  }
  return survivor;
}

describe('merges at the same moment', () => {
  it('two colleagues merging the same two contacts in opposite directions leave one of them, once', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { a, b, emailA, emailB } = await twoPeople();
      const results = await together([
        () => rpcIn<string>(ana, 'merge_contacts', { org_id: orgId, keep_id: a.contact_id, merge_id: b.contact_id }),
        () => rpcIn<string>(ben, 'merge_contacts', { org_id: orgId, keep_id: b.contact_id, merge_id: a.contact_id }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((refused.reason as { code?: string }).code).toBe('P0002');
      const survivor = await consistent([a.contact_id!, b.contact_id!], [emailA, emailB]);
      const lines = await superuser(db, 'select keep_id from public.contact_merges where keep_id = $1', [survivor]);
      expect(lines).toHaveLength(1);
    }
  });

  it('filings racing a merge all land on the contact that remains', async () => {
    const { a, b, emailA, emailB } = await twoPeople();
    const captures = [
      ...Array.from({ length: 4 }, () => emailCapture(orgId, { contact: { full_name: 'Mia', email: emailB } })),
      ...Array.from({ length: 4 }, () => emailCapture(orgId, { contact: { id: b.contact_id } })),
    ];
    const results = await together<unknown>([
      () => rpcIn<string>(ana, 'merge_contacts', { org_id: orgId, keep_id: a.contact_id, merge_id: b.contact_id }),
      ...captures.map((capture) => () => sendAgainWhileBusy(() => rpcIn<Filed>(ben, 'file_interaction', { capture }))),
    ]);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    // A filing that took its turn before the merge answered with the contact as it was then;
    // the merge then moved its entry. Either way every entry ends on the contact that remains.
    const filedIds = results.slice(1).map((result) => (result as PromiseFulfilledResult<Filed>).value.id);
    for (const result of results.slice(1)) expect([a.contact_id, b.contact_id]).toContain((result as PromiseFulfilledResult<Filed>).value.contact_id);
    await consistent([a.contact_id!, b.contact_id!], [emailA, emailB]);
    const landed = await superuser<{ contact_id: string }>(db, 'select contact_id from public.interactions where id = any ($1)', [filedIds]);
    expect(landed).toHaveLength(captures.length);
    expect(new Set(landed.map((row) => row.contact_id))).toEqual(new Set([a.contact_id]));
  });

  it('two accounts merged into each other at once leave one account with every entry', async () => {
    const x = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'X', email: `x@x-${randomUUID().slice(0, 6)}.example` } }));
    const y = await file(db, ben, emailCapture(orgId, { contact: { full_name: 'Y', email: `y@y-${randomUUID().slice(0, 6)}.example` } }));
    const results = await together([
      () => rpcIn<string>(ana, 'merge_accounts', { org_id: orgId, keep_id: x.account_id, merge_id: y.account_id }),
      () => rpcIn<string>(ben, 'merge_accounts', { org_id: orgId, keep_id: y.account_id, merge_id: x.account_id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const alive = await superuser<{ id: string }>(db, 'select id from public.accounts where id = any ($1)', [[x.account_id, y.account_id]]);
    expect(alive).toHaveLength(1);
    const entries = await superuser<{ account_id: string }>(db, 'select account_id from public.interactions where id = any ($1)', [[x.id, y.id]]);
    expect(entries).toEqual([{ account_id: alive[0]!.id }, { account_id: alive[0]!.id }]);
    const domains = await superuser(db, 'select domain from public.account_domains where account_id = $1', [alive[0]!.id]);
    expect(domains).toHaveLength(2);
  });
});

const lineId = async (table: 'contact_merges' | 'account_merges', mergedId: string): Promise<string> =>
  (await superuser<{ id: string }>(db, `select id from public.${table} where merged_id = $1 and undone_at is null`, [mergedId]))[0]!.id;

describe('undos at the same moment', () => {
  it('the same merge undone twice at once is undone once; the other is told it already was', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { a, b, emailA, emailB } = await twoPeople();
      await rpcIn(ana, 'merge_contacts', { org_id: orgId, keep_id: a.contact_id, merge_id: b.contact_id });
      const merge = await lineId('contact_merges', b.contact_id!);
      const results = await together([
        () => rpcIn<string>(ana, 'undo_merge', { org_id: orgId, merge_id: merge }),
        () => rpcIn<string>(ben, 'undo_merge', { org_id: orgId, merge_id: merge }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<string>).value)).toEqual([b.contact_id]);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((refused.reason as Error).message).toBe('merge_id: this merge has already been undone');
      const alive = await superuser(db, 'select id from public.contacts where id = any ($1)', [[a.contact_id, b.contact_id]]);
      expect(alive).toHaveLength(2);
      for (const [email, owner] of [[emailA, a.contact_id], [emailB, b.contact_id]] as const) {
        const [found] = await superuser<{ id: string }>(db, 'select private.contact_by_email($1, $2) as id', [orgId, email]);
        expect(found!.id, email).toBe(owner);
      }
      expect(await superuser(db, 'select contact_id from public.interactions where id = $1', [b.id])).toEqual([{ contact_id: b.contact_id }]);
    }
  });

  it('an undo racing a merge of the kept contact into a third ends one way or the other, never half', async () => {
    for (let round = 0; round < 4; round += 1) {
      const { a, b } = await twoPeople();
      const c = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Mia Schmidt', email: `mia-${randomUUID().slice(0, 8)}@acme-robotics.example` } }));
      await rpcIn(ana, 'merge_contacts', { org_id: orgId, keep_id: a.contact_id, merge_id: b.contact_id });
      const merge = await lineId('contact_merges', b.contact_id!);
      const [undo, merged] = await together<unknown>([
        () => rpcIn<string>(ben, 'undo_merge', { org_id: orgId, merge_id: merge }),
        () => rpcIn<string>(ana, 'merge_contacts', { org_id: orgId, keep_id: c.contact_id, merge_id: a.contact_id }),
      ]);
      expect(merged!.status).toBe('fulfilled');
      const entries = new Map(
        (await superuser<{ id: string; contact_id: string }>(db, 'select id, contact_id from public.interactions where id = any ($1)', [[a.id, b.id, c.id]])).map((row) => [row.id, row.contact_id]),
      );
      if (undo!.status === 'fulfilled') {
        // The undo ran first: Mia b is back with her entry, then a went into c.
        expect(entries).toEqual(new Map([[a.id, c.contact_id], [b.id, b.contact_id], [c.id, c.contact_id]]));
      } else {
        // The merge ran first: the kept contact is gone, so the undo is refused and nothing moved.
        expect(((undo as PromiseRejectedResult).reason as Error).message).toMatch(/has since been merged into another contact; undo that merge first$/);
        expect(entries).toEqual(new Map([[a.id, c.contact_id], [b.id, c.contact_id], [c.id, c.contact_id]]));
      }
      const live = await superuser(db, 'select 1 from public.interactions i where i.id = any ($1) and not exists (select 1 from public.contacts c where c.id = i.contact_id)', [[a.id, b.id, c.id]]);
      expect(live).toEqual([]);
    }
  });

  it('filings racing an account undo land on a live account, and after it the merged domain finds its own account again', async () => {
    const suffix = randomUUID().slice(0, 6);
    const x = await file(db, ana, emailCapture(orgId, { signals: ['pricing'], contact: { full_name: 'X', email: `x@x-${suffix}.example` } }));
    const y = await file(db, ben, emailCapture(orgId, { signals: ['pricing', 'churn_risk'], contact: { full_name: 'Y', email: `y@y-${suffix}.example` } }));
    await rpcIn(ana, 'merge_accounts', { org_id: orgId, keep_id: x.account_id, merge_id: y.account_id });
    const merge = await lineId('account_merges', y.account_id!);
    const captures = Array.from({ length: 6 }, (_, n) => emailCapture(orgId, { signals: ['objection'], contact: { full_name: `New ${n}`, email: `new${n}@y-${suffix}.example` } }));
    const results = await together<unknown>([
      () => rpcIn<string>(ben, 'undo_merge', { org_id: orgId, merge_id: merge }),
      ...captures.map((capture) => () => sendAgainWhileBusy(() => rpcIn<Filed>(ana, 'file_interaction', { capture }))),
    ]);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect((results[0] as PromiseFulfilledResult<string>).value).toBe(y.account_id);
    // Filed before the undo: on the kept account, and it stays there. After: on its own again.
    const landed = await superuser<{ account_id: string }>(db, 'select account_id from public.interactions where id = any ($1)', [captures.map((c) => c.id)]);
    expect(landed).toHaveLength(captures.length);
    for (const row of landed) expect([x.account_id, y.account_id]).toContain(row.account_id);
    expect(await superuser(db, 'select account_id from public.interactions where id = $1', [y.id])).toEqual([{ account_id: y.account_id }]);
    const later = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Later', email: `later@y-${suffix}.example` } }));
    expect(later.account_id).toBe(y.account_id);
    expect(await rollupDrift(db)).toEqual([]);
  });
});
