// import_records: who the customers are, brought in from another CRM's export. Matching,
// filling blanks without overwriting, the free-mail rule, roles, the row cap, bad rows, dry
// runs and a second run of the same file.
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../utils/limits';
import { addMember, createOrganization, createUser, expectRefusal, file, emailCapture, freshDb, rpc, superuser, type User } from './helpers';

interface Summary {
  accounts_new: number;
  accounts_matched: number;
  contacts_new: number;
  contacts_matched: number;
  skipped: Array<{ row: number; reason: string }>;
}
type ImportRow = Partial<Record<'account_name' | 'domain' | 'full_name' | 'email' | 'linkedin_url' | 'title', string>>;

let db: PGlite;
let admin: User;
let manager: User;
let member: User;
let outsider: User;
let orgId: string;

const importRows = (caller: User, rows: unknown, dryRun?: boolean, org = orgId) =>
  rpc<Summary>(db, caller, 'import_records', {
    org_id: org,
    rows: JSON.stringify(rows),
    ...(dryRun === undefined ? {} : { dry_run: dryRun }),
  });

/** A snapshot of everything an import may touch, row versions included (xmin changes with
 * any update, even one that writes the same values), to prove that nothing was written. */
async function everything(org: string): Promise<unknown> {
  return superuser(
    db,
    `select (select coalesce(jsonb_agg(to_jsonb(a) || jsonb_build_object('xmin', a.xmin::text) order by a.id), '[]') from public.accounts a where a.org_id = $1) as accounts,
            (select coalesce(jsonb_agg(to_jsonb(d) || jsonb_build_object('xmin', d.xmin::text) order by d.domain), '[]') from public.account_domains d where d.org_id = $1) as domains,
            (select coalesce(jsonb_agg(to_jsonb(c) || jsonb_build_object('xmin', c.xmin::text) order by c.id), '[]') from public.contacts c where c.org_id = $1) as contacts,
            (select count(*)::int from public.interactions i where i.org_id = $1) as entries`,
    [org],
  );
}

async function freshOrg(name: string): Promise<string> {
  return createOrganization(db, admin, name);
}

beforeAll(async () => {
  db = await freshDb();
  admin = await createUser(db, 'admin@import.example');
  manager = await createUser(db, 'manager@import.example');
  member = await createUser(db, 'member@import.example');
  outsider = await createUser(db, 'outsider@import.example');
  orgId = await createOrganization(db, admin, 'Import Ltd');
  await addMember(db, admin, orgId, manager, 'manager');
  await addMember(db, admin, orgId, member, 'member');
  await createOrganization(db, outsider, 'Elsewhere');
});
afterAll(async () => db?.close());

describe('import_records: who may import', () => {
  it('lets admins and managers import, and refuses members and outsiders naming the field', async () => {
    const rows: ImportRow[] = [{ account_name: 'Roles Inc', domain: 'roles.example' }];
    await expect(importRows(admin, rows, true)).resolves.toMatchObject({ accounts_new: 1 });
    await expect(importRows(manager, rows, true)).resolves.toMatchObject({ accounts_new: 1 });
    await expectRefusal(importRows(member, rows), '42501', /^org_id: only admins and managers/);
    await expectRefusal(importRows(outsider, rows), '42501', /^org_id: you are not a member/);
    await expectRefusal(
      rpc(db, 'anon', 'import_records', { org_id: orgId, rows: JSON.stringify(rows) }),
      '42501',
    );
  });

  it('takes at most 5,000 rows in one call and says to send the rest in another', async () => {
    const org = await freshOrg('Cap Co');
    const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ account_name: `Company ${i}` }));
    expect(LIMITS.importRows).toBe(5000);
    await expectRefusal(importRows(admin, rows(LIMITS.importRows + 1), false, org), '22023', /^rows: at most 5000 rows/);
    const summary = await importRows(admin, rows(LIMITS.importRows), false, org);
    expect(summary).toMatchObject({ accounts_new: LIMITS.importRows, skipped: [] });
  });

  it('refuses rows that are not an array', async () => {
    await expectRefusal(importRows(admin, { account_name: 'Not a list' }), '22023', /^rows: must be an array/);
  });
});

describe('import_records: matching', () => {
  it('matches an account by domain first, whatever name the file gives it', async () => {
    const org = await freshOrg('Domain Match');
    await importRows(admin, [{ account_name: 'Acme Robotics', domain: 'acme.example' }], false, org);
    const summary = await importRows(admin, [{ account_name: 'ACME Corp (EMEA)', domain: 'www.acme.example' }], false, org);
    expect(summary).toMatchObject({ accounts_new: 0, accounts_matched: 1 });
    const accounts = await superuser(db, 'select name from public.accounts where org_id = $1', [org]);
    expect(accounts).toEqual([{ name: 'Acme Robotics' }]);
  });

  it('matches an account by name ignoring case when the domain is unknown, and adds the domain to it', async () => {
    const org = await freshOrg('Name Match');
    await importRows(admin, [{ account_name: 'Globex' }], false, org);
    const summary = await importRows(admin, [{ account_name: 'GLOBEX', domain: 'globex.example' }], false, org);
    expect(summary).toMatchObject({ accounts_new: 0, accounts_matched: 1 });
    const domains = await superuser(
      db,
      'select a.name, d.domain from public.account_domains d join public.accounts a on a.id = d.account_id where d.org_id = $1',
      [org],
    );
    expect(domains).toEqual([{ name: 'Globex', domain: 'globex.example' }]);
  });

  it('matches a contact by email, then by LinkedIn profile, and fills only what it lacks', async () => {
    const org = await freshOrg('Contact Match');
    await importRows(
      admin,
      [
        { account_name: 'Initech', full_name: 'Peter Gibbons', email: 'peter@initech.example' },
        { account_name: 'Initech', full_name: 'Samir N', linkedin_url: 'linkedin.com/in/samir-n/', title: 'Engineer' },
      ],
      false,
      org,
    );
    const summary = await importRows(
      admin,
      [
        { account_name: 'Initech', full_name: 'P. Gibbons', email: 'PETER@initech.example', title: 'Programmer', linkedin_url: 'https://www.linkedin.com/in/peter-g' },
        { account_name: 'Initech', full_name: 'Samir Nagheenanajar', email: 'samir@initech.example', linkedin_url: 'https://www.linkedin.com/in/SAMIR-N', title: 'Manager' },
      ],
      false,
      org,
    );
    expect(summary).toMatchObject({ accounts_new: 0, accounts_matched: 1, contacts_new: 0, contacts_matched: 2 });
    const contacts = await superuser(
      db,
      'select full_name, email, linkedin_url, title, company from public.contacts where org_id = $1 order by full_name',
      [org],
    );
    expect(contacts).toEqual([
      { full_name: 'Peter Gibbons', email: 'peter@initech.example', linkedin_url: 'https://www.linkedin.com/in/peter-g', title: 'Programmer', company: 'Initech' },
      { full_name: 'Samir N', email: 'samir@initech.example', linkedin_url: 'https://www.linkedin.com/in/samir-n', title: 'Engineer', company: 'Initech' },
    ]);
  });

  it('finds a contact by a further address it has from a merge', async () => {
    const org = await freshOrg('Identity Match');
    const first = await file(db, admin, emailCapture(org, { contact: { full_name: 'Mia Schmidt', email: 'mia@umbrella.example' } }));
    const second = await file(db, admin, emailCapture(org, { contact: { full_name: 'Mia Schmidt', email: 'mia.schmidt@umbrella.example' } }));
    await rpc(db, admin, 'merge_contacts', { org_id: org, keep_id: first.contact_id, merge_id: second.contact_id });
    const summary = await importRows(admin, [{ account_name: 'Umbrella', full_name: 'Mia S.', email: 'mia.schmidt@umbrella.example' }], false, org);
    expect(summary).toMatchObject({ contacts_new: 0, contacts_matched: 1 });
    const [{ n }] = (await superuser<{ n: number }>(db, 'select count(*)::int as n from public.contacts where org_id = $1', [org])) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('puts two rows of one file about the same company and person on one record each', async () => {
    const org = await freshOrg('Same File');
    const summary = await importRows(
      admin,
      [
        { account_name: 'Hooli', domain: 'hooli.example', full_name: 'Gavin Belson', email: 'gavin@hooli.example' },
        { account_name: 'hooli', full_name: 'Gavin Belson', email: 'gavin@hooli.example', title: 'CEO' },
        { account_name: 'Hooli XYZ', domain: 'hooli.example', full_name: 'Big Head', email: 'bighead@hooli.example' },
      ],
      false,
      org,
    );
    expect(summary).toMatchObject({ accounts_new: 1, accounts_matched: 0, contacts_new: 2, contacts_matched: 0, skipped: [] });
    const contacts = await superuser(db, 'select full_name, title from public.contacts where org_id = $1 order by full_name', [org]);
    expect(contacts).toEqual([
      { full_name: 'Big Head', title: null },
      { full_name: 'Gavin Belson', title: 'CEO' },
    ]);
  });
});

describe('import_records: what it never does', () => {
  it('never attaches a free-mail domain to an account, nor matches one by it', async () => {
    const org = await freshOrg('Free Mail');
    await file(db, admin, emailCapture(org, { contact: { full_name: 'Jo Gmail', email: 'jo@gmail.com' }, account: { name: 'Somebody' } }));
    const summary = await importRows(
      admin,
      [
        { account_name: 'Tiny Shop', domain: 'gmail.com', full_name: 'Tina Shop', email: 'tina.shop@gmail.com' },
        { account_name: 'Other Shop', domain: 'GMAIL.com' },
      ],
      false,
      org,
    );
    expect(summary).toMatchObject({ accounts_new: 2, skipped: [] });
    const domains = await superuser(db, 'select domain from public.account_domains where org_id = $1', [org]);
    expect(domains).toEqual([]);
  });

  it('never creates an entry, and overwrites no name or title', async () => {
    const org = await freshOrg('No Entries');
    const filed = await file(db, admin, emailCapture(org));
    const before = await everything(org);
    await importRows(
      admin,
      [{ account_name: 'Renamed Robotics', domain: 'acme-robotics.example', full_name: 'Someone Else', email: 'dana@acme-robotics.example', title: 'CFO' }],
      false,
      org,
    );
    expect(await everything(org)).toEqual(before);
    const entries = await superuser(db, 'select id from public.interactions where org_id = $1', [org]);
    expect(entries).toEqual([{ id: filed.id }]);
  });

  it('changes nothing and writes nothing when the same file comes a second time', async () => {
    const org = await freshOrg('Twice');
    const rows: ImportRow[] = [
      { account_name: 'Stark Industries', domain: 'stark.example', full_name: 'Pepper Potts', email: 'pepper@stark.example', title: 'CEO' },
      { account_name: 'Stark Industries', full_name: 'Happy Hogan', linkedin_url: 'https://www.linkedin.com/in/happy' },
      { account_name: 'Wayne Enterprises' },
      { account_name: '' },
    ];
    const first = await importRows(admin, rows, false, org);
    expect(first).toMatchObject({ accounts_new: 2, accounts_matched: 0, contacts_new: 2, contacts_matched: 0 });
    const before = await everything(org);
    const second = await importRows(admin, rows, false, org);
    expect(second).toEqual({ accounts_new: 0, accounts_matched: 2, contacts_new: 0, contacts_matched: 2, skipped: first.skipped });
    expect(await everything(org)).toEqual(before);
  });
});

describe('import_records: bad rows and dry runs', () => {
  it('skips each bad row with its reason and its index, and imports the rest', async () => {
    const org = await freshOrg('Bad Rows');
    const summary = await importRows(
      admin,
      [
        { account_name: 'Good One', full_name: 'Ok Person', email: 'ok@good.example' },
        { domain: 'nameless.example' },
        { account_name: 'x'.repeat(LIMITS.name + 1) },
        { account_name: 'Bad Mail', full_name: 'Bad Mail', email: 'not-an-address' },
        { account_name: 'Bad Profile', full_name: 'Bad Profile', linkedin_url: 'https://example.com/in/nobody' },
        { account_name: 'No Way To Reach', full_name: 'Nobody' },
        { account_name: 'Long Title', full_name: 'Long Title', email: 'long@title.example', title: 't'.repeat(LIMITS.name + 1) },
        'just a string',
        { account_name: 'Bad Domain', domain: 'not a domain' },
        { account_name: 'Good Two', domain: 'good-two.example' },
      ],
      false,
      org,
    );
    expect(summary.skipped).toEqual([
      { row: 1, reason: 'account_name: is required' },
      { row: 2, reason: 'account_name: at most 200 characters' },
      { row: 3, reason: 'email: is not an email address' },
      { row: 4, reason: expect.stringMatching(/^linkedin_url: /) },
      { row: 5, reason: 'email: a contact needs an email address or a LinkedIn profile' },
      { row: 6, reason: 'title: at most 200 characters' },
      { row: 7, reason: expect.stringMatching(/^row: must be an object/) },
      { row: 8, reason: expect.stringMatching(/^domain: /) },
    ]);
    expect(summary).toMatchObject({ accounts_new: 2, contacts_new: 1 });
    const names = await superuser(db, 'select name from public.accounts where org_id = $1 order by name', [org]);
    expect(names).toEqual([{ name: 'Good One' }, { name: 'Good Two' }]);
  });

  it('answers a dry run exactly as the import, and writes nothing', async () => {
    const org = await freshOrg('Dry Run');
    await importRows(admin, [{ account_name: 'Known', domain: 'known.example' }], false, org);
    const rows: ImportRow[] = [
      { account_name: 'Known', domain: 'known.example', full_name: 'Kim Known', email: 'kim@known.example' },
      { account_name: 'New Co', full_name: 'Ned New', email: 'ned@new.example' },
      { account_name: '' },
    ];
    const before = await everything(org);
    const dry = await importRows(admin, rows, true, org);
    expect(await everything(org)).toEqual(before);
    const real = await importRows(admin, rows, false, org);
    expect(dry).toEqual(real);
    expect(real).toEqual({ accounts_new: 1, accounts_matched: 1, contacts_new: 2, contacts_matched: 0, skipped: [{ row: 2, reason: 'account_name: is required' }] });
  });
});
