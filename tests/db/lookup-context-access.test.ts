// lookup_context reads past row level security (one membership check per call, in
// private.lookup_context_for), so these tests hold it to the answers row level security gave:
// the previous definition, read from its migration and installed beside it, is asked the same
// questions by the same people on the same data, and must answer exactly alike.
import { readFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../utils/limits';
import {
  addMember, createOrganization, createUser, emailCapture, expectRefusal, file, freshDb, query, rpc, superuser,
  type Caller, type Row, type User,
} from './helpers.ts';

const PREVIOUS = new URL('../../supabase/migrations/20261206090000_plans.sql', import.meta.url);

let db: PGlite;
let ana: User;
let ben: User;
let cleo: User;
let dave: User;
let zed: User;
let nobody: User;
let orgId: string;
let otherOrgId: string;
let retractedId: string;

const dana = { full_name: 'Dana Whitfield', email: 'dana@acme-robotics.example', company: 'Acme Robotics', linkedin_url: 'https://www.linkedin.com/in/dana-whitfield' };

/** The definition of lookup_context before it checked membership once, under another name. */
async function installPrevious(): Promise<void> {
  const migration = readFileSync(PREVIOUS, 'utf8');
  const start = migration.indexOf('create or replace function public.lookup_context(');
  const end = migration.indexOf('\n$$;', start) + '\n$$;'.length;
  expect(start).toBeGreaterThan(0);
  const previous = migration.slice(start, end).replace(/\blookup_context\b/g, 'lookup_context_before');
  await db.exec(`${previous}
    alter function public.lookup_context_before(text[], text, uuid, text) set plan_cache_mode = force_custom_plan;
    grant execute on function public.lookup_context_before(text[], text, uuid, text) to authenticated;`);
}

type Outcome = { answer: unknown } | { refused: string; message: string };

async function outcome(name: string, caller: Caller, args: Row): Promise<Outcome> {
  try {
    return { answer: await rpc(db, caller, name, args) };
  } catch (error) {
    const failure = error as Error & { code?: string };
    return { refused: failure.code ?? 'none', message: failure.message };
  }
}

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example', { display_name: 'Ana' });
  ben = await createUser(db, 'ben@highcard.example', { display_name: 'Ben' });
  cleo = await createUser(db, 'cleo@highcard.example', { display_name: 'Cleo' });
  dave = await createUser(db, 'dave@highcard.example', { display_name: 'Dave' });
  zed = await createUser(db, 'zed@elsewhere.example', { display_name: 'Zed' });
  nobody = await createUser(db, 'nobody@nowhere.example', { display_name: 'Nobody' });
  orgId = await createOrganization(db, ana, 'Highcard');
  otherOrgId = await createOrganization(db, zed, 'Elsewhere');
  await addMember(db, ana, orgId, ben, 'member', 'sales');
  await addMember(db, ana, orgId, cleo, 'member', 'support');
  await addMember(db, ana, orgId, dave, 'member', 'sales');

  const filed = [];
  for (let day = 1; day <= 14; day += 1) {
    const author = [ben, cleo, dave][day % 3]!;
    filed.push(await file(db, author, emailCapture(orgId, {
      title: `Day ${day}`, occurred_at: `2026-11-${String(day).padStart(2, '0')}T09:00:00Z`,
      source_url: `https://mail.google.com/mail/u/0/#inbox/day-${day}`, contact: dana,
    })));
  }
  // The newest entry, retracted by its author: visible to nobody in lookups, not even him.
  const retracted = await file(db, ben, emailCapture(orgId, {
    title: 'Retracted', occurred_at: '2026-11-20T09:00:00Z', contact: dana,
  }));
  retractedId = retracted.id;
  await rpc(db, ben, 'retract_interaction', { id: retracted.id });
  await file(db, cleo, emailCapture(orgId, { title: 'A colleague of Dana', occurred_at: '2026-11-15T09:00:00Z', contact: { full_name: 'Rob', email: 'rob@acme-robotics.example' } }));
  await file(db, ana, emailCapture(orgId, { title: 'Another Dana', contact: { full_name: 'Dana Whitfield', email: 'dana.w@gmail.com' } }));
  // Dana's further address, and the same address known to another organization.
  await superuser(db, 'insert into public.contact_identities (org_id, contact_id, email) values ($1, $2, $3)', [orgId, filed[0]!.contact_id, 'dana.private@acme-robotics.example']);
  await file(db, zed, emailCapture(otherOrgId, { title: 'Their Dana', source_url: 'https://mail.google.com/mail/u/0/#inbox/zed', contact: dana }));
  // Open steps: one whose source entry was retracted (its link must not show).
  await rpc(db, ana, 'add_plan_item', { org_id: orgId, account_id: filed[0]!.account_id, kind: 'step', side: 'ours', body: 'Send pricing', due_on: '2030-01-10', source_interaction_id: filed[3]!.id });
  const signs = await rpc<string>(db, cleo, 'add_plan_item', { org_id: orgId, account_id: filed[0]!.account_id, kind: 'step', side: 'theirs', body: 'Dana signs', due_on: '2030-01-05' });
  await superuser(db, 'update public.plan_items set source_interaction_id = $1 where id = $2', [retracted.id, signs]);
  await rpc(db, ben, 'add_plan_item', { org_id: orgId, account_id: filed[0]!.account_id, kind: 'step', side: 'ours', body: 'Call back', take: true });
  // Dave leaves the team: his entries stay, he reads nothing more.
  await superuser(db, 'delete from public.memberships where org_id = $1 and user_id = $2', [orgId, dave.id]);
  await installPrevious();
});

const questions: Array<{ label: string; args: (org: string) => Row }> = [
  { label: 'by address', args: () => ({ emails: ['Dana@Acme-Robotics.example'], linkedin_url: null }) },
  { label: 'by address in one organization', args: (org) => ({ emails: ['dana@acme-robotics.example'], linkedin_url: null, org_id: org }) },
  { label: 'by further address and a name', args: (org) => ({ emails: ['dana.private@acme-robotics.example'], linkedin_url: null, org_id: org, full_name: 'Dana Whitfield' }) },
  { label: 'by profile', args: () => ({ emails: null, linkedin_url: 'https://linkedin.com/in/dana-whitfield/' }) },
  { label: 'by company domain', args: () => ({ emails: ['someone-new@acme-robotics.example', 'x@gmail.com'], linkedin_url: null, full_name: 'Rob' }) },
  { label: 'for nothing', args: () => ({ emails: ['not an email'], linkedin_url: null }) },
];

describe('lookup_context, checking membership once', () => {
  it('answers every member, a removed member, an outsider and anon exactly as row level security did', async () => {
    const callers: Array<[string, Caller]> = [['Ana', ana], ['Ben', ben], ['Cleo', cleo], ['Dave (removed)', dave], ['Zed (other organization)', zed], ['nobody', nobody], ['anon', 'anon']];
    let answered = 0;
    for (const [who, caller] of callers) {
      for (const question of questions) {
        for (const org of [orgId, otherOrgId]) {
          const args = question.args(org);
          const before = await outcome('lookup_context_before', caller, args);
          const now = await outcome('lookup_context', caller, args);
          if ('refused' in before && 'refused' in now) {
            expect(now.refused, `${who}, ${question.label}`).toBe(before.refused);
            if (caller !== 'anon') expect(now.message, `${who}, ${question.label}`).toBe(before.message);
          } else {
            expect(now, `${who}, ${question.label}`).toEqual(before);
            answered += 1;
          }
        }
      }
    }
    expect(answered).toBeGreaterThan(30);
  });

  it('refuses a non-member and a removed member the organization, and finds them nothing elsewhere', async () => {
    for (const caller of [zed, nobody, dave]) {
      await expectRefusal(rpc(db, caller, 'lookup_context', { emails: [dana.email], linkedin_url: null, org_id: orgId }), '42501', /^org_id: /);
    }
    for (const caller of [nobody, dave]) {
      expect(await rpc(db, caller, 'lookup_context', { emails: [dana.email], linkedin_url: dana.linkedin_url, full_name: 'Dana Whitfield' }))
        .toEqual({ contacts: [], accounts: [], entries: [], people: [], open_steps: [], candidates: [] });
    }
    await expectRefusal(rpc(db, 'anon', 'lookup_context', { emails: [dana.email], linkedin_url: null }), '42501');
    await expectRefusal(query(db, zed, 'select private.lookup_context_for($1, null, $2, null)', [[dana.email], orgId]), '42501', /^org_id: /);
  });

  it('gives a member of another organization only their own record of the same person', async () => {
    const theirs = await rpc<Record<string, Row[]>>(db, zed, 'lookup_context', { emails: [dana.email], linkedin_url: null, full_name: 'Dana Whitfield' });
    for (const part of ['contacts', 'accounts', 'entries', 'people', 'open_steps', 'candidates']) {
      for (const row of theirs[part]!) expect(row.org_id, part).toBe(otherOrgId);
    }
    expect(theirs.entries!.map((e) => e.title)).toEqual(['Their Dana']);
    expect(theirs.open_steps).toEqual([]);
  });

  it('names as who to ask only the colleagues who filed most recently, newest first, as many as the panel expects, passing over one who left', async () => {
    const lead = await createUser(db, 'lead@crowd.example', { display_name: 'Lead' });
    const crowdOrgId = await createOrganization(db, lead, 'Crowd');
    const pat = { full_name: 'Pat Crowd', email: 'pat@crowd-customer.example' };
    const colleagues: User[] = [];
    for (let n = 0; n < LIMITS.lookupPeople + 5; n += 1) {
      const colleague = await createUser(db, `colleague${n}@crowd.example`, { display_name: `Colleague ${n}` });
      await addMember(db, lead, crowdOrgId, colleague, 'member', 'sales');
      const entry = await file(db, colleague, emailCapture(crowdOrgId, { title: `Note ${n}`, contact: pat }));
      // One minute apart, the last colleague the newest: who is kept must not hang on the clock.
      await superuser(db, 'update public.interactions set created_at = $1 where id = $2', [`2026-11-01T09:${String(n).padStart(2, '0')}:00Z`, entry.id]);
      colleagues.push(colleague);
    }
    const args = { emails: [pat.email], linkedin_url: null, org_id: crowdOrgId };
    const now = await rpc<Record<string, Row[]>>(db, lead, 'lookup_context', args);
    const before = await rpc<Record<string, Row[]>>(db, lead, 'lookup_context_before', args);
    expect(before.people).toHaveLength(LIMITS.lookupPeople + 5);
    expect(now.people!.map((p) => p.user_id)).toEqual(colleagues.slice(5).reverse().map((c) => c.id));
    expect(now.people).toEqual(before.people!.slice(0, LIMITS.lookupPeople));
    // Everything else is answered as before.
    expect({ ...now, people: [] }).toEqual({ ...before, people: [] });

    // A colleague among the 20 newest leaves, and two colleagues just beyond filed at the same
    // minute: the one who left is passed over, and the tie for the 20th place goes by name.
    const left = colleagues[LIMITS.lookupPeople]!;
    await superuser(db, 'delete from public.memberships where org_id = $1 and user_id = $2', [crowdOrgId, left.id]);
    await superuser(
      db,
      `update public.interactions set created_at = '2026-11-01T09:03:30Z' where org_id = $1 and author_id = any ($2)`,
      [crowdOrgId, [colleagues[3]!.id, colleagues[4]!.id]],
    );
    const after = await rpc<Record<string, Row[]>>(db, lead, 'lookup_context', args);
    const afterBefore = await rpc<Record<string, Row[]>>(db, lead, 'lookup_context_before', args);
    expect(afterBefore.people).toHaveLength(LIMITS.lookupPeople + 4);
    expect(after.people).toEqual(afterBefore.people!.slice(0, LIMITS.lookupPeople));
    const names = after.people!.map((p) => p.display_name);
    expect(names).not.toContain(`Colleague ${LIMITS.lookupPeople}`);
    expect(names.slice(-2)).toEqual(['Colleague 5', 'Colleague 3']);
  });

  it('leaves out retracted entries, even for their author, and links each source for its author only', async () => {
    for (const caller of [ana, ben, cleo]) {
      const context = await rpc<Record<string, Row[]>>(db, caller, 'lookup_context', { emails: [dana.email], linkedin_url: null });
      expect(context.entries!.map((e) => e.id)).not.toContain(retractedId);
      expect(context.entries).toHaveLength(10);
      for (const entry of context.entries!) {
        if (entry.author_id === caller.id) expect(entry.source_url).toMatch(/^https:/);
        else expect(entry.source_url).toBeNull();
      }
      for (const step of context.open_steps!) expect(step.source_interaction_id).not.toBe(retractedId);
    }
  });
});
