// Authors own their entries (pact rule 4): only they edit or retract, every edit keeps the
// old text for everyone who can see the entry, and a retracted entry leaves the shared record.
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
  query,
  rpc,
  superuser,
  type Filed,
  type User,
} from './helpers.ts';

let db: PGlite;
let author: User;
let colleague: User;
let manager: User;
let admin: User;
let orgId: string;

beforeAll(async () => {
  db = await freshDb();
  admin = await createUser(db, 'ana@highcard.example', { display_name: 'Ana' });
  author = await createUser(db, 'ben@highcard.example', { display_name: 'Ben' });
  colleague = await createUser(db, 'cleo@highcard.example', { display_name: 'Cleo' });
  manager = await createUser(db, 'dev@highcard.example', { display_name: 'Dev' });
  orgId = await createOrganization(db, admin, 'Highcard Demo');
  await addMember(db, admin, orgId, author, 'member', 'sales');
  await addMember(db, admin, orgId, colleague, 'member', 'support');
  await addMember(db, admin, orgId, manager, 'manager', 'marketing');
});

const fileOne = (title = 'Asked about annual pricing', overrides = {}): Promise<Filed> =>
  file(db, author, emailCapture(orgId, { title, ...overrides }));

describe('editing', () => {
  it('the author edits the title, body and signals of their entry', async () => {
    const entry = await fileOne();
    const rows = await query(db, author, `update public.interactions set title = 'Wants annual pricing', body = 'New body', signals = array['pricing'] where id = $1 returning title, body, signals`, [entry.id]);
    expect(rows).toEqual([{ title: 'Wants annual pricing', body: 'New body', signals: ['pricing'] }]);
  });

  it('an edit keeps the previous text as a revision that colleagues can read', async () => {
    const entry = await fileOne('Original title');
    await query(db, author, `update public.interactions set title = 'Second title', body = 'Second body' where id = $1`, [entry.id]);
    await query(db, author, `update public.interactions set title = 'Third title' where id = $1`, [entry.id]);

    for (const reader of [author, colleague, manager, admin]) {
      const revisions = await query(db, reader, 'select title, body, signals, edited_by from public.interaction_revisions where interaction_id = $1 order by edited_at, title', [entry.id]);
      expect(revisions.map((revision) => revision.title)).toEqual(['Original title', 'Second title']);
      expect(revisions[0]).toMatchObject({ body: 'Could you send the annual pricing for 40 seats?', signals: ['pricing', 'buying_signal'], edited_by: author.id });
    }
    const [timeline] = await query(db, colleague, 'select title, revision_count from public.account_timeline where id = $1', [entry.id]);
    expect(timeline).toEqual({ title: 'Third title', revision_count: 2 });
  });

  it('an update that changes nothing leaves no revision', async () => {
    const entry = await fileOne();
    await query(db, author, 'update public.interactions set title = title where id = $1', [entry.id]);
    expect(await superuser(db, 'select count(*)::int as n from public.interaction_revisions where interaction_id = $1', [entry.id])).toEqual([{ n: 0 }]);
  });

  for (const [who, reader] of [['a colleague', () => colleague], ['a manager', () => manager], ['an admin', () => admin]] as const) {
    it(`${who} can read but not edit or retract someone else's entry`, async () => {
      const entry = await fileOne();
      expect(await query(db, reader(), 'select title from public.interactions where id = $1', [entry.id])).toEqual([{ title: 'Asked about annual pricing' }]);
      const updated = await query(db, reader(), `update public.interactions set title = 'Rewritten' where id = $1 returning id`, [entry.id]);
      expect(updated).toEqual([]);
      await expectRefusal(rpc(db, reader(), 'retract_interaction', { id: entry.id }), '42501', 'id: only its author can retract an entry');
      expect(await superuser(db, 'select title, retracted_at from public.interactions where id = $1', [entry.id])).toEqual([
        { title: 'Asked about annual pricing', retracted_at: null },
      ]);
      expect(await superuser(db, 'select count(*)::int as n from public.interaction_revisions where interaction_id = $1', [entry.id])).toEqual([{ n: 0 }]);
    });
  }

  it('nobody changes the author, organization, account or source of an entry', async () => {
    const entry = await fileOne();
    for (const column of ['author_id', 'org_id', 'account_id', 'contact_id', 'source_ref', 'source_url', 'occurred_at', 'kind', 'retracted_at', 'created_at', 'updated_at']) {
      await expectRefusal(query(db, author, `update public.interactions set ${column} = ${column} where id = $1`, [entry.id]), '42501');
    }
  });

  it('nobody writes revisions or deletes entries directly', async () => {
    const entry = await fileOne();
    await expectRefusal(query(db, author, `insert into public.interaction_revisions (interaction_id, org_id, title, body, signals) values ($1, $2, 'fake', '', '{}')`, [entry.id, orgId]), '42501');
    await expectRefusal(query(db, author, 'delete from public.interactions where id = $1', [entry.id]), '42501');
    await expectRefusal(query(db, author, 'delete from public.interaction_revisions'), '42501');
  });

  it('an edit is held to the same limits as filing', async () => {
    const entry = await fileOne();
    await expectRefusal(query(db, author, `update public.interactions set title = repeat('x', 301) where id = $1`, [entry.id]), '23514');
    await expectRefusal(query(db, author, `update public.interactions set signals = array['emails_sent'] where id = $1`, [entry.id]), '23514');
    await expectRefusal(query(db, author, `update public.interactions set body = repeat('x', 20001) where id = $1`, [entry.id]), '23514');
  });
});

describe('retracting', () => {
  it('a retracted entry leaves the tables, views and lookups of colleagues but stays visible to its author', async () => {
    const entry = await fileOne('Will be retracted', { contact: { full_name: 'Rae', email: 'rae@retract.example', company: 'Retract Co' }, signals: ['churn_risk'] });
    await query(db, author, `update public.interactions set title = 'Will be retracted soon' where id = $1`, [entry.id]);
    await rpc(db, author, 'retract_interaction', { id: entry.id });

    for (const reader of [colleague, manager, admin]) {
      expect(await query(db, reader, 'select id from public.interactions where id = $1', [entry.id])).toEqual([]);
      expect(await query(db, reader, 'select id from public.interaction_revisions where interaction_id = $1', [entry.id])).toEqual([]);
      expect(await query(db, reader, 'select id from public.account_timeline where id = $1', [entry.id])).toEqual([]);
      const [overview] = await query(db, reader, 'select last_activity_at, signals_90d from public.account_overview where account_id = $1', [entry.account_id]);
      expect(overview).toEqual({ last_activity_at: null, signals_90d: {} });
      expect(await query(db, reader, `select * from public.signal_trends where org_id = $1 and signal = 'churn_risk'`, [orgId])).toEqual([]);
      const context = await rpc<{ entries: unknown[]; people: unknown[] }>(db, reader, 'lookup_context', { emails: ['rae@retract.example'], linkedin_url: null });
      expect(context.entries).toEqual([]);
      expect(context.people).toEqual([]);
    }

    const own = await query(db, author, 'select title, retracted_at from public.interactions where id = $1', [entry.id]);
    expect(own).toHaveLength(1);
    expect(own[0]!.retracted_at).not.toBeNull();
    expect(await query(db, author, 'select title from public.interaction_revisions where interaction_id = $1', [entry.id])).toEqual([{ title: 'Will be retracted' }]);
    // Out of the shared timeline for the author too.
    expect(await query(db, author, 'select id from public.account_timeline where id = $1', [entry.id])).toEqual([]);
  });

  it('retracting twice is harmless, and a retracted entry can no longer be edited', async () => {
    const entry = await fileOne();
    await rpc(db, author, 'retract_interaction', { id: entry.id });
    await rpc(db, author, 'retract_interaction', { id: entry.id });
    expect(await query(db, author, `update public.interactions set title = 'x' where id = $1 returning id`, [entry.id])).toEqual([]);
  });

  it('nobody but the author learns that a retracted entry exists', async () => {
    const entry = await fileOne();
    await rpc(db, author, 'retract_interaction', { id: entry.id });
    await expectRefusal(rpc(db, colleague, 'retract_interaction', { id: entry.id }), 'P0002', 'id: no such entry');
  });
});

describe('views', () => {
  it('the timeline names the author and department, newest first, and shows the source link only to its author', async () => {
    const older = await fileOne('Older', { occurred_at: '2026-10-01T09:00:00Z', contact: { full_name: 'Tia', email: 'tia@timeline.example', company: 'Timeline Co' } });
    const newer = await file(db, colleague, emailCapture(orgId, { title: 'Newer', occurred_at: '2026-10-02T09:00:00Z', contact: { full_name: 'Tia', email: 'tia@timeline.example' } }));
    expect(newer.account_id).toBe(older.account_id);

    const rows = await query(db, author, 'select id, title, author_display_name, author_department, account_name, contact_name, source_url from public.account_timeline where account_id = $1 order by occurred_at desc, id desc', [older.account_id]);
    expect(rows.map((row) => row.title)).toEqual(['Newer', 'Older']);
    expect(rows[0]).toMatchObject({ author_display_name: 'Cleo', author_department: 'support', account_name: 'Timeline Co', contact_name: 'Tia', source_url: null });
    expect(rows[1]).toMatchObject({ author_display_name: 'Ben', author_department: 'sales' });
    expect(rows[1]!.source_url).toMatch(/^https:\/\/mail\.google\.com\//);

    const forColleague = await query(db, colleague, 'select title, source_url from public.account_timeline where account_id = $1 order by occurred_at desc, id desc', [older.account_id]);
    expect(forColleague).toEqual([
      { title: 'Newer', source_url: expect.stringMatching(/^https:/) },
      { title: 'Older', source_url: null },
    ]);
  });

  it('the timeline pages by (occurred_at, id) on its index', async () => {
    const first = await fileOne('Page A', { occurred_at: '2026-09-01T09:00:00Z', contact: { full_name: 'Pia', email: 'pia@paging.example' } });
    for (const day of ['02', '03', '04', '05']) {
      await fileOne(`Page ${day}`, { occurred_at: `2026-09-${day}T09:00:00Z`, contact: { full_name: 'Pia', email: 'pia@paging.example' } });
    }
    const page1 = await query<{ id: string; occurred_at: Date; title: string }>(db, colleague, 'select id, occurred_at, title from public.account_timeline where account_id = $1 order by occurred_at desc, id desc limit 2', [first.account_id]);
    const last = page1[page1.length - 1]!;
    const page2 = await query<{ title: string }>(db, colleague, 'select title from public.account_timeline where account_id = $1 and (occurred_at, id) < ($2, $3) order by occurred_at desc, id desc limit 2', [first.account_id, last.occurred_at, last.id]);
    expect([...page1.map((row) => row.title), ...page2.map((row) => row.title)]).toEqual(['Page 05', 'Page 04', 'Page 03', 'Page 02']);

    const plan = await as(db, colleague, async (tx) => {
      await tx.exec('set local enable_seqscan = off');
      const result = await tx.query<{ 'QUERY PLAN': string }>(
        `explain select id from public.account_timeline where account_id = $1 and (occurred_at, id) < (now(), gen_random_uuid()) order by occurred_at desc, id desc limit 20`,
        [first.account_id],
      );
      return result.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('interactions_account_timeline_idx');
    expect(plan).not.toMatch(/Sort\b/);
  });

  it('the account overview counts contacts and recent signals per account', async () => {
    const recent = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const old = new Date(Date.now() - 120 * 86_400_000).toISOString();
    const a = await fileOne('One', { occurred_at: recent, signals: ['pricing', 'objection'], contact: { full_name: 'Ovi', email: 'ovi@overview.example', company: 'Overview Ltd' } });
    await file(db, colleague, emailCapture(orgId, { occurred_at: recent, signals: ['pricing'], contact: { full_name: 'Una', email: 'una@overview.example' } }));
    await fileOne('Old', { occurred_at: old, signals: ['praise'], contact: { full_name: 'Ovi', email: 'ovi@overview.example' } });
    const [row] = await query(db, manager, 'select name, domains, contact_count, signals_90d, last_activity_at from public.account_overview where account_id = $1', [a.account_id]);
    expect(row).toEqual({
      name: 'Overview Ltd',
      domains: ['overview.example'],
      contact_count: 2,
      signals_90d: { objection: 1, pricing: 2 },
      last_activity_at: new Date(recent),
    });
  });

  it('signal trends count entries and accounts per week and signal', async () => {
    await fileOne('T1', { occurred_at: '2026-06-02T10:00:00Z', signals: ['competitor'], contact: { full_name: 'A', email: 'a@trend-one.example' } });
    await fileOne('T2', { occurred_at: '2026-06-04T10:00:00Z', signals: ['competitor'], contact: { full_name: 'B', email: 'b@trend-two.example' } });
    await fileOne('T3', { occurred_at: '2026-06-05T10:00:00Z', signals: ['competitor'], contact: { full_name: 'C', email: 'c@trend-two.example' } });
    const rows = await query(db, colleague, `select week::text as week, entries, accounts from public.signal_trends where org_id = $1 and signal = 'competitor'`, [orgId]);
    expect(rows).toEqual([{ week: '2026-06-01', entries: 3, accounts: 2 }]);
  });
});
