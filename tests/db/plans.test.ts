// Plans and promises (docs/design.md, pact rule 13): every member reads and settles an
// account's plan, authors own their text with a visible history, only you put your own name on
// a step, and nothing is counted per person. Acting as different users, as PostgREST does.
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../utils/limits.ts';
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
  type Caller,
  type Row,
  type User,
} from './helpers.ts';

let db: PGlite;
let ana: User; // admin
let ben: User; // member
let cleo: User; // manager
let olga: User; // another organization
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
  await addMember(db, ana, orgId, cleo, 'manager');
  otherOrgId = await createOrganization(db, olga, 'Other Co');
});

interface Customer {
  accountId: string;
  contactId: string;
  entryId: string;
}

let customerCounter = 0;
/** A new account with one contact and one entry, filed by `who` in `org`. */
async function customer(who: User = ana, org = orgId): Promise<Customer> {
  customerCounter += 1;
  const domain = `customer${customerCounter}-${randomUUID().slice(0, 6)}.example`;
  const filed = await file(db, who, emailCapture(org, {
    contact: { full_name: `Jonas Weber ${customerCounter}`, email: `jonas@${domain}`, company: `Customer ${customerCounter}` },
  }));
  return { accountId: filed.account_id!, contactId: filed.contact_id!, entryId: filed.id };
}

/** The date `days` from today (UTC) as YYYY-MM-DD. */
function inDays(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function add(who: Caller, args: Row): Promise<string> {
  return rpc<string>(db, who, 'add_plan_item', { org_id: orgId, ...args });
}

const item = async (id: string) => (await superuser(db, 'select * from public.plan_items where id = $1', [id]))[0];

const plan = (who: Caller, accountId: string, org = orgId) =>
  query(db, who, 'select * from public.account_plan(org_id => $1, account_id => $2)', [org, accountId]);

const dueSteps = (who: Caller, args: { until: string; only_mine?: boolean; account_ids?: string[] | null; org?: string }) =>
  query(
    db,
    who,
    'select * from public.due_steps(org_id => $1, until => $2, only_mine => $3, account_ids => $4)',
    [args.org ?? orgId, args.until, args.only_mine ?? false, args.account_ids ?? null],
  );

describe('adding to a plan', () => {
  it('lets any member add a goal, a step of either side and a question, authored by themselves', async () => {
    const acme = await customer();
    const goal = await add(ben, { account_id: acme.accountId, kind: 'goal', body: 'Go live in all 40 stores before Easter' });
    const ours = await add(cleo, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Send the annual pricing', due_on: inDays(3) });
    const theirs = await add(ben, { account_id: acme.accountId, kind: 'step', side: 'theirs', body: 'Jonas sends the store list', contact_id: acme.contactId });
    const question = await add(ana, { account_id: acme.accountId, kind: 'question', body: '  Who signs off on the budget?  ' });
    expect(await item(goal)).toMatchObject({ kind: 'goal', side: null, author_id: ben.id, taken_by: null, org_id: orgId });
    expect(await item(ours)).toMatchObject({ kind: 'step', side: 'ours', author_id: cleo.id, taken_by: null });
    expect(await item(theirs)).toMatchObject({ side: 'theirs', contact_id: acme.contactId });
    expect(await item(question)).toMatchObject({ body: 'Who signs off on the budget?' });
  });

  it('puts the caller’s own name on a step of ours when asked to take it, and refuses that on theirs', async () => {
    const acme = await customer();
    const taken = await add(ben, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Book the workshop', take: true });
    expect((await item(taken))!.taken_by).toBe(ben.id);
    await expectRefusal(add(ben, { account_id: acme.accountId, kind: 'step', side: 'theirs', body: 'They book a room', take: true }), '22023', /^take: /);
    await expectRefusal(add(ben, { account_id: acme.accountId, kind: 'goal', body: 'A goal', take: true }), '22023', /^(take|side): /);
  });

  it('refuses an unknown kind, a step without a side, a side or due date on anything but a step, naming the field', async () => {
    const acme = await customer();
    const base = { account_id: acme.accountId, body: 'Something' };
    await expectRefusal(add(ana, { ...base, kind: 'task' }), '22023', /^kind: /);
    await expectRefusal(add(ana, { ...base, kind: null }), '22023', /^kind: /);
    await expectRefusal(add(ana, { ...base, kind: 'step' }), '22023', /^side: .*required/);
    await expectRefusal(add(ana, { ...base, kind: 'step', side: 'mine' }), '22023', /^side: /);
    await expectRefusal(add(ana, { ...base, kind: 'goal', side: 'ours' }), '22023', /^side: /);
    await expectRefusal(add(ana, { ...base, kind: 'risk', due_on: inDays(5) }), '22023', /^due_on: /);
  });

  it('takes a body of 1 to 500 characters of text and refuses a blank or longer one', async () => {
    const acme = await customer();
    const base = { account_id: acme.accountId, kind: 'goal' };
    const longest = await add(ana, { ...base, body: 'x'.repeat(LIMITS.planBody) });
    expect(((await item(longest))!.body as string).length).toBe(LIMITS.planBody);
    await expectRefusal(add(ana, { ...base, body: 'x'.repeat(LIMITS.planBody + 1) }), '22023', /^body: .*500/);
    await expectRefusal(add(ana, { ...base, body: '   \n ' }), '22023', /^body: .*blank/);
    await expectRefusal(add(ana, { ...base, body: null }), '22023', /^body: /);
  });

  it('takes due dates within five years of today and refuses mistyped years', async () => {
    const acme = await customer();
    const base = { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Renewal call' };
    const years = LIMITS.planDueYears;
    await expect(add(ana, { ...base, due_on: inDays(-30) })).resolves.toBeTruthy();
    await expect(add(ana, { ...base, due_on: inDays(years * 365 - 5) })).resolves.toBeTruthy();
    await expectRefusal(add(ana, { ...base, due_on: inDays(years * 366 + 5) }), '22023', /^due_on: /);
    await expectRefusal(add(ana, { ...base, due_on: inDays(-(years * 366 + 5)) }), '22023', /^due_on: /);
  });

  it('refuses a contact or a source entry of another account, and a retracted source entry', async () => {
    const acme = await customer();
    const globex = await customer();
    const base = { account_id: acme.accountId, kind: 'step', side: 'theirs', body: 'They send the list' };
    await expectRefusal(add(ana, { ...base, contact_id: globex.contactId }), '22023', /^contact_id: /);
    await expectRefusal(add(ana, { ...base, contact_id: randomUUID() }), '22023', /^contact_id: /);
    await expectRefusal(add(ana, { ...base, source_interaction_id: globex.entryId }), '22023', /^source_interaction_id: /);
    const retracted = await customer(ana);
    await rpc(db, ana, 'retract_interaction', { id: retracted.entryId });
    await expectRefusal(
      add(ana, { ...base, account_id: retracted.accountId, source_interaction_id: retracted.entryId }),
      '22023',
      /^source_interaction_id: /,
    );
    const ok = await add(ben, { ...base, contact_id: acme.contactId, source_interaction_id: acme.entryId });
    expect(await item(ok)).toMatchObject({ contact_id: acme.contactId, source_interaction_id: acme.entryId });
  });

  it('refuses an account of another organization', async () => {
    const theirs = await customer(olga, otherOrgId);
    await expectRefusal(add(ana, { account_id: theirs.accountId, kind: 'goal', body: 'Poach them' }), '22023', /^account_id: /);
  });

  it('returns the item it already made when an add is retried, and changes nothing', async () => {
    const acme = await customer();
    const id = randomUUID();
    const args = { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Send the pricing', id };
    expect(await add(ben, args)).toBe(id);
    expect(await add(ben, { ...args, body: 'Something else entirely' })).toBe(id);
    expect(await superuser(db, 'select body from public.plan_items where id = $1', [id])).toEqual([{ body: 'Send the pricing' }]);
  });

  it('refuses an id that someone else, or another organization, already used', async () => {
    const acme = await customer();
    const id = randomUUID();
    await add(ben, { account_id: acme.accountId, kind: 'goal', body: 'Expand to Austria', id });
    await expectRefusal(add(cleo, { account_id: acme.accountId, kind: 'goal', body: 'Expand to Austria', id }), '23505', /^id: /);
    const theirs = await customer(olga, otherOrgId);
    await expectRefusal(
      rpc(db, olga, 'add_plan_item', { org_id: otherOrgId, account_id: theirs.accountId, kind: 'goal', body: 'x', id }),
      '23505',
      /^id: /,
    );
  });

  it('refuses outsiders and anonymous callers, naming org_id', async () => {
    const acme = await customer();
    await expectRefusal(add(olga, { account_id: acme.accountId, kind: 'goal', body: 'Peek' }), '42501', /^org_id: /);
    await expectRefusal(add('anon', { account_id: acme.accountId, kind: 'goal', body: 'Peek' }), '42501');
    expect(await superuser(db, `select 1 from public.plan_items where body = 'Peek'`)).toEqual([]);
  });
});

describe('nobody writes the plan tables directly', () => {
  it('refuses a direct insert, even one naming the caller', async () => {
    const acme = await customer();
    await expectRefusal(
      query(db, ben, `insert into public.plan_items (org_id, account_id, kind, side, body, author_id, taken_by)
                      values ($1, $2, 'step', 'ours', 'Sneaky', $3, $3)`, [orgId, acme.accountId, ben.id]),
      '42501',
    );
  });

  it('refuses a direct update that would put someone else’s name on a step or change another author’s text', async () => {
    const acme = await customer();
    const id = await add(ana, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Ana’s words' });
    await expectRefusal(query(db, ben, 'update public.plan_items set taken_by = $1 where id = $2', [cleo.id, id]), '42501');
    await expectRefusal(query(db, ben, 'update public.plan_items set taken_by = $1 where id = $2', [ben.id, id]), '42501');
    await expectRefusal(query(db, ben, `update public.plan_items set body = 'Ben’s words' where id = $1`, [id]), '42501');
    await expectRefusal(query(db, ana, `update public.plan_items set body = 'Edited around the history' where id = $1`, [id]), '42501');
    await expectRefusal(query(db, ana, 'delete from public.plan_items where id = $1', [id]), '42501');
    await expectRefusal(query(db, ana, 'insert into public.plan_item_revisions (plan_item_id, org_id, body) values ($1, $2, $3)', [id, orgId, 'fake']), '42501');
    expect(await item(id)).toMatchObject({ body: 'Ana’s words', taken_by: null });
  });

  it('offers no function that names who takes a step', async () => {
    const acme = await customer();
    const id = await add(ana, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Demo' });
    await expectRefusal(rpc(db, ana, 'take_step', { id, taken_by: ben.id }), '42883');
    await expectRefusal(rpc(db, ana, 'add_plan_item', { org_id: orgId, account_id: acme.accountId, kind: 'step', side: 'ours', body: 'x', taken_by: ben.id }), '42883');
    const rows = await superuser<{ name: string }>(
      db,
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and pg_get_function_arguments(p.oid) ~ '\\m(taken_by|user_id|assignee|to_user)\\M'
         and p.prosrc ~* 'plan_item'`,
    );
    expect(rows).toEqual([]);
  });

  it('shows outsiders and anonymous callers nothing', async () => {
    const acme = await customer();
    await add(ana, { account_id: acme.accountId, kind: 'goal', body: 'Private to Highcard' });
    expect(await query(db, olga, 'select id from public.plan_items')).toEqual([]);
    expect(await query(db, olga, 'select id from public.plan_item_revisions')).toEqual([]);
    await expectRefusal(query(db, 'anon', 'select id from public.plan_items'), '42501');
    await expectRefusal(plan(olga, acme.accountId), '42501', /^org_id: /);
    await expectRefusal(plan('anon', acme.accountId), '42501');
    await expectRefusal(dueSteps(olga, { until: inDays(30) }), '42501', /^org_id: /);
    expect((await query(db, ben, 'select id from public.plan_items where account_id = $1', [acme.accountId])).length).toBe(1);
  });
});

describe('authors own their text', () => {
  it('keeps the previous body and date, visible to every member, when the author edits', async () => {
    const acme = await customer();
    const id = await add(ben, { account_id: acme.accountId, kind: 'step', side: 'theirs', body: 'Jonas sends the list', due_on: inDays(7) });
    await rpc(db, ben, 'edit_plan_item', { id, body: 'Jonas sends the store list', due_on: inDays(9) });
    expect(await item(id)).toMatchObject({ body: 'Jonas sends the store list' });
    const history = await query(db, cleo, 'select body, due_on, edited_by from public.plan_item_revisions where plan_item_id = $1', [id]);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ body: 'Jonas sends the list', edited_by: ben.id });
    expect((history[0]!.due_on as Date).toISOString().slice(0, 10)).toBe(inDays(7));
    const [row] = (await plan(ana, acme.accountId)).filter((r) => r.id === id);
    expect(row!.revision_count).toBe(1);
  });

  it('leaves what an edit does not name as it is, and keeps no revision when nothing changed', async () => {
    const acme = await customer();
    const id = await add(ben, { account_id: acme.accountId, kind: 'step', side: 'theirs', body: 'Same', due_on: inDays(4), contact_id: acme.contactId });
    await rpc(db, ben, 'edit_plan_item', { id, body: 'Same' });
    await rpc(db, ben, 'edit_plan_item', { id });
    expect(await item(id)).toMatchObject({ body: 'Same', contact_id: acme.contactId });
    expect(await superuser(db, 'select 1 from public.plan_item_revisions where plan_item_id = $1', [id])).toEqual([]);
  });

  it('lets the author take the due date or the contact off, with the earlier date in the history', async () => {
    const acme = await customer();
    const id = await add(ben, { account_id: acme.accountId, kind: 'step', side: 'theirs', body: 'Jonas sends the list', due_on: inDays(5), contact_id: acme.contactId });
    await rpc(db, ben, 'edit_plan_item', { id, clear_due_on: true });
    expect(await item(id)).toMatchObject({ body: 'Jonas sends the list', due_on: null, contact_id: acme.contactId });
    const history = await query<Row>(db, cleo, 'select body, due_on from public.plan_item_revisions where plan_item_id = $1', [id]);
    expect(history.map((r) => [r.body, (r.due_on as Date).toISOString().slice(0, 10)])).toEqual([['Jonas sends the list', inDays(5)]]);

    await rpc(db, ben, 'edit_plan_item', { id, clear_contact_id: true });
    expect(await item(id)).toMatchObject({ due_on: null, contact_id: null });
    // The contact is not part of the text's history: no second revision for it.
    expect(await superuser(db, 'select 1 from public.plan_item_revisions where plan_item_id = $1', [id])).toHaveLength(1);

    // Null still means "unchanged": a call naming only the old arguments clears nothing.
    await rpc(db, ben, 'edit_plan_item', { id, due_on: inDays(8), contact_id: acme.contactId });
    await rpc(db, ben, 'edit_plan_item', { id, body: 'Jonas sends the store list', due_on: null, contact_id: null });
    expect(await item(id)).toMatchObject({ body: 'Jonas sends the store list', contact_id: acme.contactId });
    expect(((await item(id))!.due_on as Date).toISOString().slice(0, 10)).toBe(inDays(8));
  });

  it('refuses a new date or contact together with clearing it, and clearing by anyone but the author', async () => {
    const acme = await customer();
    const id = await add(ben, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Send the DPA', due_on: inDays(3), contact_id: acme.contactId });
    await expectRefusal(rpc(db, ben, 'edit_plan_item', { id, due_on: inDays(4), clear_due_on: true }), '22023', /^due_on: /);
    await expectRefusal(rpc(db, ben, 'edit_plan_item', { id, contact_id: acme.contactId, clear_contact_id: true }), '22023', /^contact_id: /);
    for (const who of [ana, cleo, olga]) {
      await expectRefusal(rpc(db, who, 'edit_plan_item', { id, clear_due_on: true, clear_contact_id: true }), '42501', /^id: /);
    }
    await expectRefusal(rpc(db, 'anon', 'edit_plan_item', { id, clear_due_on: true }), '42501');
    expect(await item(id)).toMatchObject({ contact_id: acme.contactId });
    expect((await item(id))!.due_on).not.toBeNull();
  });

  it('refuses an edit by anyone but the author, managers and admins included', async () => {
    const acme = await customer();
    const id = await add(ben, { account_id: acme.accountId, kind: 'goal', body: 'Ben’s goal' });
    for (const who of [ana, cleo]) {
      await expectRefusal(rpc(db, who, 'edit_plan_item', { id, body: 'Rewritten' }), '42501', /^id: /);
    }
    await expectRefusal(rpc(db, olga, 'edit_plan_item', { id, body: 'Rewritten' }), '42501', /^id: /);
    expect((await item(id))!.body).toBe('Ben’s goal');
  });

  it('checks an edit like an add: bounds, dates on steps only, a contact of the same account', async () => {
    const acme = await customer();
    const globex = await customer();
    const goal = await add(ben, { account_id: acme.accountId, kind: 'goal', body: 'Goal' });
    const step = await add(ben, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Step' });
    await expectRefusal(rpc(db, ben, 'edit_plan_item', { id: goal, due_on: inDays(3) }), '22023', /^due_on: /);
    await expectRefusal(rpc(db, ben, 'edit_plan_item', { id: step, due_on: inDays(366 * LIMITS.planDueYears + 5) }), '22023', /^due_on: /);
    await expectRefusal(rpc(db, ben, 'edit_plan_item', { id: step, body: ' ' }), '22023', /^body: /);
    await expectRefusal(rpc(db, ben, 'edit_plan_item', { id: step, body: 'y'.repeat(LIMITS.planBody + 1) }), '22023', /^body: /);
    await expectRefusal(rpc(db, ben, 'edit_plan_item', { id: step, contact_id: globex.contactId }), '22023', /^contact_id: /);
    await rpc(db, ben, 'edit_plan_item', { id: step, contact_id: acme.contactId });
    expect((await item(step))!.contact_id).toBe(acme.contactId);
  });

  it('lets the author withdraw an open item, with its history, and nobody else', async () => {
    const acme = await customer();
    const id = await add(ben, { account_id: acme.accountId, kind: 'risk', body: 'Budget freeze in Q1' });
    await rpc(db, ben, 'edit_plan_item', { id, body: 'Budget freeze in Q1 (CFO said)' });
    await expectRefusal(rpc(db, ana, 'withdraw_plan_item', { id }), '42501', /^id: /);
    await expectRefusal(rpc(db, olga, 'withdraw_plan_item', { id }), '42501', /^id: /);
    await rpc(db, ben, 'withdraw_plan_item', { id });
    expect(await item(id)).toBeUndefined();
    expect(await superuser(db, 'select 1 from public.plan_item_revisions where plan_item_id = $1', [id])).toEqual([]);
    await expect(rpc(db, ben, 'withdraw_plan_item', { id })).resolves.toBeNull(); // a retry finds it gone
  });

  it('keeps a settled item in the plan: the author reopens it to withdraw it', async () => {
    const acme = await customer();
    const id = await add(ben, { account_id: acme.accountId, kind: 'question', body: 'Who decides?' });
    await rpc(db, cleo, 'settle_plan_item', { id, outcome: 'done' });
    await expectRefusal(rpc(db, ben, 'withdraw_plan_item', { id }), '22023', /^id: /);
    await rpc(db, ben, 'reopen_plan_item', { id });
    await rpc(db, ben, 'withdraw_plan_item', { id });
    expect(await item(id)).toBeUndefined();
  });
});

describe('only you put your own name on a step', () => {
  it('lets a member take an open step of ours for themselves, and nobody take it from them', async () => {
    const acme = await customer();
    const id = await add(ana, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Send the contract' });
    await rpc(db, ben, 'take_step', { id });
    expect((await item(id))!.taken_by).toBe(ben.id);
    await rpc(db, ben, 'take_step', { id }); // taking it again changes nothing
    await expectRefusal(rpc(db, cleo, 'take_step', { id }), '22023', /^id: /);
    await expectRefusal(rpc(db, ana, 'release_step', { id }), '42501', /^id: /);
    await expectRefusal(rpc(db, olga, 'take_step', { id }), '42501', /^id: /);
    expect((await item(id))!.taken_by).toBe(ben.id);
  });

  it('lets whoever took a step release it, and then a colleague take it', async () => {
    const acme = await customer();
    const id = await add(ana, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Call back', take: true });
    await rpc(db, ana, 'release_step', { id });
    expect((await item(id))!.taken_by).toBeNull();
    await rpc(db, cleo, 'take_step', { id });
    expect((await item(id))!.taken_by).toBe(cleo.id);
  });

  it('refuses to take a step of theirs, a goal or a settled step', async () => {
    const acme = await customer();
    const theirs = await add(ana, { account_id: acme.accountId, kind: 'step', side: 'theirs', body: 'They sign' });
    const goal = await add(ana, { account_id: acme.accountId, kind: 'goal', body: 'Grow' });
    const settled = await add(ana, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Done already' });
    await rpc(db, ana, 'settle_plan_item', { id: settled, outcome: 'done' });
    for (const id of [theirs, goal, settled]) await expectRefusal(rpc(db, ben, 'take_step', { id }), '22023', /^id: /);
  });

  it('frees a step when whoever took it leaves the organization', async () => {
    const dora = await createUser(db, `dora-${randomUUID().slice(0, 6)}@highcard.example`, { display_name: 'Dora' });
    await addMember(db, ana, orgId, dora);
    const acme = await customer();
    const id = await add(dora, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Send slides', take: true });
    await superuser(db, 'delete from public.memberships where org_id = $1 and user_id = $2', [orgId, dora.id]);
    expect(await item(id)).toMatchObject({ taken_by: null, author_id: dora.id });
  });
});

describe('settling and reopening', () => {
  it('lets any member settle an item with an outcome, a note and the entry that settled it', async () => {
    const acme = await customer();
    const id = await add(ana, { account_id: acme.accountId, kind: 'step', side: 'theirs', body: 'Jonas sends the PO' });
    await rpc(db, cleo, 'settle_plan_item', { id, outcome: 'done', note: '  PO arrived  ', interaction_id: acme.entryId });
    expect(await item(id)).toMatchObject({ outcome: 'done', settled_by: cleo.id, settled_note: 'PO arrived', settled_interaction_id: acme.entryId });
    expect((await item(id))!.settled_at).toBeTruthy();
    await rpc(db, cleo, 'settle_plan_item', { id, outcome: 'done' }); // a retry changes nothing
    expect(await item(id)).toMatchObject({ settled_note: 'PO arrived' });
    await expectRefusal(rpc(db, ben, 'settle_plan_item', { id, outcome: 'dropped' }), '22023', /^id: .*reopen/);
  });

  it('refuses an unknown outcome, a long note, an entry of another account and outsiders, naming the field', async () => {
    const acme = await customer();
    const globex = await customer();
    const id = await add(ana, { account_id: acme.accountId, kind: 'goal', body: 'Goal' });
    await expectRefusal(rpc(db, ben, 'settle_plan_item', { id, outcome: 'won' }), '22023', /^outcome: /);
    await expectRefusal(rpc(db, ben, 'settle_plan_item', { id, outcome: null }), '22023', /^outcome: /);
    await expectRefusal(rpc(db, ben, 'settle_plan_item', { id, outcome: 'done', note: 'n'.repeat(LIMITS.planNote + 1) }), '22023', /^note: /);
    await expectRefusal(rpc(db, ben, 'settle_plan_item', { id, outcome: 'done', interaction_id: globex.entryId }), '22023', /^interaction_id: /);
    await expectRefusal(rpc(db, olga, 'settle_plan_item', { id, outcome: 'done' }), '42501', /^id: /);
    await expectRefusal(rpc(db, 'anon', 'settle_plan_item', { id, outcome: 'done' }), '42501');
    expect((await item(id))!.settled_at).toBeNull();
  });

  it('lets whoever settled an item, or its author, reopen it, and nobody else', async () => {
    const acme = await customer();
    const id = await add(ana, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Send the deck' });
    await rpc(db, ben, 'settle_plan_item', { id, outcome: 'dropped', note: 'They went quiet' });
    await expectRefusal(rpc(db, cleo, 'reopen_plan_item', { id }), '42501', /^id: /);
    await rpc(db, ben, 'reopen_plan_item', { id });
    expect(await item(id)).toMatchObject({ settled_at: null, settled_by: null, outcome: null, settled_note: null });
    await rpc(db, cleo, 'settle_plan_item', { id, outcome: 'done' });
    await rpc(db, ana, 'reopen_plan_item', { id });
    expect((await item(id))!.outcome).toBeNull();
  });
});

describe('account_plan', () => {
  it('lists open items first (by due date, undated last), then settled ones, latest settled first', async () => {
    const acme = await customer();
    const later = await add(ana, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Later', due_on: inDays(10) });
    const undated = await add(ben, { account_id: acme.accountId, kind: 'step', side: 'theirs', body: 'Undated' });
    const soon = await add(ben, { account_id: acme.accountId, kind: 'step', side: 'theirs', body: 'Soon', due_on: inDays(2) });
    const overdue = await add(ana, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Overdue', due_on: inDays(-3), take: true });
    const goal = await add(ana, { account_id: acme.accountId, kind: 'goal', body: 'Goal' });
    const settledFirst = await add(ana, { account_id: acme.accountId, kind: 'risk', body: 'Settled first' });
    const settledLast = await add(ana, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Settled last', due_on: inDays(1) });
    await rpc(db, ben, 'settle_plan_item', { id: settledFirst, outcome: 'dropped' });
    await rpc(db, ben, 'settle_plan_item', { id: settledLast, outcome: 'done', note: 'Sent' });

    const rows = await plan(cleo, acme.accountId);
    expect(rows.map((row) => row.body)).toEqual(['Overdue', 'Soon', 'Later', 'Undated', 'Goal', 'Settled last', 'Settled first']);
    expect(rows.map((row) => row.id)).toEqual([overdue, soon, later, undated, goal, settledLast, settledFirst]);
    expect(rows[0]).toMatchObject({
      kind: 'step', side: 'ours', taken_by_display_name: 'Ana', author_id: ana.id, author_display_name: 'Ana',
      outcome: null, revision_count: 0,
    });
    expect(rows[5]).toMatchObject({ outcome: 'done', settled_note: 'Sent', settled_by: ben.id });
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining([
      'id', 'kind', 'side', 'body', 'due_on', 'contact_id', 'contact_name', 'taken_by_display_name', 'author_id',
      'author_display_name', 'source_interaction_id', 'created_at', 'settled_at', 'outcome', 'settled_note', 'revision_count',
    ]));
  });

  it('names the contact and the entry where it was said, and hides that entry once it is retracted', async () => {
    const acme = await customer(ben);
    const id = await add(ana, {
      account_id: acme.accountId, kind: 'step', side: 'theirs', body: 'Jonas sends the list',
      contact_id: acme.contactId, source_interaction_id: acme.entryId,
    });
    const [before] = await plan(ana, acme.accountId);
    expect(before).toMatchObject({ id, source_interaction_id: acme.entryId, contact_name: expect.stringMatching(/^Jonas Weber/) });
    await rpc(db, ben, 'retract_interaction', { id: acme.entryId });
    for (const who of [ana, ben]) {
      const [after] = await plan(who, acme.accountId);
      expect(after).toMatchObject({ id, source_interaction_id: null });
    }
  });

  it('hides a retracted entry that settled an item', async () => {
    const acme = await customer(ben);
    const id = await add(ana, { account_id: acme.accountId, kind: 'goal', body: 'Pilot' });
    await rpc(db, ana, 'settle_plan_item', { id, outcome: 'done', interaction_id: acme.entryId });
    await rpc(db, ben, 'retract_interaction', { id: acme.entryId });
    const [row] = await plan(ben, acme.accountId);
    expect(row).toMatchObject({ id, settled_interaction_id: null, outcome: 'done' });
  });
});

describe('due_steps', () => {
  let acme: Customer;
  let globex: Customer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // A separate organization keeps the other tests' steps out of these answers.
    const org = await createOrganization(db, ana, 'Due Steps Ltd');
    await addMember(db, ana, org, ben);
    dueOrg = org;
    acme = await customer(ana, org);
    globex = await customer(ana, org);
    const put = (who: User, name: string, args: Row) => rpc<string>(db, who, 'add_plan_item', { org_id: org, ...args }).then((id) => (ids[name] = id));
    await put(ana, 'overdue', { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Overdue', due_on: inDays(-2) });
    await put(ben, 'today', { account_id: globex.accountId, kind: 'step', side: 'theirs', body: 'Today', due_on: inDays(0) });
    await put(ana, 'takenByBen', { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Ben took it', due_on: inDays(3) });
    await put(ana, 'limit', { account_id: globex.accountId, kind: 'step', side: 'ours', body: 'On the limit', due_on: inDays(7) });
    await put(ana, 'tooLate', { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'After until', due_on: inDays(8) });
    await put(ana, 'undated', { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Undated' });
    await put(ana, 'settled', { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Settled', due_on: inDays(1) });
    await put(ana, 'goal', { account_id: acme.accountId, kind: 'goal', body: 'A goal' });
    await rpc(db, ben, 'take_step', { id: ids.takenByBen });
    await rpc(db, ben, 'settle_plan_item', { id: ids.settled, outcome: 'done' });
  });
  let dueOrg: string;

  it('lists open steps due on or before until, overdue included, by due date then id', async () => {
    const rows = await dueSteps(ben, { org: dueOrg, until: inDays(7) });
    expect(rows.map((row) => row.id)).toEqual([ids.overdue, ids.today, ids.takenByBen, ids.limit]);
    expect(rows[2]).toMatchObject({ account_id: acme.accountId, side: 'ours', taken_by: ben.id, taken_by_display_name: 'Ben', body: 'Ben took it' });
    expect(rows[1]).toMatchObject({ account_name: expect.stringMatching(/^Customer/), side: 'theirs' });
  });

  it('keeps only the steps the caller took or wrote when asked for theirs', async () => {
    expect((await dueSteps(ben, { org: dueOrg, until: inDays(7), only_mine: true })).map((row) => row.id)).toEqual([ids.today, ids.takenByBen]);
    expect((await dueSteps(ana, { org: dueOrg, until: inDays(7), only_mine: true })).map((row) => row.id)).toEqual([
      ids.overdue, ids.takenByBen, ids.limit,
    ]);
  });

  it('keeps only the accounts asked for', async () => {
    expect((await dueSteps(ben, { org: dueOrg, until: inDays(7), account_ids: [globex.accountId] })).map((row) => row.id)).toEqual([ids.today, ids.limit]);
    expect(await dueSteps(ben, { org: dueOrg, until: inDays(7), account_ids: [] })).toEqual([]);
    await expectRefusal(
      dueSteps(ben, { org: dueOrg, until: inDays(7), account_ids: Array.from({ length: LIMITS.dueAccounts + 1 }, () => randomUUID()) }),
      '22023',
      /^account_ids: /,
    );
  });

  it('refuses a caller who is not a member of the organization', async () => {
    await expectRefusal(dueSteps(cleo, { org: dueOrg, until: inDays(7) }), '42501', /^org_id: /);
  });
});

describe('lookup_context open_steps', () => {
  it('shows the five soonest open steps of each matched account, both sides, undated last', async () => {
    const acme = await customer();
    const globex = await customer();
    const dates = [9, -1, 4, null, 2, 6, 1];
    const acmeIds: Record<string, string> = {};
    for (const [index, due] of dates.entries()) {
      acmeIds[String(due)] = await add(ana, {
        account_id: acme.accountId, kind: 'step', side: index % 2 ? 'ours' : 'theirs', body: `Step ${due}`,
        ...(due === null ? {} : { due_on: inDays(due) }),
      });
    }
    const settled = await add(ana, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Settled', due_on: inDays(-5) });
    await rpc(db, ana, 'settle_plan_item', { id: settled, outcome: 'done' });
    await add(ana, { account_id: acme.accountId, kind: 'goal', body: 'Not a step' });
    const globexStep = await add(ben, { account_id: globex.accountId, kind: 'step', side: 'theirs', body: 'Globex step', due_on: inDays(3), take: false });
    const globexUndated = await add(ben, { account_id: globex.accountId, kind: 'step', side: 'ours', body: 'Globex undated', take: true });

    const emails = [`jonas@${(await superuser<{ domain: string }>(db, 'select domain from public.account_domains where account_id = $1', [acme.accountId]))[0]!.domain}`];
    emails.push(`jonas@${(await superuser<{ domain: string }>(db, 'select domain from public.account_domains where account_id = $1', [globex.accountId]))[0]!.domain}`);
    const context = await rpc<Record<string, Row[]>>(db, cleo, 'lookup_context', { emails, linkedin_url: null, org_id: orgId });
    expect(Object.keys(context).sort()).toEqual(['accounts', 'contacts', 'entries', 'open_steps', 'people']);
    const ofAcme = context.open_steps!.filter((step) => step.account_id === acme.accountId);
    expect(ofAcme.map((step) => step.id)).toEqual([acmeIds['-1'], acmeIds['1'], acmeIds['2'], acmeIds['4'], acmeIds['6']]);
    const ofGlobex = context.open_steps!.filter((step) => step.account_id === globex.accountId);
    expect(ofGlobex.map((step) => step.id)).toEqual([globexStep, globexUndated]);
    expect(ofGlobex[1]).toMatchObject({ side: 'ours', body: 'Globex undated', due_on: null, taken_by: ben.id, taken_by_display_name: 'Ben' });
    expect(ofAcme[0]).toMatchObject({ due_on: inDays(-1), org_id: orgId });
  });

  it('still answers candidates by name alongside open steps, and nothing to an outsider', async () => {
    const acme = await customer();
    await add(ana, { account_id: acme.accountId, kind: 'step', side: 'ours', body: 'Call Jonas', due_on: inDays(1) });
    const [row] = await superuser<{ domain: string }>(db, 'select domain from public.account_domains where account_id = $1', [acme.accountId]);
    const email = `jonas@${row!.domain}`;
    const context = await rpc<Record<string, Row[]>>(db, ben, 'lookup_context', { emails: [email], linkedin_url: null, org_id: orgId, full_name: 'Nobody Else' });
    expect(context.candidates).toEqual([]);
    expect(context.open_steps!.map((step) => step.body)).toEqual(['Call Jonas']);
    const outsider = await rpc<Record<string, Row[]>>(db, olga, 'lookup_context', { emails: [email], linkedin_url: null });
    expect(outsider.open_steps).toEqual([]);
  });
});

describe('merges move plan items with their account and contact', () => {
  it('moves an account’s plan, open and settled, to the account it is merged into', async () => {
    const keep = await customer();
    const merge = await customer();
    const open = await add(ana, { account_id: merge.accountId, kind: 'step', side: 'theirs', body: 'Open', contact_id: merge.contactId, due_on: inDays(2) });
    const done = await add(ben, { account_id: merge.accountId, kind: 'goal', body: 'Settled' });
    await rpc(db, ben, 'settle_plan_item', { id: done, outcome: 'done' });
    await rpc(db, ana, 'edit_plan_item', { id: open, body: 'Open, edited' });
    await rpc(db, cleo, 'merge_accounts', { org_id: orgId, keep_id: keep.accountId, merge_id: merge.accountId });
    expect(await item(open)).toMatchObject({ account_id: keep.accountId, contact_id: merge.contactId, author_id: ana.id, body: 'Open, edited' });
    expect(await item(done)).toMatchObject({ account_id: keep.accountId, outcome: 'done' });
    expect((await plan(ana, keep.accountId)).map((row) => row.id)).toEqual([open, done]);
    expect((await plan(ana, keep.accountId))[0]!.revision_count).toBe(1);
  });

  it('moves plan items naming a merged contact to the contact that remains', async () => {
    const acme = await customer();
    const dup = await file(db, ben, emailCapture(orgId, {
      contact: { full_name: 'Jonas W.', email: `jonas.w-${randomUUID().slice(0, 6)}@gmail.com` }, account: { id: acme.accountId },
    }));
    const id = await add(ben, { account_id: acme.accountId, kind: 'step', side: 'theirs', body: 'Jonas sends it', contact_id: dup.contact_id });
    await rpc(db, ana, 'merge_contacts', { org_id: orgId, keep_id: acme.contactId, merge_id: dup.contact_id });
    expect((await item(id))!.contact_id).toBe(acme.contactId);
  });

  it('lands an add naming a merged-away account or contact on the record that remains', async () => {
    const keep = await customer();
    const merge = await customer();
    await rpc(db, ana, 'merge_accounts', { org_id: orgId, keep_id: keep.accountId, merge_id: merge.accountId });
    const id = await add(ben, { account_id: merge.accountId, kind: 'goal', body: 'Queued before the merge' });
    expect((await item(id))!.account_id).toBe(keep.accountId);
  });
});
