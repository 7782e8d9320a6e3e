// Found in review: a retracted entry must not hold its source forever, and a link back to a
// source (someone's mailbox) is its author's alone on every path.
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
  type User,
} from './helpers.ts';

let db: PGlite;
let ana: User;
let ben: User;
let orgId: string;

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example');
  ben = await createUser(db, 'ben@highcard.example');
  orgId = await createOrganization(db, ana, 'Highcard Demo');
  await addMember(db, ana, orgId, ben);
});

describe('filing after a retraction', () => {
  it('files the same message again as a new entry that colleagues see', async () => {
    const first = emailCapture(orgId, { source_ref: 'msg-f:retracted-once' });
    const filed = await file(db, ana, first);
    await rpc(db, ana, 'retract_interaction', { id: filed.id });

    const again = await file(db, ben, emailCapture(orgId, { source_ref: 'msg-f:retracted-once', title: 'Filed again' }));
    expect(again.created).toBe(true);
    expect(again.id).not.toBe(filed.id);
    const visible = await query(db, ana, 'select id, title from public.account_timeline where id = any($1)', [[filed.id, again.id]]);
    expect(visible).toEqual([{ id: again.id, title: 'Filed again' }]);

    // And the live one is still filed once.
    const third = await file(db, ana, emailCapture(orgId, { source_ref: 'msg-f:retracted-once' }));
    expect(third).toMatchObject({ id: again.id, created: false });
  });
});

describe('links back to the source', () => {
  it('are not readable from the entries table by anyone', async () => {
    const mine = await file(db, ana, emailCapture(orgId));
    await expectRefusal(query(db, ben, 'select source_url from public.interactions where id = $1', [mine.id]), '42501');
    await expectRefusal(query(db, ana, 'select * from public.interactions where id = $1', [mine.id]), '42501');
    const [row] = await query(db, ben, 'select id, title, source_ref from public.interactions where id = $1', [mine.id]);
    expect(row).toMatchObject({ id: mine.id });
  });

  it('reach their author through the timeline and “my source links”, and nobody else', async () => {
    const mine = await file(db, ana, emailCapture(orgId, { source_url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzAnaOwn' }));
    const [forAna] = await query(db, ana, 'select source_url from public.account_timeline where id = $1', [mine.id]);
    const [forBen] = await query(db, ben, 'select source_url from public.account_timeline where id = $1', [mine.id]);
    expect(forAna).toEqual({ source_url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzAnaOwn' });
    expect(forBen).toEqual({ source_url: null });
    const anaLinks = await query(db, ana, 'select id, source_url from public.my_source_urls()');
    expect(anaLinks).toContainEqual({ id: mine.id, source_url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzAnaOwn' });
    const benLinks = await query(db, ben, 'select id from public.my_source_urls()');
    expect(benLinks.map((r) => r.id)).not.toContain(mine.id);
  });
});
