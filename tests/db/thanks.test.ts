// Thanks (pact rule 10): "This helped me" on a colleague's entry is read by the entry's author
// and the sender only, never on your own entry, one per sender and entry, and never counted.
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
let admin: User; // Ana, admin
let manager: User; // Maria, manager
let author: User; // Ben, files the entries
let colleague: User; // Cleo, says thank you
let otherManager: User; // Dev, another manager
let outsider: User; // Otto, another organization
let orgId: string;

beforeAll(async () => {
  db = await freshDb();
  admin = await createUser(db, 'ana@highcard.example', { display_name: 'Ana' });
  manager = await createUser(db, 'maria@highcard.example', { display_name: 'Maria' });
  author = await createUser(db, 'ben@highcard.example', { display_name: 'Ben' });
  colleague = await createUser(db, 'cleo@highcard.example', { display_name: 'Cleo' });
  otherManager = await createUser(db, 'dev@highcard.example', { display_name: 'Dev' });
  outsider = await createUser(db, 'otto@other.example', { display_name: 'Otto' });
  orgId = await createOrganization(db, admin, 'Highcard Demo');
  await createOrganization(db, outsider, 'Other Ltd');
  await addMember(db, admin, orgId, manager, 'manager');
  await addMember(db, admin, orgId, author, 'member');
  await addMember(db, admin, orgId, colleague, 'member');
  await addMember(db, admin, orgId, otherManager, 'manager');
});

const newEntry = async (by: User = author) => (await file(db, by, emailCapture(orgId))).id;
const thank = (by: User, interactionId: string, note?: string | null) =>
  rpc(db, by, 'thank_author', note === undefined ? { interaction_id: interactionId } : { interaction_id: interactionId, note });
const thanksSeenBy = (reader: User, interactionId: string) =>
  query<{ from_user: string; note: string | null }>(db, reader, 'select from_user, note from public.entry_thanks where interaction_id = $1', [interactionId]);

describe('saying thank you', () => {
  it('the author and the sender read the thank-you with its note; nobody else does', async () => {
    const entry = await newEntry();
    await thank(colleague, entry, '  This got me through the Hamburg call  ');
    const expected = [{ from_user: colleague.id, note: 'This got me through the Hamburg call' }];
    expect(await thanksSeenBy(author, entry)).toEqual(expected);
    expect(await thanksSeenBy(colleague, entry)).toEqual(expected);
    for (const reader of [manager, otherManager, admin, outsider]) {
      expect(await thanksSeenBy(reader, entry), reader.email).toEqual([]);
      expect(await query(db, reader, 'select interaction_id from public.entry_thanks'), reader.email).toEqual([]);
    }
  });

  it('a second sender’s thank-you is hidden from the first sender, and both are visible to the author', async () => {
    const entry = await newEntry();
    await thank(colleague, entry, 'Useful');
    await thank(manager, entry);
    expect((await thanksSeenBy(author, entry)).map((row) => row.from_user).sort()).toEqual([colleague.id, manager.id].sort());
    expect(await thanksSeenBy(colleague, entry)).toEqual([{ from_user: colleague.id, note: 'Useful' }]);
    expect(await thanksSeenBy(manager, entry)).toEqual([{ from_user: manager.id, note: null }]);
  });

  it('thanking your own entry is refused', async () => {
    const entry = await newEntry();
    await expectRefusal(thank(author, entry), '42501', 'interaction_id: you cannot thank yourself for your own entry');
    expect(await superuser(db, 'select 1 from public.entry_thanks where interaction_id = $1', [entry])).toEqual([]);
  });

  it('thanking twice keeps one, the first', async () => {
    const entry = await newEntry();
    await thank(colleague, entry, 'First words');
    await thank(colleague, entry, 'Second words');
    await thank(colleague, entry);
    expect(await superuser(db, 'select from_user, note from public.entry_thanks where interaction_id = $1', [entry])).toEqual([
      { from_user: colleague.id, note: 'First words' },
    ]);
  });

  it('the note is at most 280 characters; an empty note is no note', async () => {
    const entry = await newEntry();
    await expectRefusal(thank(colleague, entry, 'x'.repeat(281)), '22023', 'note: must be at most 280 characters');
    await thank(colleague, entry, '   ');
    expect(await thanksSeenBy(author, entry)).toEqual([{ from_user: colleague.id, note: null }]);
    const another = await newEntry();
    await thank(colleague, another, 'x'.repeat(280));
    expect((await thanksSeenBy(author, another))[0]!.note).toHaveLength(280);
  });

  it('an outsider is refused naming interaction_id, and so is thanking a retracted entry', async () => {
    const entry = await newEntry();
    await expectRefusal(thank(outsider, entry), '42501', 'interaction_id: not an entry of your organization');
    await expectRefusal(rpc(db, outsider, 'withdraw_thanks', { interaction_id: entry }), '42501', 'interaction_id: not an entry of your organization');
    await rpc(db, author, 'retract_interaction', { id: entry });
    await expectRefusal(thank(colleague, entry), '42501', 'interaction_id: not an entry of your organization');
  });

  it('nobody writes a thank-you directly, and anon cannot call the functions', async () => {
    const entry = await newEntry();
    await expectRefusal(query(db, colleague, 'insert into public.entry_thanks (interaction_id, org_id, from_user) values ($1, $2, $3)', [entry, orgId, colleague.id]), '42501');
    await thank(colleague, entry, 'Kind words');
    await expectRefusal(query(db, colleague, `update public.entry_thanks set note = 'Changed'`), '42501');
    await expectRefusal(query(db, author, 'delete from public.entry_thanks where interaction_id = $1', [entry]), '42501');
    await expectRefusal(query(db, 'anon', 'select public.thank_author($1)', [entry]), '42501');
    await expectRefusal(query(db, 'anon', 'select public.withdraw_thanks($1)', [entry]), '42501');
  });
});

describe('withdrawing', () => {
  it('pressing again withdraws the sender’s own thank-you only; withdrawing twice changes nothing', async () => {
    const entry = await newEntry();
    await thank(colleague, entry, 'Helped');
    await thank(manager, entry, 'Me too');
    await rpc(db, colleague, 'withdraw_thanks', { interaction_id: entry });
    await rpc(db, colleague, 'withdraw_thanks', { interaction_id: entry });
    expect(await thanksSeenBy(author, entry)).toEqual([{ from_user: manager.id, note: 'Me too' }]);
    expect(await thanksSeenBy(colleague, entry)).toEqual([]);
  });

  it('a sender who leaves the organization takes their thanks along', async () => {
    const leaver = await createUser(db, 'lea@highcard.example', { display_name: 'Lea' });
    await addMember(db, admin, orgId, leaver);
    const entry = await newEntry();
    await thank(leaver, entry, 'Bye and thanks');
    await superuser(db, 'delete from public.memberships where org_id = $1 and user_id = $2', [orgId, leaver.id]);
    expect(await thanksSeenBy(author, entry)).toEqual([]);
  });
});
