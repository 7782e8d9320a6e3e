// Organizations, roles and invites: who gets in, and who may change what.
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createUser, expectRefusal, freshDb, query, rpc, superuser, type User } from './helpers.ts';

let db: PGlite;
let ana: User; // admin
let ben: User; // member
let cleo: User; // manager
let orgId: string;

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example', { full_name: 'Ana Lima' });
  ben = await createUser(db, 'ben@highcard.example');
  cleo = await createUser(db, 'cleo@highcard.example', { display_name: 'Cleo' });
  orgId = await createOrganization(db, ana, 'Highcard Demo');
  await addMember(db, ana, orgId, ben, 'member');
  await addMember(db, ana, orgId, cleo, 'manager');
});

const roleOf = async (userId: string, org = orgId) =>
  (await superuser<{ role: string }>(db, 'select role from public.memberships where org_id = $1 and user_id = $2', [org, userId]))[0]?.role;

describe('creating an organization', () => {
  it('returns the id and makes the creator its admin with a display name from their profile', async () => {
    const rows = await query(db, ana, 'select role, display_name from public.memberships where org_id = $1 and user_id = $2', [orgId, ana.id]);
    expect(rows).toEqual([{ role: 'admin', display_name: 'Ana Lima' }]);
  });

  it('names members after their profile or, failing that, their email', async () => {
    const rows = await query<{ user_id: string; display_name: string }>(db, ben, 'select user_id, display_name from public.memberships where org_id = $1', [orgId]);
    const names = Object.fromEntries(rows.map((row) => [row.user_id, row.display_name]));
    expect(names[ben.id]).toBe('ben');
    expect(names[cleo.id]).toBe('Cleo');
  });

  it('refuses an empty name, naming the field', async () => {
    await expectRefusal(rpc(db, ana, 'create_organization', { name: '   ' }), '22023', /^name: /);
  });
});

describe('members and their own membership', () => {
  it('a member changes their own display name and department', async () => {
    await query(db, ben, `update public.memberships set display_name = 'Ben K.', department = 'support' where org_id = $1 and user_id = $2`, [orgId, ben.id]);
    expect(await superuser(db, 'select display_name, department from public.memberships where user_id = $1', [ben.id])).toEqual([
      { display_name: 'Ben K.', department: 'support' },
    ]);
  });

  it('a member cannot change their own role directly', async () => {
    await expectRefusal(query(db, ben, `update public.memberships set role = 'admin' where org_id = $1 and user_id = $2`, [orgId, ben.id]), '42501');
    expect(await roleOf(ben.id)).toBe('member');
  });

  it('a member cannot change a colleague’s display name or department', async () => {
    const updated = await query(db, ben, `update public.memberships set department = 'marketing' where org_id = $1 and user_id = $2 returning user_id`, [orgId, cleo.id]);
    expect(updated).toEqual([]);
  });

  it('nobody adds themselves to an organization without an invite', async () => {
    const stranger = await createUser(db, 'stranger@elsewhere.example');
    await expectRefusal(
      query(db, stranger, `insert into public.memberships (org_id, user_id, role, display_name) values ($1, $2, 'admin', 'x')`, [orgId, stranger.id]),
      '42501',
    );
  });
});

describe('roles', () => {
  it('an admin changes a member’s role', async () => {
    await rpc(db, ana, 'set_member_role', { org_id: orgId, user_id: ben.id, role: 'manager' });
    expect(await roleOf(ben.id)).toBe('manager');
    await rpc(db, ana, 'set_member_role', { org_id: orgId, user_id: ben.id, role: 'member' });
    expect(await roleOf(ben.id)).toBe('member');
  });

  it('a member or a manager cannot change anyone’s role', async () => {
    await expectRefusal(rpc(db, ben, 'set_member_role', { org_id: orgId, user_id: cleo.id, role: 'member' }), '42501');
    await expectRefusal(rpc(db, cleo, 'set_member_role', { org_id: orgId, user_id: ben.id, role: 'manager' }), '42501');
    expect(await roleOf(cleo.id)).toBe('manager');
    expect(await roleOf(ben.id)).toBe('member');
  });

  it('nobody raises their own role', async () => {
    await expectRefusal(rpc(db, ben, 'set_member_role', { org_id: orgId, user_id: ben.id, role: 'admin' }), '42501', /raise their own role/);
    await expectRefusal(rpc(db, cleo, 'set_member_role', { org_id: orgId, user_id: cleo.id, role: 'admin' }), '42501', /raise their own role/);
    expect(await roleOf(ben.id)).toBe('member');
    expect(await roleOf(cleo.id)).toBe('manager');
  });

  it('the last admin cannot be demoted, but can step down once there is another admin', async () => {
    await expectRefusal(rpc(db, ana, 'set_member_role', { org_id: orgId, user_id: ana.id, role: 'member' }), '42501', /at least one admin/);
    expect(await roleOf(ana.id)).toBe('admin');

    await rpc(db, ana, 'set_member_role', { org_id: orgId, user_id: cleo.id, role: 'admin' });
    await rpc(db, ana, 'set_member_role', { org_id: orgId, user_id: ana.id, role: 'manager' });
    expect(await roleOf(ana.id)).toBe('manager');
    await expectRefusal(rpc(db, cleo, 'set_member_role', { org_id: orgId, user_id: cleo.id, role: 'member' }), '42501', /at least one admin/);

    await rpc(db, cleo, 'set_member_role', { org_id: orgId, user_id: ana.id, role: 'admin' });
    await rpc(db, ana, 'set_member_role', { org_id: orgId, user_id: cleo.id, role: 'manager' });
    expect(await roleOf(ana.id)).toBe('admin');
    expect(await roleOf(cleo.id)).toBe('manager');
  });

  it('refuses an unknown role, naming the field', async () => {
    await expectRefusal(rpc(db, ana, 'set_member_role', { org_id: orgId, user_id: ben.id, role: 'owner' }), '22023', /^role: /);
  });
});

describe('invites', () => {
  it('only admins create invites; codes are short enough to read aloud, and random', async () => {
    const first = await rpc<string>(db, ana, 'create_invite', { org_id: orgId, role: 'member' });
    const second = await rpc<string>(db, ana, 'create_invite', { org_id: orgId, role: 'member' });
    expect(first).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/);
    expect(first).not.toBe(second);
    await expectRefusal(rpc(db, ben, 'create_invite', { org_id: orgId, role: 'member' }), '42501');
    await expectRefusal(rpc(db, cleo, 'create_invite', { org_id: orgId, role: 'admin' }), '42501');
  });

  it('only admins see invite codes', async () => {
    expect((await query(db, ana, 'select code from public.invites where org_id = $1', [orgId])).length).toBeGreaterThan(0);
    expect(await query(db, ben, 'select code from public.invites')).toEqual([]);
    expect(await query(db, cleo, 'select code from public.invites')).toEqual([]);
  });

  it('a code joins its organization with the invited role, once', async () => {
    const dev = await createUser(db, 'dev@highcard.example');
    const eve = await createUser(db, 'eve@highcard.example');
    const code = await rpc<string>(db, ana, 'create_invite', { org_id: orgId, role: 'manager' });
    expect(await rpc(db, dev, 'join_organization', { code })).toBe(orgId);
    expect(await roleOf(dev.id)).toBe('manager');
    const [invite] = await superuser<{ used_by: string; used_at: Date | null }>(db, 'select used_by, used_at from public.invites where code = $1', [code]);
    expect(invite!.used_by).toBe(dev.id);
    expect(invite!.used_at).not.toBeNull();

    await expectRefusal(rpc(db, eve, 'join_organization', { code }), '22023', 'code: this invite has already been used');
    expect(await roleOf(eve.id)).toBeUndefined();
  });

  it('joining twice returns the same organization and changes nothing', async () => {
    const fay = await createUser(db, 'fay@highcard.example');
    const code = await rpc<string>(db, ana, 'create_invite', { org_id: orgId, role: 'member' });
    expect(await rpc(db, fay, 'join_organization', { code })).toBe(orgId);
    expect(await rpc(db, fay, 'join_organization', { code })).toBe(orgId);
    expect(await roleOf(fay.id)).toBe('member');
  });

  it('a member who enters a fresh code does not use it up', async () => {
    const code = await rpc<string>(db, ana, 'create_invite', { org_id: orgId, role: 'admin' });
    expect(await rpc(db, ben, 'join_organization', { code })).toBe(orgId);
    expect(await roleOf(ben.id)).toBe('member');
    expect(await superuser(db, 'select used_by, used_at from public.invites where code = $1', [code])).toEqual([{ used_by: null, used_at: null }]);
  });

  it('a code expires after seven days', async () => {
    const gus = await createUser(db, 'gus@highcard.example');
    const code = await rpc<string>(db, ana, 'create_invite', { org_id: orgId, role: 'member' });
    const [row] = await superuser<{ days: number }>(db, `select extract(epoch from expires_at - created_at) / 86400 as days from public.invites where code = $1`, [code]);
    expect(Number(row!.days)).toBeCloseTo(7, 5);
    await db.query(`update public.invites set expires_at = now() - interval '1 second' where code = $1`, [code]);
    await expectRefusal(rpc(db, gus, 'join_organization', { code }), '22023', 'code: this invite has expired');
    expect(await roleOf(gus.id)).toBeUndefined();
  });

  it('an unknown code is refused', async () => {
    const hal = await createUser(db, 'hal@highcard.example');
    await expectRefusal(rpc(db, hal, 'join_organization', { code: 'not-a-real-code' }), '22023', 'code: this invite code is not valid');
  });

  it('an admin withdraws an invite; a member cannot', async () => {
    const code = await rpc<string>(db, ana, 'create_invite', { org_id: orgId, role: 'member' });
    expect(await query(db, ben, 'delete from public.invites where code = $1 returning id', [code])).toEqual([]);
    expect((await query(db, ana, 'delete from public.invites where code = $1 returning id', [code])).length).toBe(1);
  });
});
