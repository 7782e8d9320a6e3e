// Merges can be undone (docs/design.md, "Merges can be undone, and old ids lead on"): for 30
// days any member may undo a merge. The merged record comes back under its old id with its
// name and identities, exactly what the merge moved goes back, what was filed on the kept
// record since stays there, and the insights rollup and For you stay exact.
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
import { rollupDrift } from './insights-helpers.ts';

let db: PGlite;
let ana: User;
let ben: User;
let cleo: User;
let olga: User;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example', { display_name: 'Ana' });
  ben = await createUser(db, 'ben@highcard.example', { display_name: 'Ben' });
  cleo = await createUser(db, 'cleo@highcard.example', { display_name: 'Cleo' });
  olga = await createUser(db, 'olga@other.example', { display_name: 'Olga' });
  orgId = await createOrganization(db, ana, 'Highcard');
  await addMember(db, ana, orgId, ben);
  await addMember(db, ana, orgId, cleo);
  otherOrgId = await createOrganization(db, olga, 'Other Co');
});

const slug = () => randomUUID().slice(0, 8);

const lookup = (user: User, args: { emails?: string[]; linkedin_url?: string }) =>
  rpc<{ contacts: Row[]; accounts: Row[] }>(db, user, 'lookup_context', {
    emails: args.emails ?? null,
    linkedin_url: args.linkedin_url ?? null,
    org_id: orgId,
  });
const contactIdsFound = async (args: { emails?: string[]; linkedin_url?: string }) =>
  (await lookup(ben, args)).contacts.map((c) => c.id);

const lineOf = async (table: 'contact_merges' | 'account_merges', mergedId: string) =>
  (await superuser<{ id: string; undone_at: Date | null; undone_by: string | null }>(
    db,
    `select id, undone_at, undone_by from public.${table} where merged_id = $1 order by merged_at desc limit 1`,
    [mergedId],
  ))[0]!;

const undo = (caller: User | 'anon', mergeId: string, org = orgId) =>
  rpc<string>(db, caller, 'undo_merge', { org_id: org, merge_id: mergeId });

const history = (accountId: string) =>
  query<Row>(db, ben, 'select * from public.merge_history($1, $2)', [orgId, accountId]);

const entriesOf = async (ids: string[]) =>
  superuser<{ id: string; contact_id: string | null; account_id: string | null }>(
    db,
    'select id, contact_id, account_id from public.interactions where id = any ($1) order by id',
    [ids],
  );

describe('undoing a contact merge', () => {
  it('brings the merged contact back with its name, addresses, profiles and entries; what was filed since stays', async () => {
    const s = slug();
    const domain = `acme-${s}.example`;
    const keptEmail = `mia@${domain}`;
    const mergedEmail = `mia.s@${domain}`;
    const mergedProfile = `https://www.linkedin.com/in/mia-${s}`;
    const mergedFurther = `mia-${s}@gmail.com`;

    const kept = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Mia Schmidt', email: keptEmail } }));
    const merged = await file(db, ben, emailCapture(orgId, {
      signals: ['churn_risk'],
      contact: { full_name: 'Mia Schmitt', email: mergedEmail, linkedin_url: mergedProfile, title: 'CFO' },
      account: { id: kept.account_id },
    }));
    const mergedSecond = await file(db, ben, emailCapture(orgId, { contact: { id: merged.contact_id, email: mergedFurther } }));
    const retracted = await file(db, ben, emailCapture(orgId, { contact: { id: merged.contact_id } }));
    await rpc(db, ben, 'retract_interaction', { id: retracted.id });
    const [before] = await superuser(db, 'select * from public.contacts where id = $1', [merged.contact_id]);

    await rpc(db, cleo, 'merge_contacts', { org_id: orgId, keep_id: kept.contact_id, merge_id: merged.contact_id });
    // Filed on the kept contact after the merge, one of them by the merged contact's address.
    const since = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Mia', email: mergedEmail } }));
    const sinceOwn = await file(db, ana, emailCapture(orgId, { contact: { id: kept.contact_id } }));
    expect(since.contact_id).toBe(kept.contact_id);
    const line = await lineOf('contact_merges', merged.contact_id!);

    const restored = await undo(ben, line.id);
    expect(restored).toBe(merged.contact_id);

    const [after] = await superuser(db, 'select * from public.contacts where id = $1', [merged.contact_id]);
    expect({ ...after, updated_at: null }).toEqual({ ...before, updated_at: null });
    // The kept contact is as it was: its own address, no profile, no title taken from Mia Schmitt.
    const [keptRow] = await superuser(db, 'select email, linkedin_url, title from public.contacts where id = $1', [kept.contact_id]);
    expect(keptRow).toEqual({ email: keptEmail, linkedin_url: null, title: null });
    const identities = await superuser<{ contact_id: string; email: string | null; linkedin_url: string | null }>(
      db,
      'select contact_id, email, linkedin_url from public.contact_identities where contact_id = any ($1) order by email',
      [[kept.contact_id, merged.contact_id]],
    );
    expect(identities).toEqual([{ contact_id: merged.contact_id, email: mergedFurther, linkedin_url: null }]);

    // Exactly what the merge moved goes back; what was filed on the kept contact since stays.
    expect(await entriesOf([merged.id, mergedSecond.id, retracted.id, since.id, sinceOwn.id, kept.id])).toEqual(
      [
        { id: merged.id, contact_id: merged.contact_id, account_id: kept.account_id },
        { id: mergedSecond.id, contact_id: merged.contact_id, account_id: mergedSecond.account_id },
        { id: retracted.id, contact_id: merged.contact_id, account_id: retracted.account_id },
        { id: since.id, contact_id: kept.contact_id, account_id: since.account_id },
        { id: sinceOwn.id, contact_id: kept.contact_id, account_id: sinceOwn.account_id },
        { id: kept.id, contact_id: kept.contact_id, account_id: kept.account_id },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    const [retractedRow] = await superuser(db, 'select retracted_at from public.interactions where id = $1', [retracted.id]);
    expect(retractedRow!.retracted_at).not.toBeNull();

    // Lookups and filings find each by its own identities again.
    expect(await contactIdsFound({ emails: [keptEmail] })).toEqual([kept.contact_id]);
    for (const identity of [{ emails: [mergedEmail] }, { emails: [mergedFurther] }, { linkedin_url: mergedProfile }]) {
      expect(await contactIdsFound(identity), JSON.stringify(identity)).toEqual([merged.contact_id]);
    }
    const filedAgain = await file(db, cleo, emailCapture(orgId, { contact: { full_name: 'Whoever', email: mergedFurther } }));
    expect(filedAgain.contact_id).toBe(merged.contact_id);
    const byOldId = await file(db, cleo, emailCapture(orgId, { contact: { id: merged.contact_id } }));
    expect(byOldId.contact_id).toBe(merged.contact_id);

    // One line in the timeline, saying who undid it; the details are gone.
    expect(await lineOf('contact_merges', merged.contact_id!)).toMatchObject({ undone_by: ben.id, undone_at: expect.any(Date) });
    const lines = (await history(kept.account_id!)).filter((row) => row.id === line.id);
    expect(lines).toEqual([
      expect.objectContaining({
        kind: 'contact',
        merged_name: 'Mia Schmitt',
        merged_email: mergedEmail,
        merged_by_display_name: 'Cleo',
        undone_by_display_name: 'Ben',
        undo_until: null,
      }),
    ]);
    expect(await superuser(db, 'select 1 from private.merge_details where merge_id = $1', [line.id])).toEqual([]);
    expect(await rollupDrift(db)).toEqual([]);
  });

  it('gives back an entry filed without an account the account it had: none', async () => {
    const s = slug();
    const kept = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Lea', email: `lea@lea-${s}.example` } }));
    const loner = await file(db, ana, emailCapture(orgId, { signals: ['praise'], contact: { full_name: 'Lea', email: `lea-${s}@gmail.com` } }));
    expect(loner.account_id).toBeNull();
    await rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: kept.contact_id, merge_id: loner.contact_id });
    expect((await entriesOf([loner.id]))[0]!.account_id).toBe(kept.account_id);
    expect(await rollupDrift(db)).toEqual([]);
    await undo(ana, (await lineOf('contact_merges', loner.contact_id!)).id);
    expect(await entriesOf([loner.id])).toEqual([{ id: loner.id, contact_id: loner.contact_id, account_id: null }]);
    expect(await rollupDrift(db)).toEqual([]);
  });

  it('leaves For you exactly as it was: a route points at its entry wherever the entry goes', async () => {
    const s = slug();
    const kept = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Ida', email: `ida@ida-${s}.example` } }));
    const merged = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Ida', email: `ida.k@ida-${s}.example` } }));
    const routeId = await rpc<string>(db, ana, 'route_entry', { interaction_id: merged.id, to_user: ben.id, note: 'Ida asked for you' });
    const forBen = () => query<Row>(db, ben, 'select route_id, interaction_id, note from public.for_you($1)', [orgId]);
    const before = await forBen();
    expect(before).toContainEqual({ route_id: routeId, interaction_id: merged.id, note: 'Ida asked for you' });
    await rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: kept.contact_id, merge_id: merged.contact_id });
    expect(await forBen()).toEqual(before);
    await undo(cleo, (await lineOf('contact_merges', merged.contact_id!)).id);
    expect(await forBen()).toEqual(before);
  });
});

describe('undoing an account merge', () => {
  it('brings the account back with its name, domains, contacts and entries; the insights rollup stays exact', async () => {
    const s = slug();
    const keptDomain = `zeta-${s}.example`;
    const mergedDomain = `zeta-gmbh-${s}.example`;
    const kept = await file(db, ana, emailCapture(orgId, {
      signals: ['pricing'],
      contact: { full_name: 'Lena', email: `lena@${keptDomain}`, company: `Zeta ${s}` },
    }));
    const merged = await file(db, ben, emailCapture(orgId, {
      signals: ['pricing', 'churn_risk'],
      contact: { full_name: 'Lars', email: `lars@${mergedDomain}` },
      account: { name: `Zeta ${s} GmbH`, domain: mergedDomain },
    }));
    const mergedNote = await file(db, ben, emailCapture(orgId, { signals: ['objection'], contact: { full_name: 'Lars', email: `lars@${mergedDomain}` } }));
    expect(mergedNote.account_id).toBe(merged.account_id);
    const [accountBefore] = await superuser(db, 'select * from public.accounts where id = $1', [merged.account_id]);

    await rpc(db, cleo, 'merge_accounts', { org_id: orgId, keep_id: kept.account_id, merge_id: merged.account_id });
    expect(await rollupDrift(db)).toEqual([]);
    const since = await file(db, ana, emailCapture(orgId, { signals: ['churn_risk'], contact: { full_name: 'Lars', email: `lars@${mergedDomain}` } }));
    expect(since.account_id).toBe(kept.account_id);
    const newcomer = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Nina', email: `nina@${mergedDomain}` } }));
    expect(newcomer.account_id).toBe(kept.account_id);
    const line = await lineOf('account_merges', merged.account_id!);

    expect(await undo(ana, line.id)).toBe(merged.account_id);

    const [accountAfter] = await superuser(db, 'select * from public.accounts where id = $1', [merged.account_id]);
    expect(accountAfter).toEqual(accountBefore);
    const domains = await superuser<{ account_id: string; domain: string }>(
      db,
      'select account_id, domain from public.account_domains where domain = any ($1) order by domain',
      [[keptDomain, mergedDomain]],
    );
    expect(new Map(domains.map((d) => [d.domain, d.account_id]))).toEqual(
      new Map([
        [mergedDomain, merged.account_id],
        [keptDomain, kept.account_id],
      ]),
    );
    const contacts = await superuser<{ id: string; account_id: string }>(
      db,
      'select id, account_id from public.contacts where id = any ($1)',
      [[merged.contact_id, kept.contact_id, newcomer.contact_id]],
    );
    expect(new Map(contacts.map((c) => [c.id, c.account_id]))).toEqual(
      new Map([
        [merged.contact_id, merged.account_id],
        [kept.contact_id, kept.account_id],
        [newcomer.contact_id, kept.account_id],
      ]),
    );
    const entries = new Map((await entriesOf([merged.id, mergedNote.id, since.id, kept.id])).map((e) => [e.id, e.account_id]));
    expect(entries).toEqual(
      new Map([
        [merged.id, merged.account_id],
        [mergedNote.id, merged.account_id],
        [since.id, kept.account_id],
        [kept.id, kept.account_id],
      ]),
    );
    expect(await rollupDrift(db)).toEqual([]);

    // Filings find each account by its own domain and name again.
    const byDomain = await file(db, ben, emailCapture(orgId, { contact: { full_name: 'Olaf', email: `olaf@${mergedDomain}` } }));
    expect(byDomain.account_id).toBe(merged.account_id);
    const byName = await file(db, ben, emailCapture(orgId, { contact: { full_name: 'Pia', linkedin_url: `https://www.linkedin.com/in/pia-${s}` }, account: { name: `zeta ${s} gmbh` } }));
    expect(byName.account_id).toBe(merged.account_id);
    const accountsFound = (await lookup(ben, { emails: [`someone@${mergedDomain}`] })).accounts.map((a) => a.id);
    expect(accountsFound).toEqual([merged.account_id]);

    expect((await history(kept.account_id!)).filter((row) => row.id === line.id)).toEqual([
      expect.objectContaining({ kind: 'account', merged_name: `Zeta ${s} GmbH`, merged_domain: mergedDomain, undone_by_display_name: 'Ana' }),
    ]);
  });

  it('takes the contact merges shown in the merged account’s timeline back with it', async () => {
    const s = slug();
    const keptAccount = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Kim', email: `kim@k-${s}.example` } }));
    const a = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Tom', email: `tom@t-${s}.example` } }));
    const b = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Tom', email: `tom.b@t-${s}.example` } }));
    await rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: a.contact_id, merge_id: b.contact_id });
    const contactLine = await lineOf('contact_merges', b.contact_id!);
    await rpc(db, ana, 'merge_accounts', { org_id: orgId, keep_id: keptAccount.account_id, merge_id: a.account_id });
    expect((await history(keptAccount.account_id!)).map((row) => row.id)).toContain(contactLine.id);
    await undo(ben, (await lineOf('account_merges', a.account_id!)).id);
    expect((await history(a.account_id!)).map((row) => row.id)).toEqual([contactLine.id]);
    expect((await history(keptAccount.account_id!)).map((row) => row.id)).not.toContain(contactLine.id);
  });

  it('offers undo in the history until 30 days after the merge', async () => {
    const s = slug();
    const x = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'X', email: `x@x-${s}.example` } }));
    const y = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Y', email: `y@y-${s}.example` } }));
    await rpc(db, ana, 'merge_accounts', { org_id: orgId, keep_id: x.account_id, merge_id: y.account_id });
    const [row] = (await history(x.account_id!)).filter((r) => r.merged_id === y.account_id);
    expect((row!.undo_until as Date).getTime() - (row!.merged_at as Date).getTime()).toBe(30 * 86_400_000);
    expect(row!.undone_at).toBeNull();
  });
});

describe('when undo is refused', () => {
  it('refuses while the kept contact has been merged into another since, and allows it once that is undone', async () => {
    const s = slug();
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map(async (n) => file(db, ana, emailCapture(orgId, { contact: { full_name: `Rae ${n}`, email: `rae.${n}@r-${s}.example` } }))));
    await rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: b!.contact_id, merge_id: a!.contact_id });
    await rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: c!.contact_id, merge_id: b!.contact_id });
    const first = await lineOf('contact_merges', a!.contact_id!);
    const second = await lineOf('contact_merges', b!.contact_id!);
    await expectRefusal(undo(ben, first.id), '22023', 'merge_id: Rae b has since been merged into another contact; undo that merge first');
    expect(await undo(ben, second.id)).toBe(b!.contact_id);
    expect(await undo(ben, first.id)).toBe(a!.contact_id);
    expect(await entriesOf([a!.id, b!.id, c!.id])).toEqual(
      [a!, b!, c!].map((f) => ({ id: f.id, contact_id: f.contact_id, account_id: f.account_id })).sort((x, y) => x.id.localeCompare(y.id)),
    );
    await expectRefusal(undo(ben, first.id), '22023', 'merge_id: this merge has already been undone');
  });

  it('refuses when the kept account no longer exists', async () => {
    const s = slug();
    const x = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'X', email: `x@gone-${s}.example` } }));
    const y = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Y', email: `y@gone2-${s}.example` } }));
    await rpc(db, ana, 'merge_accounts', { org_id: orgId, keep_id: x.account_id, merge_id: y.account_id });
    await superuser(db, 'delete from public.interactions where account_id = $1', [x.account_id]);
    await superuser(db, 'delete from public.contacts where account_id = $1', [x.account_id]);
    await superuser(db, 'delete from public.accounts where id = $1', [x.account_id]);
    await expectRefusal(undo(ana, (await lineOf('account_merges', y.account_id!)).id), '22023', /^merge_id: the account it was merged into \(.+\) no longer exists$/);
  });

  it('refuses after 30 days, and the purge then forgets the details, only those, however often it runs', async () => {
    const s = slug();
    const make = async () => {
      const k = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Old', email: `old@o-${s}-${slug()}.example` } }));
      const m = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Old', email: `old.m@o-${s}-${slug()}.example` }, account: { id: k.account_id } }));
      await rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: k.contact_id, merge_id: m.contact_id });
      return lineOf('contact_merges', m.contact_id!);
    };
    const old = await make();
    const recent = await make();
    await superuser(db, `update public.contact_merges set merged_at = now() - interval '30 days 1 minute' where id = $1`, [old.id]);
    await superuser(db, `update public.contact_merges set merged_at = now() - interval '29 days 23 hours' where id = $1`, [recent.id]);
    await expectRefusal(undo(ben, old.id), '22023', 'merge_id: a merge can be undone for 30 days only, and this one is older');

    const kept = async () => (await superuser<{ merge_id: string }>(db, 'select merge_id from private.merge_details where merge_id = any ($1)', [[old.id, recent.id]])).map((r) => r.merge_id);
    expect((await kept()).sort()).toEqual([old.id, recent.id].sort());
    await rpc(db, cleo, 'purge_merge_details');
    await rpc(db, cleo, 'purge_merge_details');
    expect(await kept()).toEqual([recent.id]);
    await expectRefusal(undo(ben, old.id), '22023', 'merge_id: a merge can be undone for 30 days only, and this one is older');
    expect(typeof (await undo(ben, recent.id))).toBe('string');
    await expectRefusal(query(db, 'anon', 'select public.purge_merge_details()'), '42501');
  });

  it('refuses outsiders, anon, a merge of another organization and an unknown id', async () => {
    const s = slug();
    const k = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Out', email: `out@out-${s}.example` } }));
    const m = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Out', email: `out.m@out-${s}.example` } }));
    await rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: k.contact_id, merge_id: m.contact_id });
    const line = await lineOf('contact_merges', m.contact_id!);
    await expectRefusal(undo(olga, line.id), '42501', 'org_id: you are not a member of this organization');
    await expectRefusal(undo(olga, line.id, otherOrgId), 'P0002', 'merge_id: no such merge in this organization');
    await expectRefusal(undo('anon', line.id), '42501');
    await expectRefusal(undo(ana, randomUUID()), 'P0002', 'merge_id: no such merge in this organization');
    await expectRefusal(rpc(db, ana, 'undo_merge', { org_id: orgId, merge_id: null }), '22023', 'merge_id: is required');
    expect(await superuser(db, 'select id from public.contacts where id = $1', [m.contact_id])).toEqual([]);
    // What merges moved is not readable through the API, by members either.
    await expectRefusal(query(db, ana, 'select * from private.merge_details'), '42501');
  });
});

describe('plan items', () => {
  const addItem = (caller: User, accountId: string, body: string, contactId: string | null = null) =>
    rpc<string>(db, caller, 'add_plan_item', { org_id: orgId, account_id: accountId, kind: 'step', side: 'ours', body, contact_id: contactId });
  const itemsOn = async (ids: string[]) =>
    new Map(
      (await superuser<{ id: string; account_id: string; contact_id: string | null }>(db, 'select id, account_id, contact_id from public.plan_items where id = any ($1)', [ids])).map((row) => [
        row.id,
        [row.account_id, row.contact_id],
      ]),
    );

  it('move with an account merge and come back with its undo; items added since stay', async () => {
    const s = slug();
    const kept = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Pam', email: `pam@p-${s}.example` } }));
    const merged = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Pete', email: `pete@q-${s}.example` } }));
    const keptItem = await addItem(ana, kept.account_id!, 'Send the pricing sheet');
    const mergedItem = await addItem(ben, merged.account_id!, 'Book the security review', merged.contact_id);
    await rpc(db, ana, 'merge_accounts', { org_id: orgId, keep_id: kept.account_id, merge_id: merged.account_id });
    expect(await itemsOn([mergedItem])).toEqual(new Map([[mergedItem, [kept.account_id, merged.contact_id]]]));
    const since = await addItem(ana, kept.account_id!, 'Call Pete back', merged.contact_id);

    await undo(cleo, (await lineOf('account_merges', merged.account_id!)).id);

    expect(await itemsOn([keptItem, mergedItem, since])).toEqual(
      new Map([
        [keptItem, [kept.account_id, null]],
        [mergedItem, [merged.account_id, merged.contact_id]],
        [since, [kept.account_id, merged.contact_id]],
      ]),
    );
  });

  it('move with a contact merge and come back with its undo', async () => {
    const s = slug();
    const kept = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Rita', email: `rita@r-${s}.example` } }));
    const merged = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Rita', email: `rita.m@r-${s}.example` } }));
    const item = await addItem(ben, merged.account_id!, 'Send Rita the contract', merged.contact_id);
    await rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: kept.contact_id, merge_id: merged.contact_id });
    expect(await itemsOn([item])).toEqual(new Map([[item, [merged.account_id, kept.contact_id]]]));
    const line = await lineOf('contact_merges', merged.contact_id!);
    expect(await superuser(db, 'select plan_item_ids from private.merge_details where merge_id = $1', [line.id])).toEqual([{ plan_item_ids: [item] }]);
    await undo(ben, line.id);
    expect(await itemsOn([item])).toEqual(new Map([[item, [merged.account_id, merged.contact_id]]]));
  });
});

describe('the one helper merges and undo move rows with', () => {
  it('moves only what merges move, and no signed-in user can call it', async () => {
    const s = slug();
    const kept = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Hal', email: `hal@h-${s}.example` } }));
    const other = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Ida', email: `ida@i-${s}.example` } }));
    const call = 'select private.move_merged_rows($1, $2, $3, $4, $5)';
    await expectRefusal(superuser(db, call, [orgId, 'memberships', 'user_id', other.account_id, kept.account_id]), '22023', 'relation: a merge does not move memberships.user_id');
    await expectRefusal(superuser(db, call, [orgId, 'interactions', 'author_id', other.account_id, kept.account_id]), '22023');
    await expectRefusal(query(db, ana, call, [orgId, 'interactions', 'account_id', other.account_id, kept.account_id]), '42501');
    expect(await entriesOf([other.id])).toEqual([{ id: other.id, contact_id: other.contact_id, account_id: other.account_id }]);
  });

  it('moves back only the rows written down that are still where the merge put them', async () => {
    const s = slug();
    const a = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Jo', email: `jo@j-${s}.example` } }));
    const b = await file(db, ana, emailCapture(orgId, { contact: { full_name: 'Kai', email: `kai@k-${s}.example` } }));
    const [moved] = await superuser<{ ids: string[] }>(db, 'select private.move_merged_rows($1, $2, $3, $4, $5) as ids', [orgId, 'interactions', 'account_id', b.account_id, a.account_id]);
    expect(moved!.ids).toEqual([b.id]);
    const [back] = await superuser<{ ids: string[] }>(db, 'select private.move_merged_rows($1, $2, $3, $4, $5, $6) as ids', [orgId, 'interactions', 'account_id', a.account_id, b.account_id, [b.id]]);
    expect(back!.ids).toEqual([b.id]);
    expect(await entriesOf([a.id, b.id])).toEqual(
      [
        { id: a.id, contact_id: a.contact_id, account_id: a.account_id },
        { id: b.id, contact_id: b.contact_id, account_id: b.account_id },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
  });
});
