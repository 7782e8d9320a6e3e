// Coaching periods (pact rule 9): a manager or admin opens one for one employee, for at most
// 90 days; the two of them write notes while it is open; nobody else sees anything of it;
// 30 days after it ends it is deleted with its notes.
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { COACHING_LIMITS, deletionMoment, isOpen, THANKS_NOTE_MAX } from '../../utils/coaching.ts';
import { addMember, createOrganization, createUser, expectRefusal, freshDb, query, rpc, superuser, type User } from './helpers.ts';

let db: PGlite;
let admin: User; // Ana, admin of Highcard
let manager: User; // Maria, manager: opens the periods
let employee: User; // Ben, member: the period is for him
let otherManager: User; // Dev, another manager of Highcard
let colleague: User; // Cleo, member of Highcard
let outsider: User; // Otto, admin of another organization
let orgId: string;
let otherOrg: string;

beforeAll(async () => {
  db = await freshDb();
  admin = await createUser(db, 'ana@highcard.example', { display_name: 'Ana' });
  manager = await createUser(db, 'maria@highcard.example', { display_name: 'Maria' });
  employee = await createUser(db, 'ben@highcard.example', { display_name: 'Ben' });
  otherManager = await createUser(db, 'dev@highcard.example', { display_name: 'Dev' });
  colleague = await createUser(db, 'cleo@highcard.example', { display_name: 'Cleo' });
  outsider = await createUser(db, 'otto@other.example', { display_name: 'Otto' });
  orgId = await createOrganization(db, admin, 'Highcard Demo');
  otherOrg = await createOrganization(db, outsider, 'Other Ltd');
  await addMember(db, admin, orgId, manager, 'manager', 'sales');
  await addMember(db, admin, orgId, employee, 'member', 'sales');
  await addMember(db, admin, orgId, otherManager, 'manager', 'support');
  await addMember(db, admin, orgId, colleague, 'member', 'sales');
});

/** A UTC day relative to the database's today, as 'YYYY-MM-DD'. */
async function day(offset: number): Promise<string> {
  const [row] = await superuser<{ day: string }>(db, `select (private.coaching_today() + $1::int)::text as day`, [offset]);
  return row!.day;
}

async function openPeriod(by: User = manager, forWhom: User = employee, purpose = 'Writing up discovery calls'): Promise<string> {
  return rpc<string>(db, by, 'open_coaching_period', { org_id: orgId, employee_id: forWhom.id, purpose, ends_on: await day(30) });
}

const addNote = (by: User, periodId: string, body: string) => rpc<string>(db, by, 'add_coaching_note', { period_id: periodId, body });

const periodsSeenBy = (reader: User) => query<{ id: string }>(db, reader, 'select id from public.coaching_periods');
const notesSeenBy = (reader: User) => query<{ id: string }>(db, reader, 'select id from public.coaching_notes');

/** Moves a period's days as superuser, as if it had been opened `daysAgo` days ago. */
async function age(periodId: string, startsOn: number, endsOn: number, endedDaysAgo: number | null = null): Promise<void> {
  await superuser(
    db,
    `update public.coaching_periods set starts_on = $2::date, ends_on = $3::date,
       ended_at = case when $4::int is null then null else now() - make_interval(days => $4::int) end
     where id = $1`,
    [periodId, await day(startsOn), await day(endsOn), endedDaysAgo],
  );
}

describe('opening a period', () => {
  it('a manager opens one for an employee; it starts today and the purpose is kept trimmed', async () => {
    const id = await rpc<string>(db, manager, 'open_coaching_period', {
      org_id: orgId,
      employee_id: employee.id,
      purpose: '  Writing up discovery calls  ',
      ends_on: await day(14),
    });
    const [row] = await query(db, employee, 'select org_id, manager_id, employee_id, purpose, starts_on::text, ends_on::text, ended_at from public.coaching_periods where id = $1', [id]);
    expect(row).toEqual({
      org_id: orgId,
      manager_id: manager.id,
      employee_id: employee.id,
      purpose: 'Writing up discovery calls',
      starts_on: await day(0),
      ends_on: await day(14),
      ended_at: null,
    });
  });

  it('an admin opens one too', async () => {
    const id = await openPeriod(admin, colleague);
    expect(await query(db, colleague, 'select manager_id from public.coaching_periods where id = $1', [id])).toEqual([{ manager_id: admin.id }]);
  });

  it('a member cannot open a period', async () => {
    await expectRefusal(openPeriod(colleague, employee), '42501', 'org_id: only managers and admins open coaching periods');
  });

  it('nobody opens one for themself, admins included', async () => {
    await expectRefusal(openPeriod(manager, manager), '42501', /^employee_id: /);
    await expectRefusal(openPeriod(admin, admin), '42501', /^employee_id: /);
  });

  it('an outsider is refused naming org_id, and someone outside the organization cannot be the employee', async () => {
    await expectRefusal(openPeriod(outsider, employee), '42501', 'org_id: you are not a member of this organization');
    await expectRefusal(openPeriod(manager, outsider), '22023', 'employee_id: is not a member of this organization');
  });

  it('the purpose is 1 to 500 characters', async () => {
    await expectRefusal(openPeriod(manager, employee, '   '), '22023', 'purpose: must be 1 to 500 characters');
    await expectRefusal(openPeriod(manager, employee, 'x'.repeat(501)), '22023', 'purpose: must be 1 to 500 characters');
    expect(await openPeriod(manager, employee, 'x'.repeat(500))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('ends_on is after today and at most 90 days ahead', async () => {
    const open = async (offset: number) =>
      rpc<string>(db, manager, 'open_coaching_period', { org_id: orgId, employee_id: employee.id, purpose: 'Objection handling', ends_on: await day(offset) });
    await expectRefusal(open(-1), '22023', 'ends_on: must be after today');
    await expectRefusal(open(0), '22023', 'ends_on: must be after today');
    await expectRefusal(open(91), '22023', 'ends_on: must be at most 90 days from today');
    expect(await open(90)).toMatch(/^[0-9a-f-]{36}$/);
    expect(await open(1)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('nobody writes a period directly, and anon cannot call the function', async () => {
    await expectRefusal(
      query(db, manager, `insert into public.coaching_periods (org_id, manager_id, employee_id, purpose, starts_on, ends_on) values ($1, $2, $3, 'x', current_date, current_date + 3)`, [orgId, manager.id, employee.id]),
      '42501',
    );
    await expectRefusal(query(db, manager, `update public.coaching_periods set ends_on = ends_on + 100`), '42501');
    await expectRefusal(query(db, manager, `delete from public.coaching_periods`), '42501');
    await expectRefusal(query(db, 'anon', `select public.open_coaching_period($1, $2, 'x', current_date + 3)`, [orgId, employee.id]), '42501');
  });
});

describe('who sees a period', () => {
  let periodId: string;

  beforeAll(async () => {
    periodId = await openPeriod();
    await addNote(manager, periodId, 'Let us look at the Hamburg call together.');
    await addNote(employee, periodId, 'I wrote down what they asked about pricing.');
  });

  it('the manager and the employee read the period and both notes', async () => {
    for (const reader of [manager, employee]) {
      expect((await periodsSeenBy(reader)).map((row) => row.id)).toContain(periodId);
      const notes = await query<{ body: string }>(db, reader, 'select body from public.coaching_notes where period_id = $1 order by created_at desc', [periodId]);
      expect(notes.map((note) => note.body).sort()).toEqual(['I wrote down what they asked about pricing.', 'Let us look at the Hamburg call together.']);
    }
  });

  it('another manager, an admin, a colleague and an outsider see nothing of it', async () => {
    for (const reader of [otherManager, admin, colleague, outsider]) {
      expect((await periodsSeenBy(reader)).map((row) => row.id), reader.email).not.toContain(periodId);
      expect(await query(db, reader, 'select id from public.coaching_notes where period_id = $1', [periodId]), reader.email).toEqual([]);
    }
    // Dev, Cleo and Otto are party to no period at all, so they read no row whatsoever.
    for (const reader of [otherManager, outsider]) {
      expect(await periodsSeenBy(reader)).toEqual([]);
      expect(await notesSeenBy(reader)).toEqual([]);
    }
  });

  it('a manager sees only the periods they opened, not those another manager opened', async () => {
    const ownByAdmin = await openPeriod(admin, employee, 'Admin’s own period with Ben');
    expect((await periodsSeenBy(manager)).map((row) => row.id)).not.toContain(ownByAdmin);
    expect((await periodsSeenBy(employee)).map((row) => row.id)).toContain(ownByAdmin);
  });

  it('no view in the API mentions a period, its purpose or its notes', async () => {
    for (const reader of [manager, employee, admin]) {
      const timeline = await query(db, reader, `select id from public.account_timeline where title ilike '%Hamburg%' or body ilike '%Hamburg%'`);
      expect(timeline).toEqual([]);
    }
  });
});

describe('notes', () => {
  let periodId: string;

  beforeAll(async () => {
    periodId = await openPeriod();
  });

  it('both people write notes, stored trimmed; anyone else is refused naming period_id', async () => {
    const id = await addNote(employee, periodId, '  Tried the new opening line.  ');
    expect(await query(db, manager, 'select author_id, body from public.coaching_notes where id = $1', [id])).toEqual([
      { author_id: employee.id, body: 'Tried the new opening line.' },
    ]);
    expect(await addNote(manager, periodId, 'It worked well on the Acme call.')).toMatch(/^[0-9a-f-]{36}$/);
    for (const stranger of [otherManager, admin, colleague, outsider]) {
      await expectRefusal(addNote(stranger, periodId, 'Let me in'), '42501', 'period_id: not a coaching period of yours');
    }
    // A period that does not exist gets the same answer: nothing tells strangers a period exists.
    await expectRefusal(addNote(manager, '00000000-0000-4000-8000-000000000000', 'x'), '42501', 'period_id: not a coaching period of yours');
  });

  it('a note is 1 to 4000 characters of text', async () => {
    await expectRefusal(addNote(employee, periodId, ' \n '), '22023', 'body: must be 1 to 4000 characters');
    await expectRefusal(addNote(employee, periodId, 'x'.repeat(4001)), '22023', 'body: must be 1 to 4000 characters');
    expect(await addNote(employee, periodId, 'x'.repeat(4000))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('authors edit their own notes while the period is open, nobody else’s', async () => {
    const mine = await addNote(employee, periodId, 'First draft');
    const edited = await query(db, employee, `update public.coaching_notes set body = ' Second draft ' where id = $1 returning body`, [mine]);
    expect(edited).toEqual([{ body: 'Second draft' }]);
    // The manager can read the note but not change it; strangers do not even find it.
    for (const other of [manager, otherManager, admin]) {
      expect(await query(db, other, `update public.coaching_notes set body = 'Changed' where id = $1 returning id`, [mine])).toEqual([]);
    }
    expect(await superuser(db, 'select body from public.coaching_notes where id = $1', [mine])).toEqual([{ body: 'Second draft' }]);
    await expectRefusal(query(db, employee, `update public.coaching_notes set author_id = $2 where id = $1`, [mine, manager.id]), '42501');
    await expectRefusal(query(db, employee, `insert into public.coaching_notes (period_id, org_id, author_id, body) values ($1, $2, $3, 'x')`, [periodId, orgId, employee.id]), '42501');
    await expectRefusal(query(db, employee, `delete from public.coaching_notes where id = $1`, [mine]), '42501');
  });

  it('notes are refused after the last day and after the manager ended it, and can no longer be edited', async () => {
    const pastLastDay = await openPeriod();
    const note = await addNote(employee, pastLastDay, 'Written while it was open');
    await age(pastLastDay, -20, -1);
    await expectRefusal(addNote(employee, pastLastDay, 'Too late'), '22023', 'period_id: this coaching period has ended');
    await expectRefusal(addNote(manager, pastLastDay, 'Too late'), '22023', 'period_id: this coaching period has ended');
    expect(await query(db, employee, `update public.coaching_notes set body = 'Changed' where id = $1 returning id`, [note])).toEqual([]);
    // Still readable by the two of them until it is deleted.
    expect(await query(db, employee, 'select body from public.coaching_notes where id = $1', [note])).toEqual([{ body: 'Written while it was open' }]);

    const endedEarly = await openPeriod();
    await rpc(db, manager, 'end_coaching_period', { id: endedEarly });
    await expectRefusal(addNote(employee, endedEarly, 'Too late'), '22023', 'period_id: this coaching period has ended');
  });
});

describe('ending a period early', () => {
  it('only its manager ends it; ending it again changes nothing', async () => {
    const id = await openPeriod();
    await expectRefusal(rpc(db, employee, 'end_coaching_period', { id }), '42501', /^id: only the manager/);
    for (const stranger of [otherManager, admin, colleague, outsider]) {
      await expectRefusal(rpc(db, stranger, 'end_coaching_period', { id }), '42501', 'id: not a coaching period of yours');
    }
    expect(await superuser(db, 'select ended_at from public.coaching_periods where id = $1', [id])).toEqual([{ ended_at: null }]);

    await rpc(db, manager, 'end_coaching_period', { id });
    const [first] = await superuser<{ ended_at: Date }>(db, 'select ended_at from public.coaching_periods where id = $1', [id]);
    expect(first!.ended_at).toBeInstanceOf(Date);
    await rpc(db, manager, 'end_coaching_period', { id });
    expect(await superuser(db, 'select ended_at from public.coaching_periods where id = $1', [id])).toEqual([first]);
  });

  it('ending a period that ran its course does not move its deletion date', async () => {
    const id = await openPeriod();
    await age(id, -40, -2);
    await rpc(db, manager, 'end_coaching_period', { id });
    expect(await superuser(db, 'select ended_at from public.coaching_periods where id = $1', [id])).toEqual([{ ended_at: null }]);
  });
});

describe('deleting 30 days after the end', () => {
  it('purge deletes periods and notes that are due, and nothing that is not, for anyone who calls it', async () => {
    const ranOut = await openPeriod(manager, employee, 'Ran out 31 days ago');
    const endedEarly = await openPeriod(manager, employee, 'Ended early 31 days ago');
    const recentlyOver = await openPeriod(manager, employee, 'Last day 30 days ago');
    const endedRecently = await openPeriod(manager, employee, 'Ended early 29 days ago');
    const running = await openPeriod(manager, employee, 'Still running');
    for (const id of [ranOut, endedEarly, recentlyOver, endedRecently, running]) await addNote(employee, id, `A note in ${id}`);
    await age(ranOut, -80, -31);
    await age(endedEarly, -40, 10, 31);
    await age(recentlyOver, -60, -30);
    await age(endedRecently, -40, 10, 29);

    // Callable by anyone signed in, in any organization; calling it twice is the same as once.
    await rpc(db, outsider, 'purge_ended_coaching');
    await rpc(db, colleague, 'purge_ended_coaching');

    const left = await superuser<{ id: string }>(db, 'select id from public.coaching_periods where id = any($1::uuid[])', [
      [ranOut, endedEarly, recentlyOver, endedRecently, running],
    ]);
    expect(left.map((row) => row.id).sort()).toEqual([recentlyOver, endedRecently, running].sort());
    const notes = await superuser<{ period_id: string }>(db, 'select period_id from public.coaching_notes where period_id = any($1::uuid[])', [
      [ranOut, endedEarly, recentlyOver, endedRecently, running],
    ]);
    expect(notes.map((row) => row.period_id).sort()).toEqual([recentlyOver, endedRecently, running].sort());
  });

  it('anon cannot call it', async () => {
    await expectRefusal(query(db, 'anon', 'select public.purge_ended_coaching()'), '42501');
  });

  it('when either person leaves the organization the period and its notes go at once', async () => {
    const leaver = await createUser(db, 'lea@highcard.example', { display_name: 'Lea' });
    await addMember(db, admin, orgId, leaver);
    const id = await openPeriod(manager, leaver);
    await addNote(leaver, id, 'A note before leaving');
    await superuser(db, 'delete from public.memberships where org_id = $1 and user_id = $2', [orgId, leaver.id]);
    expect(await superuser(db, 'select id from public.coaching_periods where id = $1', [id])).toEqual([]);
    expect(await superuser(db, 'select id from public.coaching_notes where period_id = $1', [id])).toEqual([]);
  });
});

describe('the extension and the database agree', () => {
  it('on the limits the extension checks before sending', async () => {
    await expectRefusal(openPeriod(manager, employee, 'x'.repeat(COACHING_LIMITS.purpose + 1)), '22023', /^purpose: /);
    const id = await openPeriod(manager, employee, 'x'.repeat(COACHING_LIMITS.purpose));
    await expectRefusal(addNote(employee, id, 'x'.repeat(COACHING_LIMITS.note + 1)), '22023', /^body: /);
    expect(await addNote(employee, id, 'x'.repeat(COACHING_LIMITS.note))).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await superuser<{ longest: string }>(db, `select (private.coaching_today() + $1::int)::text as longest`, [COACHING_LIMITS.maxDays]);
    expect(await rpc<string>(db, manager, 'open_coaching_period', { org_id: orgId, employee_id: employee.id, purpose: 'x', ends_on: row!.longest })).toMatch(/^[0-9a-f-]{36}$/);
    const [check] = await superuser<{ def: string }>(db, `select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'public.entry_thanks'::regclass and contype = 'c'`);
    expect(check!.def).toContain(`<= ${THANKS_NOTE_MAX}`);
  });

  it('on when a period is open and when it is deleted', async () => {
    const cases = [
      { starts_on: await day(-10), ends_on: await day(5), ended_at: null },
      { starts_on: await day(-10), ends_on: await day(-1), ended_at: null },
      { starts_on: await day(-10), ends_on: await day(5), ended_at: '2026-11-10T15:30:00.000Z' },
    ];
    for (const period of cases) {
      const [row] = await superuser<{ open: boolean; deleted: Date }>(
        db,
        `select private.coaching_period_is_open($1::date, $2::date, $3::timestamptz) as open,
                private.coaching_delete_after($2::date, $3::timestamptz) as deleted`,
        [period.starts_on, period.ends_on, period.ended_at],
      );
      expect(row!.open, JSON.stringify(period)).toBe(isOpen(period));
      expect(row!.deleted.toISOString(), JSON.stringify(period)).toBe(deletionMoment(period).toISOString());
    }
  });
});

describe('the schedule', () => {
  it('is skipped where pg_cron is not installed (PGlite), without failing the migration', async () => {
    expect(await superuser(db, `select extname from pg_extension where extname = 'pg_cron'`)).toEqual([]);
    expect(await superuser(db, `select nspname from pg_namespace where nspname = 'cron'`)).toEqual([]);
  });
});

// The other organization only exists so that Otto is an admin somewhere else.
it('the outsider’s own organization has no coaching either', async () => {
  expect(await query(db, outsider, 'select id from public.coaching_periods where org_id = $1', [otherOrg])).toEqual([]);
});
