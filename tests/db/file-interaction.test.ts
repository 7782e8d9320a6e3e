// file_interaction: the capture is re-checked, filed once however often it arrives, and lands
// on the right contact and account.
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
  superuser,
  type Row,
  type User,
} from './helpers.ts';

let db: PGlite;
let ana: User;
let ben: User;
let outsider: User;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example');
  ben = await createUser(db, 'ben@highcard.example');
  outsider = await createUser(db, 'olga@other.example');
  orgId = await createOrganization(db, ana, 'Highcard Demo');
  await addMember(db, ana, orgId, ben);
  otherOrgId = await createOrganization(db, outsider, 'Other Co');
});

const counts = async () =>
  (
    await superuser<Record<string, number>>(
      db,
      `select (select count(*)::int from public.interactions) as interactions,
              (select count(*)::int from public.contacts) as contacts,
              (select count(*)::int from public.accounts) as accounts,
              (select count(*)::int from public.account_domains) as domains`,
    )
  )[0]!;

describe('filing', () => {
  it('files an email with its contact and an account made from the company domain', async () => {
    const capture = emailCapture(orgId, { contact: { full_name: 'Dana Whitfield', email: 'Dana@Acme-Robotics.example', company: 'Acme Robotics' } });
    const result = await file(db, ana, capture);
    expect(result).toMatchObject({ id: capture.id, created: true });
    const [entry] = await superuser(db, 'select author_id, kind, title, body, signals, source_url from public.interactions where id = $1', [capture.id]);
    expect(entry).toEqual({
      author_id: ana.id,
      kind: 'email',
      title: capture.title,
      body: capture.body,
      signals: ['pricing', 'buying_signal'],
      source_url: capture.source_url,
    });
    const [contact] = await superuser(db, 'select full_name, email, account_id from public.contacts where id = $1', [result.contact_id]);
    expect(contact).toEqual({ full_name: 'Dana Whitfield', email: 'dana@acme-robotics.example', account_id: result.account_id });
    const [account] = await superuser(db, 'select name, org_id from public.accounts where id = $1', [result.account_id]);
    expect(account).toEqual({ name: 'Acme Robotics', org_id: orgId });
    expect(await superuser(db, 'select domain from public.account_domains where account_id = $1', [result.account_id])).toEqual([
      { domain: 'acme-robotics.example' },
    ]);
  });

  it('stores the body exactly as given and trims the title', async () => {
    const body = '  Line one\n\n\tLine two with trailing spaces   \n';
    const capture = emailCapture(orgId, { title: '   Renewal question  ', body });
    await file(db, ana, capture);
    expect(await superuser(db, 'select title, body from public.interactions where id = $1', [capture.id])).toEqual([
      { title: 'Renewal question', body },
    ]);
  });

  it('takes the author from the session, never from the capture', async () => {
    const capture = emailCapture(orgId);
    await file(db, ben, capture);
    expect(await superuser(db, 'select author_id from public.interactions where id = $1', [capture.id])).toEqual([{ author_id: ben.id }]);
  });

  it('matches an account by domain for a colleague filing about someone else there', async () => {
    const first = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Raj Patel', email: 'raj@globex.example', company: 'Globex' } }));
    const second = await file(db, ben, emailCapture(orgId, { contact: { full_name: 'Mia Chen', email: 'mia@GLOBEX.example' } }));
    expect(second.account_id).toBe(first.account_id);
    expect(second.contact_id).not.toBe(first.contact_id);
  });

  it('matches a contact by email regardless of case and fills in what it lacked', async () => {
    const first = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Lee Park', email: 'lee.park@initech.example' } }));
    const second = await file(db, ben, emailCapture(orgId, {
      contact: { full_name: 'Lee Park (Initech)', email: 'LEE.PARK@initech.example', title: 'CTO', linkedin_url: 'https://www.linkedin.com/in/lee-park' },
    }));
    expect(second.contact_id).toBe(first.contact_id);
    expect(await superuser(db, 'select full_name, title, linkedin_url from public.contacts where id = $1', [first.contact_id])).toEqual([
      { full_name: 'Lee Park', title: 'CTO', linkedin_url: 'https://www.linkedin.com/in/lee-park' },
    ]);
    // Nulls never erase what is known.
    await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Lee Park', email: 'lee.park@initech.example', title: null } }));
    expect(await superuser(db, 'select title from public.contacts where id = $1', [first.contact_id])).toEqual([{ title: 'CTO' }]);
  });

  it('matches a contact by LinkedIn profile regardless of case', async () => {
    const profile = {
      id: randomUUID(),
      org_id: orgId,
      kind: 'linkedin_profile',
      source_ref: 'https://www.linkedin.com/in/sam-rivera',
      source_url: 'https://www.linkedin.com/in/sam-rivera',
      occurred_at: '2026-11-21T10:00:00+01:00',
      title: 'Moved to Umbrella as VP Operations',
      body: '',
      signals: ['job_change'],
      contact: { full_name: 'Sam Rivera', linkedin_url: 'https://www.linkedin.com/in/sam-rivera', company: 'Umbrella' },
    };
    const first = await file(db, ana, profile);
    expect(first.account_id).toBeNull();
    const second = await file(db, ben, emailCapture(orgId, {
      contact: { full_name: 'Sam Rivera', email: 'sam@umbrella.example', linkedin_url: 'https://www.linkedin.com/in/Sam-Rivera' },
    }));
    expect(second.contact_id).toBe(first.contact_id);
    expect(await superuser(db, 'select email, account_id is not null as has_account from public.contacts where id = $1', [first.contact_id])).toEqual([
      { email: 'sam@umbrella.example', has_account: true },
    ]);
  });

  it('never makes or matches an account for a free-mail sender', async () => {
    const before = await counts();
    const result = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Pat Doe', email: 'pat.doe@gmail.com', company: 'Gmail Fans Inc' } }));
    expect(result.account_id).toBeNull();
    const after = await counts();
    expect(after.accounts).toBe(before.accounts);
    expect(after.domains).toBe(before.domains);
    expect(await superuser(db, `select count(*)::int as n from public.account_domains where domain = 'gmail.com'`)).toEqual([{ n: 0 }]);
  });

  it('uses a named account and its domain, matching it again by domain', async () => {
    const first = await file(db, ana, emailCapture(orgId, {
      contact: { full_name: 'Kim Lo', email: 'kim@gmail.com' },
      account: { name: 'Hooli', domain: 'Hooli.example' },
    }));
    expect(first.account_id).not.toBeNull();
    const second = await file(db, ben, emailCapture(orgId, { contact: { full_name: 'Ola N', email: 'ola@hooli.example' } }));
    expect(second.account_id).toBe(first.account_id);
  });

  it('matches a named account without a domain by name regardless of case', async () => {
    const first = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Ivy', email: 'ivy@yahoo.com' }, account: { name: 'Stark Industries' } }));
    const second = await file(db, ben, emailCapture(orgId, { contact: { full_name: 'Tony', email: 'tony@icloud.com' }, account: { name: 'STARK industries' } }));
    expect(second.account_id).toBe(first.account_id);
  });

  it('files on an account by id, only when it belongs to the same organization', async () => {
    const [acme] = await superuser<{ id: string }>(db, `select id from public.accounts where org_id = $1 and name = 'Acme Robotics'`, [orgId]);
    const note = { id: randomUUID(), org_id: orgId, kind: 'note', occurred_at: '2026-11-22T08:00:00Z', title: 'Board approved budget', body: 'Heard at the conference.', signals: ['buying_signal'], account: { id: acme!.id } };
    const result = await file(db, ana, note);
    expect(result).toEqual({ id: note.id, account_id: acme!.id, contact_id: null, created: true });

    const [foreign] = await superuser<{ id: string }>(
      db,
      `insert into public.accounts (org_id, name) values ($1, 'Foreign Account') returning id`,
      [otherOrgId],
    );
    const before = await counts();
    await expectRefusal(file(db, ana, { ...note, id: randomUUID(), account: { id: foreign!.id } }), '22023', 'account.id: no such account in this organization');
    expect(await counts()).toEqual(before);
  });
});

describe('idempotency', () => {
  it('the same id twice returns the existing row and changes nothing', async () => {
    const capture = emailCapture(orgId);
    const first = await file(db, ana, capture);
    const before = await counts();
    const again = await file(db, ana, { ...capture, title: 'A different title', source_ref: 'another-ref' });
    expect(again).toEqual({ ...first, created: false });
    expect(await counts()).toEqual(before);
    expect(await superuser(db, 'select title, source_ref from public.interactions where id = $1', [capture.id])).toEqual([
      { title: capture.title, source_ref: capture.source_ref },
    ]);
  });

  it('the same source message twice, even from another colleague, is one entry', async () => {
    const capture = emailCapture(orgId);
    const first = await file(db, ana, capture);
    const before = await counts();
    const again = await file(db, ben, { ...capture, id: randomUUID(), title: 'Filed again' });
    expect(again).toEqual({ ...first, created: false });
    expect(await counts()).toEqual(before);
  });

  it('calls that arrive together file one row', async () => {
    const capture = emailCapture(orgId, { contact: { full_name: 'Zed', email: 'zed@concurrent.example' } });
    const results = await Promise.all([file(db, ana, capture), file(db, ana, capture), file(db, ana, { ...capture, id: randomUUID() })]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(await superuser(db, 'select count(*)::int as n from public.interactions where source_ref = $1', [capture.source_ref])).toEqual([{ n: 1 }]);
    expect(await superuser(db, `select count(*)::int as n from public.contacts where email = 'zed@concurrent.example'`)).toEqual([{ n: 1 }]);
  });

  it('an id already used by someone else is refused, not returned', async () => {
    const capture = emailCapture(orgId);
    await file(db, ana, capture);
    await expectRefusal(file(db, ben, { ...capture, source_ref: 'different' }), '23505', /^id: /);
    await expectRefusal(file(db, outsider, { ...capture, org_id: otherOrgId, source_ref: 'different' }), '23505', /^id: /);
  });

  it('notes without a source are told apart by their id', async () => {
    const note = { id: randomUUID(), org_id: orgId, kind: 'note', occurred_at: '2026-11-22T08:00:00Z', title: 'Call notes', body: '', contact: { full_name: 'Dana Whitfield', email: 'dana@acme-robotics.example' } };
    expect((await file(db, ana, note)).created).toBe(true);
    expect((await file(db, ana, { ...note, id: randomUUID() })).created).toBe(true);
    expect((await file(db, ana, note)).created).toBe(false);
  });
});

describe('refusals name the field and store nothing', () => {
  const refusals: Array<[string, (capture: Row) => Row, string, string?]> = [
    ['an oversized title', (c) => ({ ...c, title: 'x'.repeat(301) }), 'title: must be at most 300 characters'],
    ['an empty title', (c) => ({ ...c, title: '   ' }), 'title: is required'],
    ['an oversized body', (c) => ({ ...c, body: 'x'.repeat(20001) }), 'body: must be at most 20000 characters'],
    ['a missing body', (c) => ({ ...c, body: undefined }), 'body: must be text'],
    ['an unknown kind', (c) => ({ ...c, kind: 'tweet' }), 'kind: must be one of email, linkedin_message, linkedin_profile, note, clip'],
    ['an unknown signal', (c) => ({ ...c, signals: ['pricing', 'calls_made'] }), 'signals: unknown signal "calls_made"'],
    ['a repeated signal', (c) => ({ ...c, signals: ['pricing', 'pricing'] }), 'signals: must not repeat a signal'],
    ['signals that are not a list', (c) => ({ ...c, signals: 'pricing' }), 'signals: must be a list of signals'],
    ['no contact on an email', (c) => ({ ...c, contact: undefined }), 'contact: is required'],
    ['a note with neither contact nor account', (c) => ({ ...c, kind: 'note', source_ref: null, contact: null }), 'contact: is required unless the note is filed on an account'],
    ['a contact without email or profile', (c) => ({ ...c, contact: { full_name: 'Nobody' } }), 'contact: needs an email or a LinkedIn profile URL'],
    ['a contact with a bad email', (c) => ({ ...c, contact: { full_name: 'X', email: 'not-an-email' } }), 'contact.email: must be an email address'],
    ['a contact with an unknown key', (c) => ({ ...c, contact: { full_name: 'X', email: 'x@acme.example', phone: '555' } }), 'contact.phone: unknown field'],
    ['a non-canonical LinkedIn URL', (c) => ({ ...c, contact: { full_name: 'X', linkedin_url: 'https://www.linkedin.com/in/x/?trk=1' } }), 'contact.linkedin_url: must be a profile URL like https://www.linkedin.com/in/name'],
    ['a contact name over 200 characters', (c) => ({ ...c, contact: { full_name: 'n'.repeat(201), email: 'x@acme.example' } }), 'contact.full_name: must be at most 200 characters'],
    ['an extra top-level key', (c) => ({ ...c, author_id: randomUUID() }), 'author_id: unknown field'],
    ['a javascript: source URL', (c) => ({ ...c, source_url: 'javascript:alert(1)' }), 'source_url: must be an https:// link'],
    ['an http: source URL', (c) => ({ ...c, source_url: 'http://mail.google.com/' }), 'source_url: must be an https:// link'],
    ['an oversized source URL', (c) => ({ ...c, source_url: `https://mail.google.com/${'a'.repeat(2048)}` }), 'source_url: must be at most 2048 characters'],
    ['occurred_at without an offset', (c) => ({ ...c, occurred_at: '2026-11-20T09:30:00' }), 'occurred_at: must be an ISO 8601 time with an offset'],
    ['occurred_at that is not a date', (c) => ({ ...c, occurred_at: '2026-02-30T09:30:00Z' }), 'occurred_at: must be an ISO 8601 time with an offset'],
    ['occurred_at days in the future', (c) => ({ ...c, occurred_at: new Date(Date.now() + 3 * 86_400_000).toISOString() }), 'occurred_at: must not be in the future'],
    ['a missing source_ref on an email', (c) => ({ ...c, source_ref: null }), 'source_ref: is required for email'],
    ['an oversized source_ref', (c) => ({ ...c, source_ref: 'r'.repeat(501) }), 'source_ref: must be at most 500 characters'],
    ['an id that is not a uuid', (c) => ({ ...c, id: 'abc' }), 'id: must be a uuid'],
    ['an account with an unknown key', (c) => ({ ...c, account: { name: 'Acme', website: 'x' } }), 'account: must be { id } or { name, domain? }'],
    ['an account with a bad domain', (c) => ({ ...c, account: { name: 'Acme', domain: 'not a domain' } }), 'account.domain: must be a domain like acme.example'],
  ];

  for (const [what, change, message] of refusals) {
    it(`refuses ${what}`, async () => {
      const before = await counts();
      const capture = JSON.parse(JSON.stringify(change(emailCapture(orgId, { contact: { full_name: 'New Person', email: `new-${randomUUID()}@fresh-company.example`, company: 'Fresh Co' } })))) as Row;
      await expectRefusal(file(db, ana, capture), '22023', message);
      expect(await counts()).toEqual(before);
    });
  }

  it('refuses an organization the caller does not belong to, storing nothing', async () => {
    const before = await counts();
    await expectRefusal(file(db, ana, emailCapture(otherOrgId)), '42501', 'org_id: you are not a member of this organization');
    expect(await counts()).toEqual(before);
  });

  it('refuses a capture that is not an object', async () => {
    await expectRefusal(file(db, ana, [] as unknown as Row), '22023', 'capture: must be an object');
  });

  it('accepts the limits themselves', async () => {
    const capture = emailCapture(orgId, { title: 't'.repeat(300), body: 'b'.repeat(20000), signals: [], occurred_at: '2026-11-20T09:30:00.123+05:30' });
    expect((await file(db, ana, capture)).created).toBe(true);
  });

  it('the table itself refuses what the capture rules refuse', async () => {
    await expectRefusal(
      db.query(`update public.interactions set signals = array['calls_made'] where id = (select id from public.interactions limit 1)`),
      '23514',
    );
    await expectRefusal(
      db.query(`update public.interactions set source_url = 'javascript:alert(1)' where id = (select id from public.interactions limit 1)`),
      '23514',
    );
    await expectRefusal(
      db.query(`update public.interactions set title = repeat('x', 301) where id = (select id from public.interactions limit 1)`),
      '23514',
    );
  });
});

describe('who can file', () => {
  it('anon cannot file', async () => {
    await expectRefusal(
      as(db, 'anon', (tx) => tx.query('select public.file_interaction($1::jsonb)', [JSON.stringify(emailCapture(orgId))])),
      '42501',
    );
  });
});
