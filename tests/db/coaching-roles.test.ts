// A coaching period belongs to a manager in that role (pact rule 9): when they step down to
// member or leave, their open periods end at once — the employee sees that it ended and the
// notes go 30 days later as usual — and they no longer read them.
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createUser, expectRefusal, freshDb, query, rpc, superuser, type User } from './helpers.ts';

let db: PGlite;
let admin: User;
let employee: User;
let orgId: string;

beforeAll(async () => {
  db = await freshDb();
  admin = await createUser(db, 'ana@highcard.example', { display_name: 'Ana' });
  employee = await createUser(db, 'ben@highcard.example', { display_name: 'Ben' });
  orgId = await createOrganization(db, admin, 'Highcard');
  await addMember(db, admin, orgId, employee);
});

let counter = 0;
async function newManager(): Promise<User> {
  counter += 1;
  const manager = await createUser(db, `maria${counter}@highcard.example`, { display_name: `Maria ${counter}` });
  await addMember(db, admin, orgId, manager, 'manager');
  return manager;
}

async function openWithNotes(manager: User): Promise<string> {
  const [{ day }] = (await superuser<{ day: string }>(db, `select (private.coaching_today() + 20)::text as day`)) as [{ day: string }];
  const id = await rpc<string>(db, manager, 'open_coaching_period', { org_id: orgId, employee_id: employee.id, purpose: 'Discovery calls', ends_on: day });
  await rpc(db, manager, 'add_coaching_note', { period_id: id, body: 'Ask about the budget first.' });
  await rpc(db, employee, 'add_coaching_note', { period_id: id, body: 'Tried it on Tuesday.' });
  return id;
}

const periodSeenBy = (reader: User, id: string) =>
  query<{ id: string; ended_at: Date | null }>(db, reader, 'select id, ended_at from public.coaching_periods where id = $1', [id]);
const notesSeenBy = (reader: User, id: string) =>
  query<{ id: string }>(db, reader, 'select id from public.coaching_notes where period_id = $1', [id]);

describe('a manager who steps down', () => {
  it('ends their open periods; the employee sees that it ended, and the former manager reads nothing of it', async () => {
    const manager = await newManager();
    const id = await openWithNotes(manager);
    await rpc(db, admin, 'set_member_role', { org_id: orgId, user_id: manager.id, role: 'member' });

    const [seen] = await periodSeenBy(employee, id);
    expect(seen!.ended_at).toBeInstanceOf(Date);
    expect(await notesSeenBy(employee, id)).toHaveLength(2);
    await expectRefusal(rpc(db, employee, 'add_coaching_note', { period_id: id, body: 'One more' }), '22023', 'period_id: this coaching period has ended');

    expect(await periodSeenBy(manager, id)).toEqual([]);
    expect(await notesSeenBy(manager, id)).toEqual([]);
    await expectRefusal(rpc(db, manager, 'add_coaching_note', { period_id: id, body: 'Still here?' }), '42501', 'period_id: not a coaching period of yours');
    await expectRefusal(rpc(db, manager, 'end_coaching_period', { id }), '42501', 'id: not a coaching period of yours');

    // Deleted on the usual schedule: 30 days after it ended.
    await superuser(db, `update public.coaching_periods set ended_at = now() - interval '30 days' where id = $1`, [id]);
    await rpc(db, employee, 'purge_ended_coaching');
    expect(await superuser(db, 'select id from public.coaching_periods where id = $1', [id])).toEqual([]);
  });

  it('keeps an admin who becomes a manager coaching, and ends nothing else', async () => {
    const manager = await newManager();
    const other = await newManager();
    await rpc(db, admin, 'set_member_role', { org_id: orgId, user_id: manager.id, role: 'admin' });
    const id = await openWithNotes(manager);
    const othersId = await openWithNotes(other);
    await rpc(db, admin, 'set_member_role', { org_id: orgId, user_id: manager.id, role: 'manager' });
    expect((await periodSeenBy(manager, id))[0]!.ended_at).toBeNull();
    expect(await notesSeenBy(manager, id)).toHaveLength(2);
    await rpc(db, admin, 'set_member_role', { org_id: orgId, user_id: manager.id, role: 'member' });
    expect((await periodSeenBy(other, othersId))[0]!.ended_at).toBeNull();
  });

  it('does not move the end of a period that had already ended', async () => {
    const manager = await newManager();
    const id = await openWithNotes(manager);
    await rpc(db, manager, 'end_coaching_period', { id });
    const [before] = await superuser<{ ended_at: Date }>(db, 'select ended_at from public.coaching_periods where id = $1', [id]);
    await rpc(db, admin, 'set_member_role', { org_id: orgId, user_id: manager.id, role: 'member' });
    const [after] = await superuser<{ ended_at: Date }>(db, 'select ended_at from public.coaching_periods where id = $1', [id]);
    expect(after!.ended_at).toEqual(before!.ended_at);
  });
});

describe('a manager who leaves the organization', () => {
  it('ends their open periods, which the employee keeps until the usual purge', async () => {
    const manager = await newManager();
    const id = await openWithNotes(manager);
    await superuser(db, 'delete from public.memberships where org_id = $1 and user_id = $2', [orgId, manager.id]);
    const [seen] = await periodSeenBy(employee, id);
    expect(seen!.ended_at).toBeInstanceOf(Date);
    expect(await notesSeenBy(employee, id)).toHaveLength(2);
    expect(await periodSeenBy(manager, id)).toEqual([]);
    await expectRefusal(rpc(db, manager, 'add_coaching_note', { period_id: id, body: 'Gone' }), '42501');
  });

  it('still lets the organization be deleted with its coaching', async () => {
    const boss = await createUser(db, `boss@elsewhere.example`, { display_name: 'Boss' });
    const worker = await createUser(db, `worker@elsewhere.example`, { display_name: 'Worker' });
    const org = await createOrganization(db, boss, 'Elsewhere');
    await addMember(db, boss, org, worker);
    const [{ day }] = (await superuser<{ day: string }>(db, `select (private.coaching_today() + 5)::text as day`)) as [{ day: string }];
    const id = await rpc<string>(db, boss, 'open_coaching_period', { org_id: org, employee_id: worker.id, purpose: 'Onboarding', ends_on: day });
    await superuser(db, 'delete from public.organizations where id = $1', [org]);
    expect(await superuser(db, 'select id from public.coaching_periods where id = $1', [id])).toEqual([]);
  });
});
