// Database test helpers: a fresh PGlite with the real migrations, users made as superuser,
// and queries run as the API roles (anon, authenticated) exactly as PostgREST runs them:
// inside a transaction, `set local role` plus the JWT claims in `request.jwt.claims`.
import { randomUUID } from 'node:crypto';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { expect } from 'vitest';
import { applySchema } from '../../supabase/local/schema.ts';
import { onRealPostgres } from '../postgres/server.ts';
import { realPostgresDb } from '../postgres/pglite-shape.ts';

export interface User {
  id: string;
  email: string;
}

export type Caller = User | 'anon';

export type Row = Record<string, unknown>;

/** A new database with the platform SQL and every migration applied: in-process PGlite,
 * or a scratch database on a real PostgreSQL server under `npm run test:postgres`. */
export async function freshDb(options: { seed?: boolean } = {}): Promise<PGlite> {
  if (onRealPostgres()) return realPostgresDb(options);
  const db = new PGlite();
  await applySchema(db, options);
  return db;
}

/** Adds a user to auth.users as superuser, as Supabase Auth would on sign-up. */
export async function createUser(
  db: PGlite,
  email: string,
  metadata: Record<string, string> = {},
): Promise<User> {
  const id = randomUUID();
  await db.query('insert into auth.users (id, email, raw_user_meta_data) values ($1, $2, $3)', [
    id,
    email,
    JSON.stringify(metadata),
  ]);
  return { id, email };
}

function claimsFor(caller: Caller): string {
  if (caller === 'anon') return JSON.stringify({ role: 'anon' });
  return JSON.stringify({ sub: caller.id, role: 'authenticated', email: caller.email, aud: 'authenticated' });
}

/** Runs `fn` in a transaction as the API role of `caller`; rolled back if it throws. */
export async function as<T>(db: PGlite, caller: Caller, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.exec(`set local role ${caller === 'anon' ? 'anon' : 'authenticated'}`);
    await tx.query(`select set_config('request.jwt.claims', $1, true)`, [claimsFor(caller)]);
    return fn(tx);
  });
}

/** One query as `caller`; returns its rows. */
export async function query<R = Row>(db: PGlite, caller: Caller, sql: string, params: unknown[] = []): Promise<R[]> {
  return as(db, caller, async (tx) => (await tx.query<R>(sql, params)).rows);
}

/** Calls a public function as `caller` with named arguments, as supabase-js `rpc()` does. */
export async function rpc<R = unknown>(db: PGlite, caller: Caller, name: string, args: Record<string, unknown> = {}): Promise<R> {
  const names = Object.keys(args);
  const list = names.map((key, index) => `${key} => $${index + 1}`).join(', ');
  const values = names.map((key) => {
    const value = args[key];
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value;
  });
  const rows = await query<{ result: R }>(db, caller, `select public.${name}(${list}) as result`, values);
  return rows[0]!.result;
}

/** Superuser read, only for checking what landed. */
export async function superuser<R = Row>(db: PGlite, sql: string, params: unknown[] = []): Promise<R[]> {
  return (await db.query<R>(sql, params)).rows;
}

/** Asserts that a promise fails with the given SQLSTATE and a message matching `message`. */
export async function expectRefusal(promise: Promise<unknown>, code: string, message?: RegExp | string): Promise<void> {
  let failure: unknown;
  try {
    await promise;
  } catch (error) {
    failure = error;
  }
  expect(failure, 'expected the database to refuse').toBeInstanceOf(Error);
  const error = failure as Error & { code?: string };
  if (message !== undefined) {
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  }
  expect(error.code, error.message).toBe(code);
}

/** An organization with its admin, made through the public RPC. */
export async function createOrganization(db: PGlite, admin: User, name: string): Promise<string> {
  return rpc<string>(db, admin, 'create_organization', { name });
}

/** Invites and joins `person` into `orgId` with `role` (created by `admin`). */
export async function addMember(
  db: PGlite,
  admin: User,
  orgId: string,
  person: User,
  role: 'member' | 'manager' | 'admin' = 'member',
  department?: string,
): Promise<void> {
  const code = await rpc<string>(db, admin, 'create_invite', { org_id: orgId, role });
  await rpc(db, person, 'join_organization', { code });
  if (department) {
    await query(db, person, 'update public.memberships set department = $1 where org_id = $2 and user_id = $3', [
      department,
      orgId,
      person.id,
    ]);
  }
}

let sourceCounter = 0;

/** A valid capture for an email from `email`, overridable field by field. */
export function emailCapture(orgId: string, overrides: Row = {}): Row {
  sourceCounter += 1;
  return {
    id: randomUUID(),
    org_id: orgId,
    kind: 'email',
    source_ref: `msg-${sourceCounter}-${randomUUID()}`,
    source_url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQ',
    occurred_at: '2026-11-20T09:30:00Z',
    title: 'Asked about annual pricing',
    body: 'Could you send the annual pricing for 40 seats?',
    signals: ['pricing', 'buying_signal'],
    contact: { full_name: 'Dana Whitfield', email: 'dana@acme-robotics.example', title: 'COO', company: 'Acme Robotics' },
    ...overrides,
  };
}

export interface Filed {
  id: string;
  account_id: string | null;
  contact_id: string | null;
  created: boolean;
}

export function file(db: PGlite, caller: Caller, capture: Row): Promise<Filed> {
  // Sent as JSON text so that a malformed capture (an array, a number) reaches the function
  // as the same jsonb on PGlite and on a real server (pg would send an array as '{}').
  return rpc<Filed>(db, caller, 'file_interaction', { capture: JSON.stringify(capture) });
}
