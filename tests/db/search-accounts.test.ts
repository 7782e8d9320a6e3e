// search_accounts: the popup's account search, by name or domain prefix, inside the caller's
// organization only.
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createUser, emailCapture, expectRefusal, file, freshDb, query, rpc, superuser, type User } from './helpers.ts';

let db: PGlite;
let ana: User;
let olga: User;
let orgId: string;
let otherOrgId: string;

const names = (rows: Array<Record<string, unknown>>) => rows.map((row) => row.name);
const search = (caller: User | 'anon', org: string, prefix: string, maxRows?: number) =>
  query(
    db,
    caller,
    `select * from public.search_accounts(org_id => $1, prefix => $2${maxRows ? ', max_rows => $3' : ''})`,
    maxRows ? [org, prefix, maxRows] : [org, prefix],
  );

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example');
  olga = await createUser(db, 'olga@other.example');
  orgId = await createOrganization(db, ana, 'Highcard Demo');
  otherOrgId = await createOrganization(db, olga, 'Other Co');
  const account = (name: string, domain: string) =>
    emailCapture(orgId, { contact: { full_name: 'X', email: `x@${domain}` }, account: { name, domain } });
  await file(db, ana, account('Acme Robotics', 'acme-robotics.example'));
  await file(db, ana, account('Acme Foods', 'acmefoods.example'));
  await file(db, ana, account('Northwind Freight', 'nwf.example'));
  await file(db, ana, account('100% Cotton_Co', 'cotton.example'));
  await file(db, olga, emailCapture(otherOrgId, { contact: { full_name: 'Y', email: 'y@acme-secret.example' }, account: { name: 'Acme Secret', domain: 'acme-secret.example' } }));
});

describe('account search', () => {
  it('finds accounts by name prefix whatever the case, by name', async () => {
    expect(names(await search(ana, orgId, 'acme'))).toEqual(['Acme Foods', 'Acme Robotics']);
    expect(names(await search(ana, orgId, 'ACME R'))).toEqual(['Acme Robotics']);
  });

  it('finds accounts by domain prefix, with the overview columns', async () => {
    const [hit] = await search(ana, orgId, 'nwf');
    expect(hit).toMatchObject({ name: 'Northwind Freight', domains: ['nwf.example'], contact_count: 1 });
  });

  it('treats % and _ as the letters they are', async () => {
    expect(names(await search(ana, orgId, '100%'))).toEqual(['100% Cotton_Co']);
    expect(names(await search(ana, orgId, '1_0'))).toEqual([]);
    expect(names(await search(ana, orgId, '%'))).toEqual([]);
  });

  it('returns nothing for an empty prefix and honours the row limit', async () => {
    expect(await search(ana, orgId, '   ')).toEqual([]);
    expect(names(await search(ana, orgId, 'a', 1))).toEqual(['Acme Foods']);
  });

  it('orders domain matches by their account’s current name, each account once', async () => {
    const account = (name: string, domain: string) =>
      emailCapture(orgId, { contact: { full_name: 'Z', email: `z@${domain}` }, account: { name, domain } });
    await file(db, ana, account('Zeta Shared', 'shared-z.example'));
    await file(db, ana, account('Mid Shared', 'shared-m.example'));
    await file(db, ana, account('Beta Shared', 'shared-b.example'));
    const [zeta] = await superuser<{ id: string }>(db, `select id from public.accounts where name = 'Zeta Shared'`);
    await superuser(db, `insert into public.account_domains (org_id, account_id, domain) values ($1, $2, 'shared-y.example')`, [orgId, zeta!.id]);
    expect(names(await search(ana, orgId, 'shared', 2))).toEqual(['Beta Shared', 'Mid Shared']);
    await superuser(db, `update public.accounts set name = 'Alpha Shared' where id = $1`, [zeta!.id]);
    expect(names(await search(ana, orgId, 'shared', 2))).toEqual(['Alpha Shared', 'Beta Shared']);
    expect(names(await search(ana, orgId, 'shared'))).toEqual(['Alpha Shared', 'Beta Shared', 'Mid Shared']);
  });

  it('answers each account’s overview exactly as row level security shows it to the member', async () => {
    // A colleague's retracted entry and an author's own retracted entry: neither counts for
    // anyone in the overview, whichever way it is read.
    const bea = await createUser(db, 'bea@highcard.example');
    await addMember(db, ana, orgId, bea, 'member', 'sales');
    const onAcme = (signals: string[]) =>
      emailCapture(orgId, {
        contact: { full_name: 'Ann Acme', email: 'ann@acme-robotics.example' },
        account: { name: 'Acme Robotics', domain: 'acme-robotics.example' },
        occurred_at: new Date(Date.now() - 86_400_000).toISOString(),
        signals,
      });
    await file(db, bea, onAcme(['pricing']));
    const gone = await file(db, bea, onAcme(['churn_risk', 'pricing']));
    await rpc(db, bea, 'retract_interaction', { id: gone.id });
    const mine = await file(db, ana, onAcme(['competitor']));
    await rpc(db, ana, 'retract_interaction', { id: mine.id });
    for (const reader of [ana, bea]) {
      const searched = await search(reader, orgId, 'acme', 50);
      const throughRls = await query(
        db,
        reader,
        `select o.* from public.account_overview o
         where o.account_id = any (private.search_account_ids($1, 'acme', 50))
         order by lower(o.name), o.account_id`,
        [orgId],
      );
      expect(searched).toEqual(throughRls);
      const acme = searched.find((row) => row.name === 'Acme Robotics') as { signals_90d: Record<string, number> };
      expect(Object.keys(acme.signals_90d)).toContain('pricing');
      expect(Object.keys(acme.signals_90d)).not.toContain('churn_risk');
      expect(Object.keys(acme.signals_90d)).not.toContain('competitor');
    }
  });

  it('never finds another organization’s accounts', async () => {
    expect(names(await search(ana, orgId, 'acme s'))).toEqual([]);
    await expectRefusal(search(ana, otherOrgId, 'acme'), '42501', 'org_id: you are not a member of this organization');
  });

  it('is not open to anon', async () => {
    await expectRefusal(search('anon', orgId, 'acme'), '42501');
  });
});
