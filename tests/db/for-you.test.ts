// "For you": a route is seen by its sender and recipients only, a department
// route reaches exactly that department, dismissing is private to the one who dismisses,
// and a retracted entry's routes leave every For you (pact rules 5 and 8).
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createOrganization,
  createUser,
  emailCapture,
  expectRefusal,
  file,
  freshDb,
  query,
  rpc,
  superuser,
  type User,
} from './helpers.ts';

let db: PGlite;
let ana: User; // admin, sales: files and routes
let ben: User; // support
let cleo: User; // Support (other case): the same department as Ben
let dev: User; // marketing
let eli: User; // no department
let olga: User; // admin of another organization
let orgId: string;
let otherOrgId: string;

interface ForYouRow {
  route_id: string;
  interaction_id: string;
  routed_by_display_name: string;
  note: string | null;
  routed_at: string | Date;
}

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example', { display_name: 'Ana' });
  ben = await createUser(db, 'ben@highcard.example', { display_name: 'Ben' });
  cleo = await createUser(db, 'cleo@highcard.example', { display_name: 'Cleo' });
  dev = await createUser(db, 'dev@highcard.example', { display_name: 'Dev' });
  eli = await createUser(db, 'eli@highcard.example', { display_name: 'Eli' });
  olga = await createUser(db, 'olga@other.example', { display_name: 'Olga' });
  orgId = await createOrganization(db, ana, 'Highcard Demo');
  await query(db, ana, 'update public.memberships set department = $1 where org_id = $2 and user_id = $3', ['sales', orgId, ana.id]);
  await addMember(db, ana, orgId, ben, 'member', 'support');
  await addMember(db, ana, orgId, cleo, 'member', 'Support');
  await addMember(db, ana, orgId, dev, 'manager', 'marketing');
  await addMember(db, ana, orgId, eli, 'member');
  otherOrgId = await createOrganization(db, olga, 'Other Co');
  await query(db, olga, 'update public.memberships set department = $1 where org_id = $2 and user_id = $3', ['legal', otherOrgId, olga.id]);
});

const fileEntry = async (author: User = ana, org = orgId): Promise<string> => (await file(db, author, emailCapture(org))).id;
const route = (sender: User, args: Record<string, unknown>): Promise<string> => rpc<string>(db, sender, 'route_entry', args);
const forYou = (reader: User, org = orgId, since?: string): Promise<ForYouRow[]> =>
  query<ForYouRow>(db, reader, 'select * from public.for_you(org_id => $1, since => $2)', [org, since ?? null]);
const routeIdsFor = async (reader: User): Promise<string[]> => (await forYou(reader)).map((row) => row.route_id);
const visibleRoutes = async (reader: User, routeId: string): Promise<number> =>
  (await query(db, reader, 'select id from public.entry_routes where id = $1', [routeId])).length;

describe('routing to a colleague', () => {
  it('the recipient finds the entry in For you with who sent it and their note', async () => {
    const entry = await fileEntry();
    const routeId = await route(ana, { interaction_id: entry, to_user: ben.id, note: '  Can you call them back?  ' });
    const rows = await forYou(ben);
    const row = rows.find((candidate) => candidate.route_id === routeId);
    expect(row).toMatchObject({ interaction_id: entry, routed_by_display_name: 'Ana', note: 'Can you call them back?' });
    expect(row!.routed_at).toBeTruthy();
  });

  it('only the sender and the recipient see the route', async () => {
    const entry = await fileEntry();
    const routeId = await route(ana, { interaction_id: entry, to_user: ben.id });
    expect(await visibleRoutes(ana, routeId)).toBe(1);
    expect(await visibleRoutes(ben, routeId)).toBe(1);
    for (const other of [cleo, dev, eli, olga]) {
      expect(await visibleRoutes(other, routeId), other.email).toBe(0);
      if (other !== olga) expect(await routeIdsFor(other), other.email).not.toContain(routeId);
    }
    // The sender does not find their own route in For you; the entry itself stays visible to all.
    expect(await routeIdsFor(ana)).not.toContain(routeId);
    for (const member of [ana, ben, cleo, dev, eli]) {
      expect(await query(db, member, 'select id from public.account_timeline where id = $1', [entry]), member.email).toHaveLength(1);
    }
  });

  it('anyone who can see the entry can route it, not only its author', async () => {
    const entry = await fileEntry(dev);
    const routeId = await route(eli, { interaction_id: entry, to_user: ben.id });
    expect(await forYou(ben)).toContainEqual(expect.objectContaining({ route_id: routeId, routed_by_display_name: 'Eli' }));
  });

  it('takes exactly one of a colleague or a department', async () => {
    const entry = await fileEntry();
    await expectRefusal(route(ana, { interaction_id: entry }), '22023', /^to_user: choose exactly one/);
    await expectRefusal(route(ana, { interaction_id: entry, to_department: '   ' }), '22023', /^to_user: choose exactly one/);
    await expectRefusal(
      route(ana, { interaction_id: entry, to_user: ben.id, to_department: 'support' }),
      '22023',
      /^to_user: choose exactly one/,
    );
  });

  it('refuses a recipient who is not a member of the entry’s organization, and the sender themselves', async () => {
    const entry = await fileEntry();
    await expectRefusal(route(ana, { interaction_id: entry, to_user: olga.id }), '22023', /^to_user: is not a member/);
    await expectRefusal(route(ana, { interaction_id: entry, to_user: ana.id }), '22023', /^to_user: choose a colleague/);
    await expectRefusal(route(ana, { interaction_id: entry, to_department: 'legal' }), '22023', /^to_department: nobody/);
  });

  it('keeps the note to 500 characters', async () => {
    const entry = await fileEntry();
    await expectRefusal(route(ana, { interaction_id: entry, to_user: ben.id, note: 'x'.repeat(501) }), '22023', 'note: must be at most 500 characters');
    const routeId = await route(ana, { interaction_id: entry, to_user: ben.id, note: 'x'.repeat(500) });
    expect((await forYou(ben)).find((row) => row.route_id === routeId)!.note).toHaveLength(500);
    const silent = await route(ana, { interaction_id: entry, to_user: ben.id, note: '  ' });
    expect((await forYou(ben)).find((row) => row.route_id === silent)!.note).toBeNull();
  });

  it('nobody writes routes or dismissals directly', async () => {
    const entry = await fileEntry();
    await expectRefusal(
      query(db, ana, `insert into public.entry_routes (org_id, interaction_id, routed_by, to_user) values ($1, $2, $3, $4)`, [orgId, entry, ana.id, ben.id]),
      '42501',
    );
    const routeId = await route(ana, { interaction_id: entry, to_user: ben.id });
    await expectRefusal(query(db, ben, 'delete from public.entry_routes where id = $1', [routeId]), '42501');
    await expectRefusal(query(db, ana, `update public.entry_routes set note = 'changed' where id = $1`, [routeId]), '42501');
  });
});

describe('routing to a department', () => {
  it('reaches exactly the members of that department, ignoring case', async () => {
    const entry = await fileEntry();
    const routeId = await route(ana, { interaction_id: entry, to_department: 'SUPPORT', note: 'Support issue at Acme' });
    for (const member of [ben, cleo]) {
      expect(await routeIdsFor(member), member.email).toContain(routeId);
      expect(await visibleRoutes(member, routeId), member.email).toBe(1);
    }
    for (const member of [dev, eli, olga]) {
      expect(await visibleRoutes(member, routeId), member.email).toBe(0);
    }
    for (const member of [ana, dev, eli]) {
      expect(await routeIdsFor(member), member.email).not.toContain(routeId);
    }
  });

  it('does not come back to a sender who is in that department', async () => {
    const entry = await fileEntry();
    const routeId = await route(ben, { interaction_id: entry, to_department: 'support' });
    expect(await routeIdsFor(ben)).not.toContain(routeId);
    expect(await routeIdsFor(cleo)).toContain(routeId);
  });

  it('follows a member into a new department', async () => {
    const entry = await fileEntry();
    const routeId = await route(ana, { interaction_id: entry, to_department: 'marketing' });
    expect(await routeIdsFor(dev)).toContain(routeId);
    await query(db, eli, 'update public.memberships set department = $1 where org_id = $2 and user_id = $3', ['Marketing', orgId, eli.id]);
    expect(await routeIdsFor(eli)).toContain(routeId);
    await query(db, eli, 'update public.memberships set department = null where org_id = $1 and user_id = $2', [orgId, eli.id]);
    expect(await routeIdsFor(eli)).not.toContain(routeId);
  });
});

describe('another organization', () => {
  it('an outsider cannot route an entry of another organization', async () => {
    const entry = await fileEntry();
    await expectRefusal(route(olga, { interaction_id: entry, to_user: ben.id }), '42501', /^interaction_id: you cannot see this entry/);
    await expectRefusal(route(olga, { interaction_id: entry, to_department: 'support' }), '42501', /^interaction_id:/);
    expect(await superuser(db, 'select id from public.entry_routes where interaction_id = $1', [entry])).toEqual([]);
  });

  it('a member cannot route their entry into another organization', async () => {
    const foreign = await fileEntry(olga, otherOrgId);
    await expectRefusal(route(ana, { interaction_id: foreign, to_user: ben.id }), '42501', /^interaction_id:/);
    const entry = await fileEntry();
    await expectRefusal(route(ana, { interaction_id: entry, to_user: olga.id }), '22023', /^to_user:/);
  });

  it('an outsider cannot read another organization’s For you or dismiss its routes', async () => {
    const entry = await fileEntry();
    const routeId = await route(ana, { interaction_id: entry, to_user: ben.id });
    await expectRefusal(forYou(olga, orgId), '42501', 'org_id: you are not a member of this organization');
    await expectRefusal(rpc(db, olga, 'dismiss_route', { route_id: routeId }), '42501', /^route_id:/);
    expect(await visibleRoutes(olga, routeId)).toBe(0);
    // Olga's own organization has nothing of it.
    expect(await forYou(olga, otherOrgId)).toEqual([]);
  });

  it('anon can do none of it', async () => {
    const entry = await fileEntry();
    await expectRefusal(rpc(db, 'anon', 'route_entry', { interaction_id: entry, to_user: ben.id }), '42501');
    await expectRefusal(query(db, 'anon', 'select * from public.for_you($1)', [orgId]), '42501');
    await expectRefusal(query(db, 'anon', 'select * from public.entry_routes'), '42501');
  });
});

describe('an entry you cannot see', () => {
  it('cannot be routed: unknown, retracted, or someone else’s retracted entry', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await expectRefusal(route(ana, { interaction_id: missing, to_user: ben.id }), '42501', /^interaction_id:/);
    const own = await fileEntry(ana);
    await rpc(db, ana, 'retract_interaction', { id: own });
    await expectRefusal(route(ana, { interaction_id: own, to_user: ben.id }), '42501', /^interaction_id:/);
    await expectRefusal(route(dev, { interaction_id: own, to_user: ben.id }), '42501', /^interaction_id:/);
  });
});

describe('dismissing', () => {
  it('removes a department route for that recipient only, and tells the sender nothing', async () => {
    const entry = await fileEntry();
    const routeId = await route(ana, { interaction_id: entry, to_department: 'support', note: 'Refund question' });
    const senderBefore = await query(db, ana, 'select * from public.entry_routes where id = $1', [routeId]);

    await rpc(db, ben, 'dismiss_route', { route_id: routeId });
    expect(await routeIdsFor(ben)).not.toContain(routeId);
    expect(await routeIdsFor(cleo)).toContain(routeId);

    // The sender's view of the route is exactly what it was, and the dismissal is unreadable
    // to everyone but Ben.
    expect(await query(db, ana, 'select * from public.entry_routes where id = $1', [routeId])).toEqual(senderBefore);
    for (const other of [ana, cleo, dev]) {
      expect(await query(db, other, 'select * from public.route_dismissals where route_id = $1', [routeId]), other.email).toEqual([]);
    }
    expect(await query(db, ben, 'select route_id, user_id from public.route_dismissals where route_id = $1', [routeId])).toEqual([
      { route_id: routeId, user_id: ben.id },
    ]);
  });

  it('removes a route to one person for them, and twice changes nothing', async () => {
    const entry = await fileEntry();
    const routeId = await route(ana, { interaction_id: entry, to_user: dev.id });
    await rpc(db, dev, 'dismiss_route', { route_id: routeId });
    await rpc(db, dev, 'dismiss_route', { route_id: routeId });
    expect(await routeIdsFor(dev)).not.toContain(routeId);
    expect(await visibleRoutes(ana, routeId)).toBe(1);
  });

  it('is for recipients only: not the sender, not a colleague outside the department', async () => {
    const entry = await fileEntry();
    const routeId = await route(ana, { interaction_id: entry, to_department: 'support' });
    for (const other of [ana, dev, eli]) {
      await expectRefusal(rpc(db, other, 'dismiss_route', { route_id: routeId }), '42501', /^route_id: nothing with this id was brought to you/);
    }
    expect(await routeIdsFor(ben)).toContain(routeId);
    expect(await superuser(db, 'select user_id from public.route_dismissals where route_id = $1', [routeId])).toEqual([]);
  });
});

describe('a retracted entry', () => {
  it('leaves every For you, and the route is no longer readable by anyone', async () => {
    const entry = await fileEntry(dev);
    const toBen = await route(ana, { interaction_id: entry, to_user: ben.id });
    const toSupport = await route(eli, { interaction_id: entry, to_department: 'support' });
    const toAna = await route(eli, { interaction_id: entry, to_user: ana.id });
    expect(await routeIdsFor(ben)).toEqual(expect.arrayContaining([toBen, toSupport]));

    await rpc(db, dev, 'retract_interaction', { id: entry });
    for (const member of [ana, ben, cleo, dev, eli]) {
      const rows = await forYou(member);
      expect(rows.map((row) => row.interaction_id), member.email).not.toContain(entry);
      for (const routeId of [toBen, toSupport, toAna]) expect(await visibleRoutes(member, routeId), member.email).toBe(0);
    }
  });
});

describe('since', () => {
  it('returns only routes sent after the given moment, newest first', async () => {
    const entry = await fileEntry();
    const first = await route(ana, { interaction_id: entry, to_user: eli.id, note: 'first' });
    await superuser(db, `update public.entry_routes set created_at = now() - interval '2 hours' where id = $1`, [first]);
    const second = await route(ana, { interaction_id: entry, to_user: eli.id, note: 'second' });
    const all = (await forYou(eli)).filter((row) => [first, second].includes(row.route_id));
    expect(all.map((row) => row.note)).toEqual(['second', 'first']);
    const recent = await forYou(eli, orgId, new Date(Date.now() - 60 * 60 * 1000).toISOString());
    expect(recent.map((row) => row.route_id)).toContain(second);
    expect(recent.map((row) => row.route_id)).not.toContain(first);
  });
});

describe('pact rules 3 and 8', () => {
  it('no route function or table column counts, ranks, or records reading', async () => {
    const columns = await superuser<{ column_name: string }>(
      db,
      `select column_name from information_schema.columns where table_schema = 'public'
         and table_name in ('entry_routes', 'route_dismissals')
         and column_name ~ '(count|total|rank|score|read|seen|done|opened|viewed|_at$)'`,
    );
    // created_at is when the route was sent; nothing records when, or whether, anyone read it.
    expect(columns.map((row) => row.column_name)).toEqual(['created_at']);
    const counting = await superuser<{ proname: string }>(
      db,
      `select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private') and p.proname in ('route_entry', 'for_you', 'dismiss_route', 'my_department_keys')
         and p.prosrc ~* '(count|rank|sum)\\s*\\('`,
    );
    expect(counting).toEqual([]);
  });
});
