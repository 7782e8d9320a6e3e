// One customer, one record (docs/design.md): candidates by name, filing on a confirmed contact,
// and merging contacts and accounts so every old address, profile, name and id leads to the
// record that remains.
import { randomUUID } from 'node:crypto';
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
  type Row,
  type User,
} from './helpers.ts';

interface Context {
  contacts: Row[];
  accounts: Row[];
  entries: Row[];
  people: Row[];
  candidates?: Row[];
}

let db: PGlite;
let ana: User;
let ben: User;
let olga: User;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example', { display_name: 'Ana' });
  ben = await createUser(db, 'ben@highcard.example', { display_name: 'Ben' });
  olga = await createUser(db, 'olga@other.example', { display_name: 'Olga' });
  orgId = await createOrganization(db, ana, 'Highcard');
  await addMember(db, ana, orgId, ben);
  otherOrgId = await createOrganization(db, olga, 'Other Co');
});

let profileCounter = 0;
/** A new person in this test: distinct addresses and profile, the same name when asked. */
function person(name = 'Mia Schmidt') {
  profileCounter += 1;
  const slug = `p${profileCounter}-${randomUUID().slice(0, 8)}`;
  return {
    name,
    email: `${slug}@acme-robotics.example`,
    profile: `https://www.linkedin.com/in/${slug}`,
  };
}

const lookup = (user: User, args: { emails?: string[] | null; linkedin_url?: string | null; full_name?: string; org_id?: string }) =>
  rpc<Context>(db, user, 'lookup_context', { emails: args.emails ?? null, linkedin_url: args.linkedin_url ?? null, ...(args.org_id ? { org_id: args.org_id } : {}), ...(args.full_name !== undefined ? { full_name: args.full_name } : {}) });

const profileCapture = (org: string, who: { name: string; profile: string }, overrides: Row = {}) =>
  emailCapture(org, {
    kind: 'linkedin_profile',
    source_ref: `${who.profile}|Acme Robotics|CTO`,
    source_url: who.profile,
    title: `Profile of ${who.name}`,
    body: 'CTO at Acme Robotics',
    signals: [],
    contact: { full_name: who.name, linkedin_url: who.profile, company: 'Acme Robotics', title: 'CTO' },
    account: { name: 'Acme Robotics' },
    ...overrides,
  });

const contactRow = async (id: string) =>
  (await superuser(db, 'select id, full_name, email, linkedin_url, title, company, account_id from public.contacts where id = $1', [id]))[0];

describe('candidates: someone of the same name', () => {
  it('offers contacts whose name matches ignoring case, accents and extra spaces, with their account', async () => {
    const mia = person('Mía Schmidt');
    const filed = await file(db, ana, emailCapture(orgId, { contact: { full_name: mia.name, email: mia.email, company: 'Acme Robotics' } }));
    const context = await lookup(ben, { linkedin_url: person().profile, full_name: '  MIA   schmidt ', org_id: orgId });
    expect(context.contacts).toEqual([]);
    expect(context.candidates).toContainEqual({
      id: filed.contact_id,
      org_id: orgId,
      full_name: 'Mía Schmidt',
      email: mia.email,
      linkedin_url: null,
      account_id: filed.account_id,
      account_name: 'Acme Robotics',
    });
  });

  it('leaves out a contact the lookup already matched, and other names', async () => {
    const kai = person('Kai Berger');
    const filed = await file(db, ana, emailCapture(orgId, { contact: { full_name: kai.name, email: kai.email } }));
    const matched = await lookup(ben, { emails: [kai.email], full_name: 'Kai Berger' });
    expect(matched.contacts.map((c) => c.id)).toEqual([filed.contact_id]);
    expect(matched.candidates).toEqual([]);
    const other = await lookup(ben, { emails: [], full_name: 'Kai Bergmann' });
    expect(other.candidates).toEqual([]);
  });

  it('answers as before without a name, and never shows another organization’s people', async () => {
    const without = await lookup(ben, { emails: ['nobody@acme-robotics.example'] });
    expect(Object.keys(without).sort()).toEqual(['accounts', 'contacts', 'entries', 'open_steps', 'people']);
    const nobody = await lookup(olga, { emails: [], full_name: 'Mia Schmidt' });
    expect(nobody.candidates).toEqual([]);
  });

  it('is still one read-only function the API can call with or without full_name', async () => {
    const rows = await superuser<{ args: string; provolatile: string }>(
      db,
      `select pg_get_function_identity_arguments(oid) as args, provolatile from pg_proc where proname = 'lookup_context'`,
    );
    expect(rows).toEqual([{ args: 'emails text[], linkedin_url text, org_id uuid, full_name text', provolatile: 's' }]);
  });
});

describe('filing on a contact the rep confirmed ({ id })', () => {
  it('files on that contact and links the profile it lacked, without touching its name or email', async () => {
    const mia = person();
    const first = await file(db, ana, emailCapture(orgId, { contact: { full_name: mia.name, email: mia.email } }));
    const linked = await file(db, ben, profileCapture(orgId, mia, { contact: { id: first.contact_id, linkedin_url: mia.profile, title: 'CTO' } }));
    expect(linked).toMatchObject({ created: true, contact_id: first.contact_id, account_id: first.account_id });
    expect(await contactRow(first.contact_id!)).toMatchObject({ full_name: mia.name, email: mia.email, linkedin_url: mia.profile, title: 'CTO' });
    // The profile now finds her, with the Gmail entry.
    const context = await lookup(ana, { linkedin_url: mia.profile });
    expect(context.contacts.map((c) => c.id)).toEqual([first.contact_id]);
    expect(context.entries.map((e) => e.id)).toContain(first.id);
  });

  it('links a new address as a further one when the contact already has an email, never overwriting', async () => {
    const mia = person();
    const first = await file(db, ana, emailCapture(orgId, { contact: { full_name: mia.name, email: mia.email, title: 'CTO' } }));
    const privateAddress = `${randomUUID().slice(0, 8)}@gmail.com`;
    await file(db, ana, emailCapture(orgId, { contact: { id: first.contact_id, email: privateAddress, title: 'Intern' } }));
    expect(await contactRow(first.contact_id!)).toMatchObject({ email: mia.email, title: 'CTO' });
    const context = await lookup(ben, { emails: [privateAddress] });
    expect(context.contacts.map((c) => c.id)).toEqual([first.contact_id]);
    // And a later ordinary filing from that address lands on her too.
    const later = await file(db, ben, emailCapture(orgId, { contact: { full_name: 'M. Schmidt', email: privateAddress } }));
    expect(later.contact_id).toBe(first.contact_id);
  });

  it('never takes an address or profile that belongs to another contact', async () => {
    const mia = person();
    const rob = person('Rob Stone');
    const miaFiled = await file(db, ana, emailCapture(orgId, { contact: { full_name: mia.name, linkedin_url: mia.profile } }));
    const robFiled = await file(db, ana, emailCapture(orgId, { contact: { full_name: rob.name, email: rob.email, linkedin_url: rob.profile } }));
    await file(db, ana, emailCapture(orgId, { contact: { id: miaFiled.contact_id, email: rob.email, linkedin_url: rob.profile } }));
    expect(await contactRow(miaFiled.contact_id!)).toMatchObject({ email: null, linkedin_url: mia.profile });
    expect(await contactRow(robFiled.contact_id!)).toMatchObject({ email: rob.email, linkedin_url: rob.profile });
    expect((await lookup(ben, { emails: [rob.email] })).contacts.map((c) => c.id)).toEqual([robFiled.contact_id]);
  });

  it('refuses an id that is not a contact of the organization, and a name beside the id', async () => {
    const theirs = await file(db, olga, emailCapture(otherOrgId, { contact: { full_name: 'Theirs', email: `${randomUUID().slice(0, 8)}@other.example` } }));
    await expectRefusal(file(db, ana, emailCapture(orgId, { contact: { id: theirs.contact_id } })), '22023', 'contact.id: no such contact in this organization');
    await expectRefusal(file(db, ana, emailCapture(orgId, { contact: { id: randomUUID() } })), '22023', 'contact.id: no such contact in this organization');
    await expectRefusal(file(db, ana, emailCapture(orgId, { contact: { id: 'not-a-uuid' } })), '22023', 'contact.id: must be a uuid');
    await expectRefusal(
      file(db, ana, emailCapture(orgId, { contact: { id: theirs.contact_id, full_name: 'Mia' } })),
      '22023',
      'contact.full_name: must not be given with contact.id',
    );
  });
});

describe('merge_contacts', () => {
  it('moves every entry with its author, revisions and retraction, and every old identity leads to the kept contact', async () => {
    const byMail = person();
    const byProfile = person();
    const kept = await file(db, ana, emailCapture(orgId, { contact: { full_name: byMail.name, email: byMail.email } }));
    const extraAddress = `${randomUUID().slice(0, 8)}@acme-robotics.example`;
    await file(db, ana, emailCapture(orgId, { contact: { id: kept.contact_id, email: extraAddress } }));
    const otherMail = person();
    const merged = await file(db, ben, profileCapture(orgId, byProfile));
    const mergedEmail = await file(db, ben, emailCapture(orgId, { contact: { id: merged.contact_id, email: otherMail.email } }));
    const retracted = await file(db, ben, emailCapture(orgId, { contact: { id: merged.contact_id } }));
    await rpc(db, ben, 'retract_interaction', { id: retracted.id });
    await query(db, ben, `update public.interactions set title = 'Asked about pricing again' where id = $1`, [mergedEmail.id]);

    const result = await rpc<string>(db, ana, 'merge_contacts', { org_id: orgId, keep_id: kept.contact_id, merge_id: merged.contact_id });
    expect(result).toBe(kept.contact_id);

    expect(await superuser(db, 'select id from public.contacts where id = $1', [merged.contact_id])).toEqual([]);
    const entries = await superuser<{ id: string; contact_id: string; author_id: string; retracted_at: string | null }>(
      db,
      'select id, contact_id, author_id, retracted_at from public.interactions where id = any ($1) order by id',
      [[merged.id, mergedEmail.id, retracted.id]],
    );
    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      expect(entry.contact_id).toBe(kept.contact_id);
      expect(entry.author_id).toBe(ben.id);
    }
    expect(entries.find((e) => e.id === retracted.id)!.retracted_at).not.toBeNull();
    const [revisions] = await superuser<{ n: number }>(db, 'select count(*)::int as n from public.interaction_revisions where interaction_id = $1', [mergedEmail.id]);
    expect(revisions!.n).toBe(1);
    // The kept contact took the profile it lacked, and kept its own email.
    expect(await contactRow(kept.contact_id!)).toMatchObject({ email: byMail.email, linkedin_url: byProfile.profile });

    // Every email and profile either had now finds the kept contact, for lookups and filings.
    for (const identity of [{ emails: [byMail.email] }, { emails: [extraAddress] }, { emails: [otherMail.email] }, { linkedin_url: byProfile.profile }]) {
      const context = await lookup(ben, identity);
      expect(context.contacts.map((c) => c.id), JSON.stringify(identity)).toEqual([kept.contact_id]);
    }
    const viaOldAddress = await file(db, ben, emailCapture(orgId, { contact: { full_name: 'Whoever', email: otherMail.email } }));
    expect(viaOldAddress.contact_id).toBe(kept.contact_id);
    // An outbox item that still names the merged contact lands on the kept one.
    const viaOldId = await file(db, ben, emailCapture(orgId, { contact: { id: merged.contact_id } }));
    expect(viaOldId.contact_id).toBe(kept.contact_id);

    const [line] = await query(db, ben, 'select org_id, keep_id, merged_id, merged_name, merged_linkedin_url, kept_name, merged_by from public.contact_merges where merged_id = $1', [merged.contact_id]);
    expect(line).toEqual({
      org_id: orgId,
      keep_id: kept.contact_id,
      merged_id: merged.contact_id,
      merged_name: byProfile.name,
      merged_linkedin_url: byProfile.profile,
      kept_name: byMail.name,
      merged_by: ana.id,
    });
    expect(await query(db, olga, 'select id from public.contact_merges')).toEqual([]);
  });

  it('refuses outsiders, the same contact twice, and contacts of another organization', async () => {
    const a = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'A', email: person().email } }));
    const b = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'B', email: person().email } }));
    const theirs = await file(db, olga, emailCapture(otherOrgId, { contact: { full_name: 'T', email: `${randomUUID().slice(0, 8)}@other.example` } }));
    await expectRefusal(rpc(db, olga, 'merge_contacts', { org_id: orgId, keep_id: a.contact_id, merge_id: b.contact_id }), '42501', 'org_id: you are not a member of this organization');
    await expectRefusal(rpc(db, olga, 'merge_contacts', { org_id: otherOrgId, keep_id: theirs.contact_id, merge_id: b.contact_id }), 'P0002', 'merge_id: no such contact in this organization');
    await expectRefusal(rpc(db, 'anon', 'merge_contacts', { org_id: orgId, keep_id: a.contact_id, merge_id: b.contact_id }), '42501');
    await expectRefusal(rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: a.contact_id, merge_id: a.contact_id }), '22023', 'merge_id: must be another contact than keep_id');
    await expectRefusal(rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: a.contact_id, merge_id: theirs.contact_id }), 'P0002', 'merge_id: no such contact in this organization');
    expect(await superuser(db, 'select id from public.contacts where id = any ($1)', [[a.contact_id, b.contact_id, theirs.contact_id]])).toHaveLength(3);
  });

  it('leaves one consistent result when the same merge arrives twice or the other way round', async () => {
    const a = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Twin', email: person().email } }));
    const b = await file(db, ben, emailCapture(orgId, { contact: { full_name: 'Twin', email: person().email } }));
    await rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: a.contact_id, merge_id: b.contact_id });
    // The second of two racing merges runs after the first (the organization's lock) and finds
    // its record gone.
    await expectRefusal(rpc(db, ben, 'merge_contacts', { org_id: orgId, keep_id: b.contact_id, merge_id: a.contact_id }), 'P0002', 'keep_id: no such contact in this organization');
    await expectRefusal(rpc(db, ben, 'merge_contacts', { org_id: orgId, keep_id: a.contact_id, merge_id: b.contact_id }), 'P0002', 'merge_id: no such contact in this organization');
    const entries = await superuser<{ contact_id: string }>(db, 'select contact_id from public.interactions where id = any ($1)', [[a.id, b.id]]);
    expect(entries.map((e) => e.contact_id)).toEqual([a.contact_id, a.contact_id]);
    const lines = await superuser(db, 'select keep_id from public.contact_merges where merged_id = $1', [b.contact_id]);
    expect(lines).toEqual([{ keep_id: a.contact_id }]);
  });
});

describe('merge_accounts', () => {
  it('moves domains, contacts and entries; the old name, domain and id lead to the kept account', async () => {
    const suffix = randomUUID().slice(0, 8);
    const byDomain = await file(db, ana, emailCapture(orgId, {
      signals: ['pricing'],
      contact: { full_name: 'Lena', email: `lena@zeta-${suffix}.example`, company: `Zeta ${suffix}` },
    }));
    const byName = await file(db, ben, emailCapture(orgId, {
      signals: ['pricing', 'churn_risk'],
      contact: { full_name: 'Lars', linkedin_url: `https://www.linkedin.com/in/lars-${suffix}` },
      account: { name: `Zeta ${suffix} GmbH` },
    }));
    expect(byName.account_id).not.toBe(byDomain.account_id);
    const signalSeries = await superuser<{ exists: boolean }>(db, `select to_regproc('public.signal_series') is not null as exists`);
    const series = async (account: string) =>
      query<{ signal: string; entries: number; accounts: number }>(
        db,
        ana,
        `select signal, sum(entries)::int as entries, max(accounts)::int as accounts
         from public.signal_series($1, 104, null, $2) group by signal order by signal`,
        [orgId, account],
      );

    const kept = await rpc<string>(db, ben, 'merge_accounts', { org_id: orgId, keep_id: byDomain.account_id, merge_id: byName.account_id });
    expect(kept).toBe(byDomain.account_id);

    expect(await superuser(db, 'select id from public.accounts where id = $1', [byName.account_id])).toEqual([]);
    const moved = await superuser<{ account_id: string }>(db, 'select account_id from public.interactions where id = $1', [byName.id]);
    expect(moved).toEqual([{ account_id: byDomain.account_id }]);
    expect(await contactRow(byName.contact_id!)).toMatchObject({ account_id: byDomain.account_id });
    const [overview] = await query(db, ana, 'select contact_count, signals_90d from public.account_overview where account_id = $1', [byDomain.account_id]);
    expect(overview).toMatchObject({ contact_count: 2 });
    const timeline = await query<{ id: string }>(db, ana, 'select id from public.account_timeline where account_id = $1', [byDomain.account_id]);
    expect(timeline.map((row) => row.id).sort()).toEqual([byDomain.id, byName.id].sort());

    // The insights rollup (kept by triggers on the entries) follows them to the kept
    // account exactly: the same numbers as counting the entries themselves, and nothing left
    // on the merged account.
    expect(signalSeries[0]!.exists).toBe(true);
    expect(await series(byDomain.account_id!)).toEqual([
      { signal: 'churn_risk', entries: 1, accounts: 1 },
      { signal: 'pricing', entries: 2, accounts: 1 },
    ]);
    await expectRefusal(series(byName.account_id!), '22023', 'only_account: no such account in this organization');
    const rollup = await query<{ week: string; signal: string; entries: number; accounts: number }>(
      db,
      ana,
      `select week::text, signal, entries, accounts from public.signal_series($1, 104) where entries > 0 order by week, signal`,
      [orgId],
    );
    const truth = await superuser<{ week: string; signal: string; entries: number; accounts: number }>(
      db,
      `select date_trunc('week', i.occurred_at at time zone 'UTC')::date::text as week, s as signal,
              count(*)::int as entries, count(distinct i.account_id)::int as accounts
       from public.interactions i cross join unnest(i.signals) s
       where i.org_id = $1 and i.retracted_at is null and i.occurred_at >= now() - interval '104 weeks'
       group by 1, 2 order by 1, 2`,
      [orgId],
    );
    expect(rollup).toEqual(truth);

    const underOldName = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Lars', linkedin_url: `https://www.linkedin.com/in/lars-${suffix}` }, account: { name: `zeta ${suffix} gmbh` } }));
    expect(underOldName.account_id).toBe(byDomain.account_id);
    const underOldId = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Lars', linkedin_url: `https://www.linkedin.com/in/lars-${suffix}` }, account: { id: byName.account_id } }));
    expect(underOldId.account_id).toBe(byDomain.account_id);

    const [line] = await query(db, ana, 'select keep_id, merged_name, kept_name, merged_by from public.account_merges where merged_id = $1', [byName.account_id]);
    expect(line).toEqual({ keep_id: byDomain.account_id, merged_name: `Zeta ${suffix} GmbH`, kept_name: `Zeta ${suffix}`, merged_by: ben.id });
  });

  it('refuses outsiders, the same account twice and accounts of another organization', async () => {
    const a = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'A', email: person().email }, account: { name: `Alpha ${randomUUID()}` } }));
    const b = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'B', email: person().email }, account: { name: `Beta ${randomUUID()}` } }));
    const theirs = await file(db, olga, emailCapture(otherOrgId, { contact: { full_name: 'T', email: `${randomUUID().slice(0, 8)}@other.example` } }));
    await expectRefusal(rpc(db, olga, 'merge_accounts', { org_id: orgId, keep_id: a.account_id, merge_id: b.account_id }), '42501', 'org_id: you are not a member of this organization');
    await expectRefusal(rpc(db, ana, 'merge_accounts', { org_id: orgId, keep_id: a.account_id, merge_id: a.account_id }), '22023', 'merge_id: must be another account than keep_id');
    await expectRefusal(rpc(db, ana, 'merge_accounts', { org_id: orgId, keep_id: theirs.account_id, merge_id: a.account_id }), 'P0002', 'keep_id: no such account in this organization');
    expect(await query(db, olga, 'select id from public.account_merges')).toEqual([]);
  });
});

describe('what the popup reads', () => {
  it('shows each merge as one line in the account’s timeline history, with who did it', async () => {
    const suffix = randomUUID().slice(0, 8);
    const domain = `eta-${suffix}.example`;
    const kept = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Mia Schmidt', email: `mia@${domain}` } }));
    const other = await file(db, ana, emailCapture(orgId, {
      contact: { full_name: 'Mia Schmidt', linkedin_url: `https://www.linkedin.com/in/mia-${suffix}` },
      account: { id: kept.account_id },
    }));
    const people = await rpc<unknown>(db, ben, 'account_contacts', { org_id: orgId, account_id: kept.account_id });
    expect(people).toBeTruthy();
    const rows = await query<Row>(db, ben, 'select * from public.account_contacts($1, $2)', [orgId, kept.account_id]);
    expect(rows.map((row) => row.id).sort()).toEqual([kept.contact_id, other.contact_id].sort());
    expect(rows[0]).toMatchObject({ full_name: 'Mia Schmidt', further_emails: [], last_entry_at: expect.anything() });

    await rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: kept.contact_id, merge_id: other.contact_id });
    const history = await query<Row>(db, ben, 'select * from public.merge_history($1, $2)', [orgId, kept.account_id]);
    expect(history).toEqual([
      expect.objectContaining({
        kind: 'contact',
        merged_name: 'Mia Schmidt',
        merged_linkedin_url: `https://www.linkedin.com/in/mia-${suffix}`,
        kept_name: 'Mia Schmidt',
        merged_by_display_name: 'Ana',
      }),
    ]);
    const after = await query<Row>(db, ben, 'select * from public.account_contacts($1, $2)', [orgId, kept.account_id]);
    expect(after).toHaveLength(1);
    await expectRefusal(query(db, olga, 'select * from public.merge_history($1, $2)', [orgId, kept.account_id]), '42501');
    await expectRefusal(query(db, olga, 'select * from public.account_contacts($1, $2)', [orgId, kept.account_id]), '42501');
  });
});

describe('the capture: clips, limits and spaces', () => {
  const hash = (seed: string) => Array.from({ length: 64 }, (_, i) => '0123456789abcdef'[(seed.charCodeAt(i % seed.length) + i) % 16]).join('');

  it('files a clip once however often it is sent', async () => {
    const ref = hash(randomUUID());
    const clip = emailCapture(orgId, { kind: 'clip', source_ref: ref, source_url: 'https://forum.example/t/42', title: 'Clip from forum.example' });
    const first = await file(db, ana, clip);
    expect(first.created).toBe(true);
    const again = await file(db, ana, { ...clip, id: randomUUID() });
    expect(again).toMatchObject({ id: first.id, created: false });
    const [row] = await superuser(db, 'select kind, source_ref from public.interactions where id = $1', [first.id]);
    expect(row).toEqual({ kind: 'clip', source_ref: ref });
  });

  it.each<[string, Row, string]>([
    ['a clip without source_ref', { kind: 'clip', source_ref: null }, 'source_ref: is required for clip'],
    ['a clip keyed by its address', { kind: 'clip', source_ref: 'https://forum.example/t/42' }, 'source_ref: must be the SHA-256 of the address and the text (64 lowercase hex characters) for a clip'],
    ['a clip without contact', { kind: 'clip', source_ref: 'a'.repeat(64), contact: null, account: { name: 'Forum' } }, 'contact: is required'],
    ['a company over 200 characters', { contact: { full_name: 'Long', email: 'long@long.example', company: 'x'.repeat(201) } }, 'contact.company: must be at most 200 characters'],
    ['an account name over 200 characters', { account: { name: 'y'.repeat(201) } }, 'account.name: must be at most 200 characters'],
    ['a title over 300 characters', { title: 't'.repeat(301) }, 'title: must be at most 300 characters'],
    ['a title of only spaces', { title: ' \u00a0 ' }, 'title: is required'],
    ['a text of only spaces', { body: '  \n\t ' }, 'body: must not be only spaces'],
  ])('refuses %s, storing nothing', async (_name, overrides, message) => {
    const capture = emailCapture(orgId, overrides);
    await expectRefusal(file(db, ana, capture), '22023', message);
    expect(await superuser(db, 'select id from public.interactions where id = $1', [capture.id])).toEqual([]);
  });

  it('still files an entry with an empty text', async () => {
    expect((await file(db, ana, emailCapture(orgId, { body: '' }))).created).toBe(true);
  });
});
