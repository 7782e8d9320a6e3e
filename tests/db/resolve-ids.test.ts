// Old ids lead on (docs/design.md): resolve_ids tells the extension what every id it keeps
// stands for today — itself, the survivor of its merges (following chains), or nothing when
// the record is gone or belongs to another organization. An undone merge no longer redirects.
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
  type Filed,
  type User,
} from './helpers.ts';

let db: PGlite;
let ana: User;
let ben: User;
let olga: User;
let orgId: string;
let otherOrgId: string;

interface Resolved {
  kind: 'account' | 'contact';
  old_id: string;
  current_id: string | null;
}

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example', { display_name: 'Ana' });
  ben = await createUser(db, 'ben@highcard.example', { display_name: 'Ben' });
  olga = await createUser(db, 'olga@other.example', { display_name: 'Olga' });
  orgId = await createOrganization(db, ana, 'Highcard');
  await addMember(db, ana, orgId, ben);
  otherOrgId = await createOrganization(db, olga, 'Other Co');
});

const resolve = (caller: User | 'anon', accountIds: string[], contactIds: string[], org = orgId) =>
  query<Resolved>(db, caller, 'select * from public.resolve_ids(org_id => $1, account_ids => $2, contact_ids => $3)', [org, accountIds, contactIds]);

async function company(name: string, org = orgId, who: User = ana): Promise<Filed> {
  const s = randomUUID().slice(0, 8);
  return file(db, who, emailCapture(org, { contact: { full_name: name, email: `${name.toLowerCase()}@${name.toLowerCase()}-${s}.example` } }));
}

const mergeLine = async (table: 'contact_merges' | 'account_merges', mergedId: string) =>
  (await superuser<{ id: string }>(db, `select id from public.${table} where merged_id = $1 and undone_at is null`, [mergedId]))[0]!.id;

describe('resolve_ids', () => {
  it('answers a live record with itself, accounts first, in the order given, each id once', async () => {
    const a = await company('Alpha');
    const b = await company('Beta');
    expect(await resolve(ben, [b.account_id!, a.account_id!, b.account_id!], [a.contact_id!])).toEqual([
      { kind: 'account', old_id: b.account_id, current_id: b.account_id },
      { kind: 'account', old_id: a.account_id, current_id: a.account_id },
      { kind: 'contact', old_id: a.contact_id, current_id: a.contact_id },
    ]);
    expect(await resolve(ben, [], [])).toEqual([]);
  });

  it('follows a chain of merges to the record that remains', async () => {
    const [x, y, z] = [await company('Xeno'), await company('Yeti'), await company('Zulu')];
    await rpc(db, ana, 'merge_accounts', { org_id: orgId, keep_id: y.account_id, merge_id: x.account_id });
    await rpc(db, ben, 'merge_accounts', { org_id: orgId, keep_id: z.account_id, merge_id: y.account_id });
    await rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: y.contact_id, merge_id: x.contact_id });
    await rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: z.contact_id, merge_id: y.contact_id });
    expect(await resolve(ben, [x.account_id!, y.account_id!, z.account_id!], [x.contact_id!, y.contact_id!])).toEqual([
      { kind: 'account', old_id: x.account_id, current_id: z.account_id },
      { kind: 'account', old_id: y.account_id, current_id: z.account_id },
      { kind: 'account', old_id: z.account_id, current_id: z.account_id },
      { kind: 'contact', old_id: x.contact_id, current_id: z.contact_id },
      { kind: 'contact', old_id: y.contact_id, current_id: z.contact_id },
    ]);
  });

  it('answers null for an id of another organization, an unknown id and a record that is gone', async () => {
    const theirs = await company('Theirs', otherOrgId, olga);
    const gone = await company('Gone');
    await superuser(db, 'delete from public.interactions where account_id = $1', [gone.account_id]);
    await superuser(db, 'delete from public.contacts where account_id = $1', [gone.account_id]);
    await superuser(db, 'delete from public.accounts where id = $1', [gone.account_id]);
    const unknown = randomUUID();
    expect(await resolve(ben, [theirs.account_id!, unknown, gone.account_id!], [theirs.contact_id!, gone.contact_id!])).toEqual([
      { kind: 'account', old_id: theirs.account_id, current_id: null },
      { kind: 'account', old_id: unknown, current_id: null },
      { kind: 'account', old_id: gone.account_id, current_id: null },
      { kind: 'contact', old_id: theirs.contact_id, current_id: null },
      { kind: 'contact', old_id: gone.contact_id, current_id: null },
    ]);
    // Nor does another organization's merge lead anywhere from here.
    const theirsToo = await company('TheirsToo', otherOrgId, olga);
    await rpc(db, olga, 'merge_accounts', { org_id: otherOrgId, keep_id: theirs.account_id, merge_id: theirsToo.account_id });
    expect(await resolve(ben, [theirsToo.account_id!], [])).toEqual([{ kind: 'account', old_id: theirsToo.account_id, current_id: null }]);
    expect(await resolve(olga, [theirsToo.account_id!], [], otherOrgId)).toEqual([
      { kind: 'account', old_id: theirsToo.account_id, current_id: theirs.account_id },
    ]);
  });

  it('no longer redirects after the merge is undone, also for a filing that names the old id', async () => {
    const keep = await company('Keep');
    const back = await company('Back');
    await rpc(db, ana, 'merge_accounts', { org_id: orgId, keep_id: keep.account_id, merge_id: back.account_id });
    await rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: keep.contact_id, merge_id: back.contact_id });
    expect((await resolve(ben, [back.account_id!], [back.contact_id!])).map((r) => r.current_id)).toEqual([keep.account_id, keep.contact_id]);
    await rpc(db, ben, 'undo_merge', { org_id: orgId, merge_id: await mergeLine('contact_merges', back.contact_id!) });
    await rpc(db, ben, 'undo_merge', { org_id: orgId, merge_id: await mergeLine('account_merges', back.account_id!) });
    expect((await resolve(ben, [back.account_id!], [back.contact_id!])).map((r) => r.current_id)).toEqual([back.account_id, back.contact_id]);
    const filed = await file(db, ana, emailCapture(orgId, { contact: { id: back.contact_id }, account: { id: back.account_id } }));
    expect(filed).toMatchObject({ contact_id: back.contact_id, account_id: back.account_id });
    // Merged again, it leads on again.
    await rpc(db, ana, 'merge_accounts', { org_id: orgId, keep_id: keep.account_id, merge_id: back.account_id });
    expect((await resolve(ben, [back.account_id!], [])).map((r) => r.current_id)).toEqual([keep.account_id]);
  });

  it('is for members only, and takes at most 1000 ids of each kind', async () => {
    const a = await company('Members');
    await expectRefusal(resolve(olga, [a.account_id!], []), '42501', 'org_id: you are not a member of this organization');
    await expectRefusal(resolve('anon', [a.account_id!], []), '42501');
    const many = Array.from({ length: 1001 }, () => randomUUID());
    await expectRefusal(resolve(ben, many, []), '22023', 'account_ids: at most 1000 ids at a time');
    await expectRefusal(resolve(ben, [], many), '22023', 'contact_ids: at most 1000 ids at a time');
    expect(await resolve(ben, many.slice(0, 1000), [])).toHaveLength(1000);
  });

  it('answers through the RPC with the contract arguments', async () => {
    const a = await company('Rpc');
    const rows = await superuser<{ args: string; result: string }>(
      db,
      `select pg_get_function_identity_arguments(oid) as args, pg_get_function_result(oid) as result from pg_proc where proname = 'resolve_ids' and pronamespace = 'public'::regnamespace`,
    );
    expect(rows).toEqual([{ args: 'org_id uuid, account_ids uuid[], contact_ids uuid[]', result: 'TABLE(kind text, old_id uuid, current_id uuid)' }]);
    expect(await resolve(ana, [a.account_id!], [])).toHaveLength(1);
  });
});
