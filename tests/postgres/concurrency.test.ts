// What PGlite (one session) can never show: the rules hold when several people act at the
// same moment. Each session below is its own connection to a real PostgreSQL server, acting
// as one user exactly as PostgREST does (a transaction, `set local role`, the JWT claims).
import type { PGlite } from '@electric-sql/pglite';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createOrganization,
  createUser,
  emailCapture,
  file,
  freshDb,
  rpc,
  superuser,
  type Filed,
  type Row,
  type User,
} from '../db/helpers.ts';
import { poolOf } from './pglite-shape.ts';
import { onRealPostgres, sendAgainWhileBusy } from './server.ts';

if (!onRealPostgres()) throw new Error('These tests need a real server: run `npm run test:postgres`.');

let db: PGlite;
let pool: pg.Pool;

beforeAll(async () => {
  db = await freshDb();
  pool = poolOf(db);
});

/** One transaction on its own connection, as `caller`, the way PostgREST runs a request. */
async function session<T>(caller: User, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('set local role authenticated');
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify({ sub: caller.id, role: 'authenticated', email: caller.email, aud: 'authenticated' }),
    ]);
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

function rpcIn<R>(caller: User, name: string, args: Record<string, unknown>): Promise<R> {
  const names = Object.keys(args);
  const list = names.map((key, index) => `${key} => $${index + 1}`).join(', ');
  const values = names.map((key) => {
    const value = args[key];
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value;
  });
  return session(caller, async (client) => {
    const { rows } = await client.query<{ result: R }>(`select public.${name}(${list}) as result`, values);
    return rows[0]!.result;
  });
}

/** Starts every call at once (each on its own connection) and waits for all of them. */
function together<T>(calls: Array<() => Promise<T>>): Promise<PromiseSettledResult<T>[]> {
  return Promise.allSettled(calls.map((call) => call()));
}

async function team(label: string): Promise<{ orgId: string; admin: User; members: User[] }> {
  const admin = await createUser(db, `${label}-admin-${randomUUID().slice(0, 6)}@acme.test`);
  const orgId = await createOrganization(db, admin, `${label} ${randomUUID().slice(0, 6)}`);
  const members: User[] = [];
  for (let i = 0; i < 3; i += 1) {
    const member = await createUser(db, `${label}-${i}-${randomUUID().slice(0, 6)}@acme.test`);
    await addMember(db, admin, orgId, member);
    members.push(member);
  }
  return { orgId, admin, members };
}

describe('filing at the same moment', () => {
  it('one item sent several times at once (a retry while the first is in flight) makes one row', async () => {
    const { orgId, members } = await team('same-id');
    const author = members[0]!;
    for (let round = 0; round < 5; round += 1) {
      const capture = emailCapture(orgId);
      const results = await together(Array.from({ length: 6 }, () => () => sendAgainWhileBusy(() => rpcIn<Filed>(author, 'file_interaction', { capture }))));
      const filed = results.map((r) => {
        if (r.status !== 'fulfilled') throw r.reason;
        return r.value;
      });
      expect(new Set(filed.map((f) => f.id))).toEqual(new Set([capture.id]));
      expect(filed.filter((f) => f.created)).toHaveLength(1);
      const rows = await superuser(db, 'select id from public.interactions where id = $1', [capture.id]);
      expect(rows).toHaveLength(1);
    }
  });

  it('the same message filed by colleagues at once (different ids) makes one row', async () => {
    const { orgId, members } = await team('same-source');
    for (let round = 0; round < 5; round += 1) {
      const sourceRef = `linkedin-event-${randomUUID()}`;
      const captures = members.map(() =>
        emailCapture(orgId, { kind: 'linkedin_message', source_ref: sourceRef, source_url: 'https://www.linkedin.com/messaging/thread/2-abc/' }),
      );
      const results = await together(members.map((m, i) => () => sendAgainWhileBusy(() => rpcIn<Filed>(m, 'file_interaction', { capture: captures[i] }))));
      const filed = results.map((r) => {
        if (r.status !== 'fulfilled') throw r.reason;
        return r.value;
      });
      expect(new Set(filed.map((f) => f.id)).size).toBe(1);
      expect(filed.filter((f) => f.created)).toHaveLength(1);
      const rows = await superuser(db, 'select id from public.interactions where org_id = $1 and source_ref = $2', [
        orgId,
        sourceRef,
      ]);
      expect(rows).toHaveLength(1);
    }
  });

  it('twenty different items filed at once are all stored, once each', async () => {
    const { orgId, members } = await team('many');
    const captures = Array.from({ length: 20 }, () => emailCapture(orgId));
    const results = await together(captures.map((capture, i) => () => sendAgainWhileBusy(() => rpcIn<Filed>(members[i % 3]!, 'file_interaction', { capture }))));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const rows = await superuser<{ id: string }>(db, 'select id from public.interactions where id = any($1::uuid[])', [
      captures.map((c) => c.id),
    ]);
    expect(rows.map((r) => r.id).sort()).toEqual(captures.map((c) => c.id as string).sort());
  });

  it('a filing that cannot have its team’s turn within a moment gives up, another team files meanwhile, and sent again it is stored once', async () => {
    const busy = await team('busy');
    const quiet = await team('quiet');
    // Something of the busy team (a long merge, an import) holds the team's turn.
    const holder = await pool.connect();
    try {
      await holder.query('begin');
      await holder.query(`select pg_advisory_xact_lock(hashtextextended('highcard.file_interaction:' || $1, 0))`, [busy.orgId]);
      const capture = emailCapture(busy.orgId);
      const started = performance.now();
      const refusal = await rpcIn<Filed>(busy.members[0]!, 'file_interaction', { capture }).then(
        () => null,
        (error: { code?: string; message?: string }) => error,
      );
      expect(refusal?.code).toBe('55P03');
      expect(refusal?.message).toMatch(/sent again shortly/);
      // It waited a moment, not until the holder was done.
      expect(performance.now() - started).toBeLessThan(2_000);
      const other = await rpcIn<Filed>(quiet.members[0]!, 'file_interaction', { capture: emailCapture(quiet.orgId) });
      expect(other.created).toBe(true);
      await holder.query('commit');

      const again = await rpcIn<Filed>(busy.members[0]!, 'file_interaction', { capture });
      expect(again).toMatchObject({ id: capture.id, created: true });
      const once = await rpcIn<Filed>(busy.members[0]!, 'file_interaction', { capture });
      expect(once).toMatchObject({ id: capture.id, created: false });
      const rows = await superuser(db, 'select id from public.interactions where id = $1', [capture.id]);
      expect(rows).toHaveLength(1);
    } finally {
      await holder.query('rollback').catch(() => undefined);
      holder.release();
    }
  });
});

describe('editing at the same moment', () => {
  it('two edits of one entry from two of its author\'s sessions leave both previous texts as revisions', async () => {
    const { orgId, members } = await team('edit');
    const author = members[0]!;
    const capture = emailCapture(orgId, { body: 'original words' });
    await file(db, author, capture);
    const edit = (body: string) => () =>
      session(author, (client) => client.query('update public.interactions set body = $1 where id = $2', [body, capture.id]));
    const results = await together([edit('first edit'), edit('second edit')]);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);

    const [entry] = await superuser<{ body: string }>(db, 'select body from public.interactions where id = $1', [capture.id]);
    const revisions = await superuser<{ body: string }>(
      db,
      'select body from public.interaction_revisions where interaction_id = $1',
      [capture.id],
    );
    // No lost update: the second writer waited for the first, so its revision holds the
    // first writer's text, and every text ever saved is still somewhere.
    expect(revisions).toHaveLength(2);
    const seen = [entry!.body, ...revisions.map((r) => r.body)].sort();
    expect(seen).toEqual(['first edit', 'original words', 'second edit']);
  });

  it('a colleague editing at the same moment changes nothing', async () => {
    const { orgId, members } = await team('edit-other');
    const [author, colleague] = members as [User, User];
    const capture = emailCapture(orgId, { body: 'the customer said this' });
    await file(db, author, capture);
    const results = await together([
      () => session(author, (c) => c.query('update public.interactions set body = $1 where id = $2', ['author edit', capture.id])),
      () => session(colleague, (c) => c.query('update public.interactions set body = $1 where id = $2 returning id', ['hijack', capture.id])),
    ]);
    const colleagueResult = results[1]!;
    if (colleagueResult.status === 'fulfilled') expect(colleagueResult.value.rowCount).toBe(0);
    const [entry] = await superuser<{ body: string }>(db, 'select body from public.interactions where id = $1', [capture.id]);
    expect(entry!.body).toBe('author edit');
  });
});

describe('membership at the same moment', () => {
  it('one invite code raced by two people lets exactly one in', async () => {
    const { orgId, admin } = await team('invite-race');
    for (let round = 0; round < 5; round += 1) {
      const code = await rpc<string>(db, admin, 'create_invite', { org_id: orgId, role: 'member' });
      const people = [
        await createUser(db, `racer-a-${randomUUID().slice(0, 6)}@acme.test`),
        await createUser(db, `racer-b-${randomUUID().slice(0, 6)}@acme.test`),
      ];
      const results = await together(people.map((p) => () => rpcIn<string>(p, 'join_organization', { code })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const joined = await superuser(db, 'select user_id from public.memberships where org_id = $1 and user_id = any($2::uuid[])', [
        orgId,
        people.map((p) => p.id),
      ]);
      expect(joined).toHaveLength(1);
    }
  });

  it('a join racing a role change leaves one membership with a role someone chose', async () => {
    const { orgId, admin } = await team('join-role');
    for (let round = 0; round < 5; round += 1) {
      const newcomer = await createUser(db, `newcomer-${randomUUID().slice(0, 6)}@acme.test`);
      const code = await rpc<string>(db, admin, 'create_invite', { org_id: orgId, role: 'member' });
      const [joined, promoted] = await together<unknown>([
        () => rpcIn(newcomer, 'join_organization', { code }),
        () => rpcIn(admin, 'set_member_role', { org_id: orgId, user_id: newcomer.id, role: 'manager' }),
      ]);
      expect(joined!.status).toBe('fulfilled');
      const rows = await superuser<{ role: string }>(db, 'select role from public.memberships where org_id = $1 and user_id = $2', [
        orgId,
        newcomer.id,
      ]);
      expect(rows).toHaveLength(1);
      // The promotion either came after the join (manager) or found no member and was refused.
      expect(rows[0]!.role).toBe(promoted!.status === 'fulfilled' ? 'manager' : 'member');
    }
  });

  it('two admins demoting each other at once never leave the organization without an admin', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { orgId, admin, members } = await team('demote');
      const second = members[0]!;
      await rpc(db, admin, 'set_member_role', { org_id: orgId, user_id: second.id, role: 'admin' });
      await together([
        () => rpcIn(admin, 'set_member_role', { org_id: orgId, user_id: second.id, role: 'member' }),
        () => rpcIn(second, 'set_member_role', { org_id: orgId, user_id: admin.id, role: 'member' }),
      ]);
      const admins = await superuser<Row>(db, `select user_id from public.memberships where org_id = $1 and role = 'admin'`, [orgId]);
      expect(admins).toHaveLength(1);
    }
  });
});
