// Invite codes a person can read aloud: short, grouped, no look-alike letters, typed any way.
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, expectRefusal, freshDb, rpc, superuser, type User } from './helpers.ts';

let db: PGlite;
let ana: User;
let orgId: string;

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example');
  orgId = await createOrganization(db, ana, 'Highcard Demo');
});

const SHAPE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/;
const newInvite = () => rpc<string>(db, ana, 'create_invite', { org_id: orgId, role: 'member' });
const memberOf = async (user: User) =>
  (await superuser<{ org_id: string }>(db, 'select org_id from public.memberships where user_id = $1', [user.id])).map((r) => r.org_id);

describe('invite codes', () => {
  it('are ten characters in groups of 4-4-2, without 0, O, 1 or I, and spread over the whole alphabet', async () => {
    const [{ codes }] = (await superuser<{ codes: string[] }>(
      db,
      'select array_agg(private.new_invite_code()) as codes from generate_series(1, 400)',
    )) as [{ codes: string[] }];
    for (const code of codes) expect(code).toMatch(SHAPE);
    expect(new Set(codes).size).toBe(400);
    // 4,000 characters from 32 letters: every letter shows up; none is missing by design.
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(32);
    expect(codes.join('')).not.toMatch(/[01OI]/);
  });

  it('join whether typed with or without dashes, with spaces, in any case', async () => {
    const typings = (code: string) => [
      code.replace(/-/g, ''),
      code.toLowerCase(),
      ` ${code.replace(/-/g, ' ').toLowerCase()} `,
      `${code.slice(0, 6)} ${code.slice(6)}`.replace(/-/g, '–'),
    ];
    for (const variant of typings('ABCD-EFGH-JK').keys()) {
      const code = await newInvite();
      const user = await createUser(db, `typist${variant}@highcard.example`);
      expect(await rpc(db, user, 'join_organization', { code: typings(code)[variant] })).toBe(orgId);
      expect(await memberOf(user)).toEqual([orgId]);
    }
  });

  it('still work once, and only for seven days', async () => {
    const code = await newInvite();
    const [row] = await superuser<{ days: number }>(
      db,
      'select extract(epoch from expires_at - created_at) / 86400 as days from public.invites where code = $1',
      [code],
    );
    expect(Number(row!.days)).toBeCloseTo(7, 5);
    const first = await createUser(db, 'first@highcard.example');
    const second = await createUser(db, 'second@highcard.example');
    expect(await rpc(db, first, 'join_organization', { code: code.toLowerCase() })).toBe(orgId);
    await expectRefusal(rpc(db, second, 'join_organization', { code: code.replace(/-/g, '') }), '22023', 'code: this invite has already been used');
  });

  it('refuse a code that is one letter off', async () => {
    const code = await newInvite();
    const wrong = code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const user = await createUser(db, 'typo@highcard.example');
    await expectRefusal(rpc(db, user, 'join_organization', { code: wrong }), '22023', 'code: this invite code is not valid');
  });

  it('made before the change, 64 hex characters, keep working until they expire', async () => {
    const old = 'a3f1'.repeat(16);
    await superuser(db, `insert into public.invites (org_id, code, role, created_by) values ($1, $2, 'member', $3)`, [orgId, old, ana.id]);
    const user = await createUser(db, 'early@highcard.example');
    expect(await rpc(db, user, 'join_organization', { code: ` ${old} ` })).toBe(orgId);
  });

  it('cannot be stored in any other shape', async () => {
    await expect(
      superuser(db, `insert into public.invites (org_id, code, role) values ($1, 'K7QM-PX42-9O', 'member')`, [orgId]),
    ).rejects.toThrow(/invites_code_shape/);
  });
});
