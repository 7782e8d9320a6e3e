// Filing on an account the rep chose (docs/design.md, "Merges can be undone, and old ids lead
// on"): a company the team knows under one domain never gets a second account when a contact
// writes from another; the new domain joins the chosen account, unless it is free mail or
// another account of the organization already has it (then it stays there).
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, emailCapture, file, freshDb, superuser, type User } from './helpers.ts';

let db: PGlite;
let ana: User;
let orgId: string;
let acmeId: string;

const domainsOf = async (accountId: string) =>
  (await superuser<{ domain: string }>(db, 'select domain from public.account_domains where account_id = $1 order by domain', [accountId]))
    .map((row) => row.domain);

const fromAddress = (email: string, name: string, account?: { id: string }) =>
  emailCapture(orgId, {
    contact: { full_name: name, email, company: 'Acme Robotics' },
    ...(account ? { account } : {}),
  });

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example', { display_name: 'Ana' });
  orgId = await createOrganization(db, ana, 'Highcard');
  acmeId = (await file(db, ana, fromAddress('dana@acme-robotics.example', 'Dana Whitfield'))).account_id!;
});

describe('filing on a chosen account', () => {
  it("adds the contact's new company domain to the account the rep chose", async () => {
    const filed = await file(db, ana, fromAddress('jonas@acme-robotics.de', 'Jonas Weber', { id: acmeId }));
    expect(filed.account_id).toBe(acmeId);
    expect(await domainsOf(acmeId)).toEqual(['acme-robotics.de', 'acme-robotics.example']);
  });

  it('files the next message from that domain on the chosen account, not on a new one', async () => {
    const before = await superuser<{ n: number }>(db, 'select count(*)::int as n from public.accounts where org_id = $1', [orgId]);
    const filed = await file(db, ana, fromAddress('lena@acme-robotics.de', 'Lena Vogel'));
    expect(filed.account_id).toBe(acmeId);
    const after = await superuser<{ n: number }>(db, 'select count(*)::int as n from public.accounts where org_id = $1', [orgId]);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('never adds a free-mail domain', async () => {
    const filed = await file(db, ana, fromAddress('mia.private@gmail.com', 'Mia Schmidt', { id: acmeId }));
    expect(filed.account_id).toBe(acmeId);
    expect(await domainsOf(acmeId)).not.toContain('gmail.com');
    const gmail = await superuser(db, "select 1 from public.account_domains where org_id = $1 and domain = 'gmail.com'", [orgId]);
    expect(gmail).toHaveLength(0);
  });

  it("leaves a domain another account already has with that account, and still files on the chosen one", async () => {
    const globex = (await file(db, ana, emailCapture(orgId, {
      contact: { full_name: 'Gary Globe', email: 'gary@globex.example', company: 'Globex' },
    }))).account_id!;
    expect(globex).not.toBe(acmeId);

    const filed = await file(db, ana, fromAddress('sam@globex.example', 'Sam Shared', { id: acmeId }));
    expect(filed.account_id).toBe(acmeId);
    expect(await domainsOf(globex)).toEqual(['globex.example']);
    expect(await domainsOf(acmeId)).not.toContain('globex.example');

    const next = await file(db, ana, emailCapture(orgId, {
      contact: { full_name: 'Gina Globe', email: 'gina@globex.example', company: 'Globex' },
    }));
    expect(next.account_id).toBe(globex);
  });
});
