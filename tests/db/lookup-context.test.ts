// lookup_context: what the team already knows about the people in view (pact rule 6), answered
// without leaving a trace of the question (pact rule 1).
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createUser, emailCapture, expectRefusal, file, freshDb, rpc, superuser, type User } from './helpers.ts';

interface Context {
  contacts: Array<Record<string, unknown>>;
  accounts: Array<Record<string, unknown>>;
  entries: Array<Record<string, unknown>>;
  people: Array<Record<string, unknown>>;
}

let db: PGlite;
let ana: User;
let ben: User;
let cleo: User;
let orgId: string;

const lookup = (user: User, emails: string[] | null, linkedin_url: string | null = null) =>
  rpc<Context>(db, user, 'lookup_context', { emails, linkedin_url });

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example', { display_name: 'Ana' });
  ben = await createUser(db, 'ben@highcard.example', { display_name: 'Ben' });
  cleo = await createUser(db, 'cleo@highcard.example', { display_name: 'Cleo' });
  orgId = await createOrganization(db, ana, 'Highcard');
  await addMember(db, ana, orgId, ben, 'member', 'sales');
  await addMember(db, ana, orgId, cleo, 'member', 'support');

  const dana = { full_name: 'Dana Whitfield', email: 'dana@acme-robotics.example', company: 'Acme Robotics', linkedin_url: 'https://www.linkedin.com/in/dana-whitfield' };
  for (let day = 1; day <= 12; day += 1) {
    const author = day % 2 ? ben : cleo;
    await file(db, author, emailCapture(orgId, { title: `Day ${day}`, occurred_at: `2026-11-${String(day).padStart(2, '0')}T09:00:00Z`, contact: dana }));
  }
  await file(db, ana, emailCapture(orgId, { title: 'From a colleague of Dana', occurred_at: '2026-11-13T09:00:00Z', contact: { full_name: 'Rob', email: 'rob@acme-robotics.example' } }));
  await file(db, ana, emailCapture(orgId, { title: 'Gmail person', contact: { full_name: 'Gus', email: 'gus@gmail.com' } }));
});

describe('lookup_context', () => {
  it('finds the contact, the account and the latest 10 entries with their authors', async () => {
    const context = await lookup(ana, ['Dana@Acme-Robotics.example']);
    expect(context.contacts.map((c) => c.full_name)).toEqual(['Dana Whitfield']);
    expect(context.accounts).toEqual([
      expect.objectContaining({ name: 'Acme Robotics', domains: ['acme-robotics.example'] }),
    ]);
    expect(context.entries).toHaveLength(10);
    expect(context.entries.map((e) => e.title)).toEqual([
      'From a colleague of Dana', 'Day 12', 'Day 11', 'Day 10', 'Day 9', 'Day 8', 'Day 7', 'Day 6', 'Day 5', 'Day 4',
    ]);
    expect(context.entries[1]).toMatchObject({ author_display_name: 'Cleo', author_department: 'support' });
    expect(context.entries[2]).toMatchObject({ author_display_name: 'Ben', author_department: 'sales' });
  });

  it('lists who filed about them and when they last did, without counting anyone', async () => {
    const context = await lookup(ana, ['dana@acme-robotics.example']);
    expect(context.people.map((p) => p.display_name).sort()).toEqual(['Ana', 'Ben', 'Cleo']);
    for (const person of context.people) {
      expect(Object.keys(person).sort()).toEqual(['department', 'display_name', 'last_filed_at', 'org_id', 'user_id']);
    }
  });

  it('finds the account from a new address at a known company domain', async () => {
    const context = await lookup(ben, ['newperson@acme-robotics.example']);
    expect(context.contacts).toEqual([]);
    expect(context.accounts.map((a) => a.name)).toEqual(['Acme Robotics']);
    expect(context.entries).toHaveLength(10);
  });

  it('matches by LinkedIn profile in any common form', async () => {
    for (const url of ['https://www.linkedin.com/in/Dana-Whitfield', 'https://linkedin.com/in/dana-whitfield/', 'https://www.linkedin.com/in/dana-whitfield?trk=abc']) {
      const context = await lookup(cleo, null, url);
      expect(context.contacts.map((c) => c.full_name), url).toEqual(['Dana Whitfield']);
    }
  });

  it('never matches an account by a free-mail domain', async () => {
    const context = await lookup(ben, ['stranger@gmail.com']);
    expect(context).toEqual({ contacts: [], accounts: [], entries: [], people: [], open_steps: [] });
    const gus = await lookup(ben, ['gus@gmail.com']);
    expect(gus.contacts.map((c) => c.full_name)).toEqual(['Gus']);
    expect(gus.accounts).toEqual([]);
  });

  it('shows the source link of an entry only to its author', async () => {
    const context = await lookup(ben, ['dana@acme-robotics.example']);
    for (const entry of context.entries) {
      if (entry.author_id === ben.id) expect(entry.source_url).toMatch(/^https:/);
      else expect(entry.source_url).toBeNull();
    }
  });

  it('answers empty for nothing to look up', async () => {
    expect(await lookup(ben, [], null)).toEqual({ contacts: [], accounts: [], entries: [], people: [], open_steps: [] });
    expect(await lookup(ben, ['not an email'], 'https://example.com/x')).toEqual({ contacts: [], accounts: [], entries: [], people: [], open_steps: [] });
  });

  it('refuses very long lists of addresses', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `p${i}@acme-robotics.example`);
    await expectRefusal(lookup(ben, many), '22023', /^emails: /);
  });

  it('writes nothing: the question leaves no trace', async () => {
    const snapshot = async () =>
      superuser(db, `select
        (select count(*)::int from public.interactions) as i, (select count(*)::int from public.contacts) as c,
        (select count(*)::int from public.accounts) as a, (select max(updated_at) from public.contacts) as cu,
        (select max(updated_at) from public.accounts) as au, (select count(*)::int from public.interaction_revisions) as r`);
    const before = await snapshot();
    await lookup(ana, [`unknown-${randomUUID()}@acme-robotics.example`, 'dana@acme-robotics.example'], 'https://www.linkedin.com/in/someone-new');
    expect(await snapshot()).toEqual(before);
    const [fn] = await superuser<{ provolatile: string }>(db, `select provolatile from pg_proc where proname = 'lookup_context'`);
    expect(fn!.provolatile).toBe('s');
  });
});
