// Nobody sees or touches another organization's rows, through any table, view or function;
// anon sees and calls nothing. Department never limits what a member sees.
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createOrganization,
  createUser,
  emailCapture,
  expectRefusal,
  file,
  freshDb,
  query,
  rpc,
  superuser,
  type Filed,
  type User,
} from './helpers.ts';

const TABLES = ['organizations', 'memberships', 'invites', 'accounts', 'account_domains', 'contacts', 'interactions', 'interaction_revisions'];
const VIEWS = ['account_timeline', 'account_overview', 'signal_trends'];

let db: PGlite;
let ana: User; // admin of Highcard
let sam: User; // sales member of Highcard
let sue: User; // support member of Highcard
let otto: User; // admin of Other
let highcard: string;
let other: string;
let highcardEntry: Filed;
let otherEntry: Filed;

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example');
  sam = await createUser(db, 'sam@highcard.example');
  sue = await createUser(db, 'sue@highcard.example');
  otto = await createUser(db, 'otto@other.example');
  highcard = await createOrganization(db, ana, 'Highcard');
  other = await createOrganization(db, otto, 'Other');
  await addMember(db, ana, highcard, sam, 'member', 'sales');
  await addMember(db, ana, highcard, sue, 'member', 'support');
  // Both organizations know the same person at the same company.
  const shared = { full_name: 'Dana Whitfield', email: 'dana@acme-robotics.example', company: 'Acme Robotics' };
  highcardEntry = await file(db, sam, emailCapture(highcard, { contact: shared }));
  otherEntry = await file(db, otto, emailCapture(other, { contact: shared, signals: ['churn_risk'] }));
  await query(db, sam, `update public.interactions set title = 'Edited in Highcard' where id = $1`, [highcardEntry.id]);
  await query(db, otto, `update public.interactions set title = 'Edited in Other' where id = $1`, [otherEntry.id]);
  await rpc(db, ana, 'create_invite', { org_id: highcard, role: 'member' });
  await rpc(db, otto, 'create_invite', { org_id: other, role: 'member' });
});

describe('anon', () => {
  for (const relation of [...TABLES, ...VIEWS]) {
    it(`reads nothing from ${relation}`, async () => {
      await expectRefusal(query(db, 'anon', `select * from public.${relation}`), '42501');
    });
  }

  const calls: Array<[string, string, unknown[]]> = [
    ['create_organization', 'select public.create_organization($1)', ['Anon Inc']],
    ['create_invite', 'select public.create_invite($1, $2)', [randomUUID(), 'member']],
    ['join_organization', 'select public.join_organization($1)', ['code']],
    ['set_member_role', 'select public.set_member_role($1, $2, $3)', [randomUUID(), randomUUID(), 'admin']],
    ['file_interaction', 'select public.file_interaction($1::jsonb)', ['{}']],
    ['retract_interaction', 'select public.retract_interaction($1)', [randomUUID()]],
    ['lookup_context', 'select public.lookup_context($1::text[], $2)', [['dana@acme-robotics.example'], null]],
    ['a private helper', 'select private.member_org_ids()', []],
  ];
  for (const [name, sql, params] of calls) {
    it(`cannot call ${name}`, async () => {
      await expectRefusal(query(db, 'anon', sql, params), '42501');
    });
  }
});

describe('members of two organizations', () => {
  it('see only their own organization in every table', async () => {
    for (const table of TABLES) {
      for (const [user, org] of [[sam, highcard], [otto, other]] as const) {
        const rows = await query<{ org: string }>(db, user, `select ${table === 'organizations' ? 'id' : 'org_id'} as org from public.${table}`);
        const orgs = new Set(rows.map((row) => row.org));
        expect([...orgs].every((seen) => seen === org), `${table} for ${user.email}`).toBe(true);
      }
    }
    // And they do see their own rows (the check above is not vacuous).
    for (const table of ['organizations', 'memberships', 'accounts', 'account_domains', 'contacts', 'interactions', 'interaction_revisions']) {
      expect((await query(db, sam, `select 1 from public.${table}`)).length, table).toBeGreaterThan(0);
    }
  });

  it('see only their own organization in every view', async () => {
    for (const view of VIEWS) {
      for (const [user, org] of [[sam, highcard], [otto, other]] as const) {
        const rows = await query<{ org_id: string }>(db, user, `select org_id from public.${view}`);
        expect(rows.length, view).toBeGreaterThan(0);
        expect(rows.every((row) => row.org_id === org), `${view} for ${user.email}`).toBe(true);
      }
    }
  });

  it('cannot change each other’s rows', async () => {
    expect(await query(db, otto, `update public.interactions set title = 'hijack' where id = $1 returning id`, [highcardEntry.id])).toEqual([]);
    expect(await query(db, otto, `update public.memberships set display_name = 'hijack' where org_id = $1 returning user_id`, [highcard])).toEqual([]);
    expect(await query(db, otto, `update public.organizations set name = 'hijack' where id = $1 returning id`, [highcard])).toEqual([]);
    expect(await query(db, otto, `delete from public.invites where org_id = $1 returning id`, [highcard])).toEqual([]);
    expect(await superuser(db, 'select title from public.interactions where id = $1', [highcardEntry.id])).toEqual([{ title: 'Edited in Highcard' }]);
  });

  it('lookup_context answers only from the caller’s organizations', async () => {
    const forSam = await rpc<{ contacts: Array<{ org_id: string }>; accounts: Array<{ org_id: string }>; entries: Array<{ org_id: string; id: string }>; people: Array<{ org_id: string }> }>(
      db, sam, 'lookup_context', { emails: ['dana@acme-robotics.example'], linkedin_url: null },
    );
    expect(forSam.contacts.map((c) => c.org_id)).toEqual([highcard]);
    expect(forSam.accounts.map((a) => a.org_id)).toEqual([highcard]);
    expect(forSam.entries.map((e) => e.id)).toEqual([highcardEntry.id]);
    expect(forSam.people.map((p) => p.org_id)).toEqual([highcard]);
    await expectRefusal(rpc(db, sam, 'lookup_context', { emails: ['dana@acme-robotics.example'], linkedin_url: null, org_id: other }), '42501', /^org_id: /);
  });

  it('cannot file into, invite to, re-role in or retract from the other organization', async () => {
    await expectRefusal(file(db, sam, emailCapture(other)), '42501', 'org_id: you are not a member of this organization');
    await expectRefusal(rpc(db, ana, 'create_invite', { org_id: other, role: 'admin' }), '42501', /^org_id: /);
    await expectRefusal(rpc(db, ana, 'set_member_role', { org_id: other, user_id: otto.id, role: 'member' }), '42501', /^org_id: /);
    await expectRefusal(rpc(db, sam, 'retract_interaction', { id: otherEntry.id }), 'P0002', 'id: no such entry');
    expect(await superuser(db, 'select retracted_at from public.interactions where id = $1', [otherEntry.id])).toEqual([{ retracted_at: null }]);
  });

  it('cannot file onto the other organization’s account or reuse its entry ids', async () => {
    await expectRefusal(file(db, sam, emailCapture(highcard, { account: { id: otherEntry.account_id } })), '22023', 'account.id: no such account in this organization');
    await expectRefusal(file(db, sam, emailCapture(highcard, { id: otherEntry.id })), '23505', /^id: /);
  });

  it('can only join the other organization with a code from its admin', async () => {
    const code = (await superuser<{ code: string }>(db, 'select code from public.invites where org_id = $1', [other]))[0]!.code;
    // Admins do not see other organizations' codes.
    expect(await query(db, ana, 'select code from public.invites where org_id = $1', [other])).toEqual([]);
    expect(await rpc(db, sue, 'join_organization', { code })).toBe(other);
    // Once in both, Sue sees both, and each organization's rows stay its own.
    const orgs = await query<{ id: string }>(db, sue, 'select id from public.organizations order by name');
    expect(orgs.map((org) => org.id)).toEqual([highcard, other]);
    const both = await rpc<{ contacts: unknown[] }>(db, sue, 'lookup_context', { emails: ['dana@acme-robotics.example'], linkedin_url: null });
    expect(both.contacts).toHaveLength(2);
    const onlyHighcard = await rpc<{ contacts: unknown[] }>(db, sue, 'lookup_context', { emails: ['dana@acme-robotics.example'], linkedin_url: null, org_id: highcard });
    expect(onlyHighcard.contacts).toHaveLength(1);
  });
});

describe('department', () => {
  it('never limits what a member sees', async () => {
    const forSales = await query(db, sam, 'select id from public.interactions order by id');
    const forSupport = await as(db, sue, async (tx) => (await tx.query('select id from public.interactions where org_id = $1 order by id', [highcard])).rows);
    expect(forSupport).toEqual(forSales);
    expect(forSales.length).toBeGreaterThan(0);
  });
});
