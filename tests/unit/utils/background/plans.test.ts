// Plans in the background: each message is one call of the contract's functions, the reader's
// rights on each item are worked out from their own id, and follows go along only as a
// filter (pact rules 8 and 13).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '../../../../utils/background/dispatch';
import { activeOrgItem, followsItem } from '../../../../utils/storage';

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const ME = '11111111-2222-4333-8444-555555555555';
const BEN = '22222222-3333-4444-8555-666666666666';
const ACME = '6f1c2b1e-3a4d-4c5e-8f90-1a2b3c4d5e6f';
const GLOBEX = '7a2d3c2f-4b5e-4d6f-9a01-2b3c4d5e6f70';
const ENTRY = '00000000-0000-4000-8000-000000000001';
const ITEM = '00000000-0000-4000-8000-0000000000a1';
const OTHER = '00000000-0000-4000-8000-0000000000a2';

type Call = { kind: 'rpc'; name: string; args: unknown } | { kind: 'select'; table: string; filters: string[] };
let calls: Call[] = [];
let rpcAnswers: Record<string, (args: Record<string, unknown>) => { data: unknown; error: { message: string; code?: string } | null; status: number }> = {};

const planRow = (fields: Record<string, unknown>) => ({
  id: ITEM,
  kind: 'step',
  side: 'ours',
  body: 'Send the DPA',
  due_on: '2026-12-10',
  contact_id: null,
  contact_name: null,
  taken_by_display_name: null,
  author_id: BEN,
  author_display_name: 'Ben Okafor',
  source_interaction_id: null,
  created_at: '2026-12-01T09:00:00+00:00',
  settled_at: null,
  outcome: null,
  settled_note: null,
  revision_count: 0,
  taken_by: null,
  settled_by: null,
  settled_interaction_id: null,
  ...fields,
});

function fakeClient() {
  const from = (table: string) => {
    const filters: string[] = [];
    const rows = () => {
      if (table === 'account_timeline') return [{ id: ENTRY, title: 'Re: order form', body: '  We will sign the order form\n on Friday.  ' }];
      if (table === 'plan_item_revisions') return [{ id: 'r1', body: 'Send the draft DPA', due_on: null, edited_at: '2026-12-02T10:00:00+00:00' }];
      return [];
    };
    const builder = {
      select: (columns: string) => (filters.push(`select:${columns}`), builder),
      eq: (column: string, value: unknown) => (filters.push(`eq:${column}=${String(value)}`), builder),
      in: (column: string, values: unknown[]) => (filters.push(`in:${column}=${values.join(',')}`), builder),
      order: (column: string) => (filters.push(`order:${column}`), builder),
      then: (resolve: (value: unknown) => void) => {
        calls.push({ kind: 'select', table, filters });
        resolve({ data: rows(), error: null, status: 200 });
      },
    };
    return builder;
  };
  return {
    auth: { getSession: async () => ({ data: { session: { user: { id: ME } } } }) },
    from,
    rpc: async (name: string, args: Record<string, unknown>) => {
      calls.push({ kind: 'rpc', name, args });
      const answer = rpcAnswers[name];
      return answer ? answer(args) : { data: null, error: null, status: 204 };
    },
  };
}

vi.mock('../../../../utils/background/supabase', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../utils/background/supabase')>()),
  supabaseFor: () => fakeClient(),
}));

const panel = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/sidepanel.html' };
const ask = (type: string, payload: unknown = {}) => dispatch({ type, payload }, panel as never);
const rpcs = () => calls.filter((call) => call.kind === 'rpc');

beforeEach(async () => {
  fakeBrowser.reset();
  calls = [];
  rpcAnswers = {};
  await activeOrgItem.setValue(ORG);
});

describe('an account’s plan', () => {
  it('comes with the customer’s words and what the reader may do to each item', async () => {
    rpcAnswers.account_plan = () => ({
      data: [
        planRow({ id: ITEM, source_interaction_id: ENTRY, taken_by: ME, taken_by_display_name: 'Ana Lima' }),
        planRow({ id: OTHER, author_id: ME, author_display_name: 'Ana Lima', settled_at: '2026-12-05T10:00:00+00:00', outcome: 'done', settled_by: BEN }),
      ],
      error: null,
      status: 200,
    });
    const result = await ask('plan.list', { accountId: ACME });
    expect(result.ok).toBe(true);
    const items = (result as { data: { items: Array<Record<string, unknown>> } }).data.items;
    expect(items[0]).toMatchObject({
      id: ITEM,
      source_excerpt: 'We will sign the order form on Friday.',
      written_by_me: false,
      taken_by_me: true,
      settled_by_me: false,
    });
    expect(items[1]).toMatchObject({ id: OTHER, source_excerpt: null, written_by_me: true, taken_by_me: false, settled_by_me: false });
    // Nobody's id but the author's reaches the page.
    expect(items[0]).not.toHaveProperty('taken_by');
    expect(items[1]).not.toHaveProperty('settled_by');
    expect(rpcs()).toEqual([{ kind: 'rpc', name: 'account_plan', args: { org_id: ORG, account_id: ACME } }]);
    expect(calls).toContainEqual({ kind: 'select', table: 'account_timeline', filters: ['select:id, title, body', `in:id=${ENTRY}`] });
  });

  it('asks for no words when no item came from an entry', async () => {
    rpcAnswers.account_plan = () => ({ data: [planRow({})], error: null, status: 200 });
    await ask('plan.list', { accountId: ACME });
    expect(calls.filter((call) => call.kind === 'select')).toEqual([]);
  });
});

describe('adding a promise', () => {
  it('sends the page’s id, so pressing again after a lost answer makes one item', async () => {
    rpcAnswers.add_plan_item = (args) => ({ data: args.id, error: null, status: 200 });
    const promise = { id: ITEM, accountId: ACME, kind: 'step', side: 'theirs', body: ' Sign the order form ', dueOn: '2026-12-11', sourceInteractionId: ENTRY };
    expect(await ask('plan.add', promise)).toEqual({ ok: true, data: { id: ITEM } });
    expect(await ask('plan.add', promise)).toEqual({ ok: true, data: { id: ITEM } });
    const expected = {
      id: ITEM,
      org_id: ORG,
      account_id: ACME,
      kind: 'step',
      body: 'Sign the order form',
      side: 'theirs',
      due_on: '2026-12-11',
      contact_id: undefined,
      take: false,
      source_interaction_id: ENTRY,
    };
    expect(rpcs()).toEqual([
      { kind: 'rpc', name: 'add_plan_item', args: expected },
      { kind: 'rpc', name: 'add_plan_item', args: expected },
    ]);
  });

  it('refuses a step without a side, and a goal with one, before asking the server', async () => {
    const step = await ask('plan.add', { id: ITEM, accountId: ACME, kind: 'step', body: 'Send the DPA' });
    expect(step.ok).toBe(false);
    const goal = await ask('plan.add', { id: ITEM, accountId: ACME, kind: 'goal', side: 'ours', body: 'Go live in March' });
    expect(goal.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('says the server’s refusal as a sentence', async () => {
    rpcAnswers.add_plan_item = () => ({ data: null, error: { message: 'side: only a step of ours can be taken', code: '22023' }, status: 400 });
    expect(await ask('plan.add', { id: ITEM, accountId: ACME, kind: 'step', side: 'theirs', body: 'Sign it', take: true })).toEqual({
      ok: false,
      error: 'Only a step of ours can be taken.',
      kind: 'refused',
    });
  });
});

describe('changing an item', () => {
  it('takes a step by its id alone: there is no way to name anyone else', async () => {
    expect(await ask('plan.take', { id: ITEM, userId: BEN })).toEqual({ ok: true, data: { id: ITEM } });
    expect(rpcs()).toEqual([{ kind: 'rpc', name: 'take_step', args: { id: ITEM } }]);
  });

  it('leaves out of an edit what the author did not change', async () => {
    await ask('plan.edit', { id: ITEM, body: 'Send the signed DPA', dueOn: null });
    expect(rpcs()).toEqual([
      { kind: 'rpc', name: 'edit_plan_item', args: { id: ITEM, body: 'Send the signed DPA', due_on: undefined, contact_id: undefined } },
    ]);
  });

  it('takes the date or the person off only when asked to, and refuses a date given and cleared at once', async () => {
    await ask('plan.edit', { id: ITEM, body: 'Send the DPA', dueOn: null, contactId: null, clearDueOn: true, clearContactId: true });
    expect(rpcs()).toEqual([
      { kind: 'rpc', name: 'edit_plan_item', args: { id: ITEM, body: 'Send the DPA', clear_due_on: true, clear_contact_id: true } },
    ]);
    const both = await ask('plan.edit', { id: ITEM, dueOn: '2026-12-12', clearDueOn: true });
    expect(both).toMatchObject({ ok: false });
    expect(rpcs()).toHaveLength(1);
  });

  it('settles with the entry that settled it, and releases, reopens and withdraws by id', async () => {
    await ask('plan.settle', { id: ITEM, outcome: 'done', note: ' Signed ', interactionId: ENTRY });
    await ask('plan.release', { id: ITEM });
    await ask('plan.reopen', { id: ITEM });
    await ask('plan.withdraw', { id: ITEM });
    expect(rpcs()).toEqual([
      { kind: 'rpc', name: 'settle_plan_item', args: { id: ITEM, outcome: 'done', note: 'Signed', interaction_id: ENTRY } },
      { kind: 'rpc', name: 'release_step', args: { id: ITEM } },
      { kind: 'rpc', name: 'reopen_plan_item', args: { id: ITEM } },
      { kind: 'rpc', name: 'withdraw_plan_item', args: { id: ITEM } },
    ]);
  });

  it('reads an item’s earlier versions, newest first', async () => {
    expect(await ask('plan.revisions', { id: ITEM })).toEqual({
      ok: true,
      data: [{ id: 'r1', body: 'Send the draft DPA', due_on: null, edited_at: '2026-12-02T10:00:00+00:00' }],
    });
    expect(calls).toEqual([
      {
        kind: 'select',
        table: 'plan_item_revisions',
        filters: ['select:id, body, due_on, edited_at', `eq:plan_item_id=${ITEM}`, 'order:edited_at', 'order:id'],
      },
    ]);
  });
});

describe('what is due', () => {
  const due = (id: string, account: string, dueOn: string) => ({
    id,
    account_id: account,
    account_name: account === ACME ? 'Acme Robotics' : 'Globex',
    side: 'ours',
    body: 'Send the DPA',
    due_on: dueOn,
    contact_id: null,
    contact_name: null,
    taken_by: ME,
    taken_by_display_name: 'Ana Lima',
    author_id: ME,
    source_interaction_id: null,
  });

  it('is the reader’s own steps when this browser follows nothing', async () => {
    rpcAnswers.due_steps = () => ({ data: [due(ITEM, ACME, '2026-12-08')], error: null, status: 200 });
    const result = await ask('plan.due', { until: '2026-12-15' });
    expect(result).toMatchObject({ ok: true, data: { steps: [{ id: ITEM, account_name: 'Acme Robotics' }] } });
    expect(rpcs()).toEqual([{ kind: 'rpc', name: 'due_steps', args: { org_id: ORG, until: '2026-12-15', only_mine: true } }]);
  });

  it('adds the followed accounts’ steps, each once, in date order', async () => {
    await followsItem.setValue({ [ORG]: [GLOBEX] });
    rpcAnswers.due_steps = (args) => ({
      data: args.only_mine ? [due(ITEM, ACME, '2026-12-12')] : [due(OTHER, GLOBEX, '2026-12-03'), due(ITEM, ACME, '2026-12-12')],
      error: null,
      status: 200,
    });
    const result = (await ask('plan.due', { until: '2026-12-15' })) as { ok: true; data: { steps: Array<{ id: string }> } };
    expect(result.data.steps.map((step) => step.id)).toEqual([OTHER, ITEM]);
    expect(rpcs()).toContainEqual({ kind: 'rpc', name: 'due_steps', args: { org_id: ORG, until: '2026-12-15', account_ids: [GLOBEX] } });
  });
});

describe('Insights’ promises past their date', () => {
  const step = (id: string, account: string, side: 'ours' | 'theirs', dueOn: string) => ({
    id,
    account_id: account,
    account_name: account === ACME ? 'Acme Robotics' : 'Globex',
    side,
    body: 'Send the DPA',
    due_on: dueOn,
    contact_id: null,
    contact_name: 'Jonas Weber',
    taken_by: BEN,
    taken_by_display_name: 'Ben Okafor',
    author_id: BEN,
    source_interaction_id: null,
  });

  it('asks every open step of the organization due before today, and answers by account with nobody in it', async () => {
    rpcAnswers.due_steps = () => ({
      data: [step(ITEM, ACME, 'ours', '2026-11-30'), step(OTHER, ACME, 'ours', '2026-12-03'), step('x3', GLOBEX, 'theirs', '2026-12-01')],
      error: null,
      status: 200,
    });
    const result = await ask('plan.overdueAccounts', { today: '2026-12-06' });
    expect(rpcs()).toEqual([{ kind: 'rpc', name: 'due_steps', args: { org_id: ORG, until: '2026-12-05' } }]);
    expect(result).toEqual({
      ok: true,
      data: {
        ours: [{ account_id: ACME, account_name: 'Acme Robotics', overdue_steps: 2, oldest_due_on: '2026-11-30' }],
        theirs: [{ account_id: GLOBEX, account_name: 'Globex', overdue_steps: 1, oldest_due_on: '2026-12-01' }],
        capped: false,
      },
    });
    expect(JSON.stringify(result)).not.toMatch(/Ben|Jonas|taken_by|author/);
  });

  it('says when due_steps stopped at its limit, so the counts are not taken as all there is', async () => {
    rpcAnswers.due_steps = () => ({
      data: Array.from({ length: 500 }, (_, n) => step(`s${n}`, ACME, 'ours', '2026-11-30')),
      error: null,
      status: 200,
    });
    const result = (await ask('plan.overdueAccounts', { today: '2026-12-06' })) as { ok: true; data: { capped: boolean; ours: Array<{ overdue_steps: number }> } };
    expect(result.data.capped).toBe(true);
    expect(result.data.ours[0]!.overdue_steps).toBe(500);
  });
});

describe('settling a step once its reply is filed (the outbox, panel closed or not)', () => {
  it('settles it as done with the filed entry, skips a refusal and waits when the server cannot be reached', async () => {
    const { settleWithFiledReply } = await import('../../../../utils/background/records/plans');
    const client = fakeClient() as never;
    expect(await settleWithFiledReply(client, ITEM, ENTRY)).toBe('settled');
    expect(rpcs()).toEqual([{ kind: 'rpc', name: 'settle_plan_item', args: { id: ITEM, outcome: 'done', interaction_id: ENTRY } }]);
    rpcAnswers.settle_plan_item = () => ({ data: null, error: { message: 'id: is already settled; reopen it first', code: 'P0001' }, status: 400 });
    expect(await settleWithFiledReply(client, ITEM, ENTRY)).toBe('skipped');
    rpcAnswers.settle_plan_item = () => ({ data: null, error: { message: 'id: not a plan item of your organization', code: '42501' }, status: 403 });
    expect(await settleWithFiledReply(client, ITEM, ENTRY)).toBe('skipped');
    rpcAnswers.settle_plan_item = () => ({ data: null, error: { message: 'Failed to fetch' }, status: 0 });
    expect(await settleWithFiledReply(client, ITEM, ENTRY)).toBe('later');
    rpcAnswers.settle_plan_item = () => ({ data: null, error: { message: 'JWT expired', code: 'PGRST301' }, status: 401 });
    expect(await settleWithFiledReply(client, ITEM, ENTRY)).toBe('later');
  });
});

describe('adding a promise once the message it was read from is filed (the outbox, panel closed or not)', () => {
  it('adds it with the contract’s arguments and the entry as its source, keeps a refusal’s words and waits when the server cannot be reached', async () => {
    const { addPromiseOfFiled } = await import('../../../../utils/background/records/plans');
    const client = fakeClient() as never;
    const promise = { id: ITEM, accountId: GLOBEX, kind: 'step', side: 'theirs', body: 'Jonas sends the export', dueOn: '2026-12-07', contactId: null, take: false } as const;
    rpcAnswers.add_plan_item = () => ({ data: ITEM, error: null, status: 200 });
    expect(await addPromiseOfFiled(client, promise, { orgId: ORG, accountId: ACME, entryId: ENTRY })).toEqual({ kind: 'added' });
    expect(rpcs()).toEqual([
      {
        kind: 'rpc',
        name: 'add_plan_item',
        args: {
          id: ITEM,
          org_id: ORG,
          account_id: ACME,
          kind: 'step',
          body: 'Jonas sends the export',
          side: 'theirs',
          due_on: '2026-12-07',
          contact_id: undefined,
          take: false,
          source_interaction_id: ENTRY,
        },
      },
    ]);
    rpcAnswers.add_plan_item = () => ({ data: null, error: { message: 'contact_id: not a contact of this account', code: 'P0001' }, status: 400 });
    expect(await addPromiseOfFiled(client, promise, { orgId: ORG, accountId: ACME, entryId: ENTRY })).toEqual({
      kind: 'refused',
      message: 'contact_id: not a contact of this account',
    });
    rpcAnswers.add_plan_item = () => ({ data: null, error: { message: 'Failed to fetch' }, status: 0 });
    expect(await addPromiseOfFiled(client, promise, { orgId: ORG, accountId: ACME, entryId: ENTRY })).toEqual({ kind: 'later' });
  });
});
