// "Add as a promise" on a message not filed yet, when the panel is gone: the filing carries the
// promise, and the outbox adds it with the entry the server made once the message is on the
// server — exactly once, and a refusal is kept and reported, never dropped.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureInput, PromiseToAdd } from '../../../utils/messages';
import { Outbox, waitingToAdd, type AddOutcome, type FileResult, type OutboxStore, type PromisePlace, type SendOutcome } from '../../../utils/outbox';
import { createExtensionOutboxStore } from '../../../utils/background/storage-areas';

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const PANEL_ACCOUNT = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const PROMISE: PromiseToAdd = {
  id: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  accountId: PANEL_ACCOUNT,
  kind: 'step',
  side: 'theirs',
  body: 'Jonas will send a sample export on Monday',
  dueOn: '2026-12-07',
  contactId: null,
  take: false,
};

let sequence = 0;
function capture(): CaptureInput {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    org_id: ORG,
    kind: 'email',
    source_ref: `msg-promise:${sequence}`,
    occurred_at: '2026-12-04T09:41:00+01:00',
    title: `Message ${sequence}`,
    body: 'Jonas will send a sample export on Monday.',
    signals: [],
    contact: { full_name: 'Jonas Weber', email: 'jonas@acme-robotics.example' },
  };
}

/** file_interaction and add_plan_item as the server keeps them: one item per id. */
class FakeServer {
  online = true;
  /** The account the server files the message to (null: none). */
  entryAccount: string | null = 'acme';
  refuse: string | null = null;
  added = new Map<string, { promise: PromiseToAdd; place: PromisePlace }>();
  addCalls = 0;

  send = async (input: { id: string }): Promise<SendOutcome> => {
    if (!this.online) return { kind: 'unavailable', message: 'Failed to fetch', offline: true };
    const result: FileResult = { id: `entry-for-${input.id}`, account_id: this.entryAccount, contact_id: 'c1', created: true };
    return { kind: 'sent', result };
  };

  add = async (promise: PromiseToAdd, place: PromisePlace): Promise<AddOutcome> => {
    this.addCalls += 1;
    if (!this.online) return { kind: 'later' };
    if (this.refuse) return { kind: 'refused', message: this.refuse };
    if (!this.added.has(promise.id)) this.added.set(promise.id, { promise, place });
    return { kind: 'added' };
  };
}

let store: OutboxStore;
let problems: (string | null)[];
beforeEach(() => {
  fakeBrowser.reset();
  store = createExtensionOutboxStore();
  problems = [];
});

/** A worker's outbox over this browser's storage: a second call is the worker started again. */
function worker(server: FakeServer): Outbox {
  return new Outbox({
    store,
    send: (c) => server.send(c),
    addPromise: (promise, place) => server.add(promise, place),
    schedule: async () => undefined,
    report: (problem) => problems.push(problem),
    random: () => 1,
  });
}

describe('adding a promise with the message it was read from, filed through the outbox', () => {
  it('adds the promise to the filed entry’s account with that entry as its source, once the message is on the server', async () => {
    const server = new FakeServer();
    const outbox = worker(server);
    const item = await outbox.file(capture(), null, PROMISE);
    expect(item.promise).toEqual({ item: PROMISE, state: 'waiting' });
    expect(server.addCalls).toBe(0);
    await outbox.drain();
    expect(server.added.get(PROMISE.id)?.place).toEqual({ orgId: ORG, accountId: 'acme', entryId: `entry-for-${item.id}` });
    expect(server.added.get(PROMISE.id)?.promise.body).toBe(PROMISE.body);
    expect(await store.get(item.id)).toMatchObject({ status: 'sent', promise: { state: 'added' } });
  });

  it('keeps the promise while offline and adds it when a later worker sends the message, with no panel open', async () => {
    const server = new FakeServer();
    server.online = false;
    const item = await worker(server).file(capture(), null, PROMISE);
    await worker(server).drain();
    expect(server.added.size).toBe(0);
    expect((await store.get(item.id))?.promise?.state).toBe('waiting');

    server.online = true;
    await worker(server).resume();
    expect(server.added.get(PROMISE.id)?.place.entryId).toBe(`entry-for-${item.id}`);
    expect((await store.get(item.id))?.promise?.state).toBe('added');
  });

  it('adds the promise once however often the outbox runs afterwards', async () => {
    const server = new FakeServer();
    const outbox = worker(server);
    await outbox.file(capture(), null, PROMISE);
    await outbox.drain();
    await outbox.drain();
    await worker(server).drain();
    expect(server.addCalls).toBe(1);
    expect(server.added.size).toBe(1);
  });

  it('adds it again with the same id when the message landed but the network went before the promise was added', async () => {
    const server = new FakeServer();
    const item = await worker(server).file(capture(), null, PROMISE);
    const add = server.add;
    server.add = async (promise, place) => {
      server.online = false;
      return add(promise, place);
    };
    await worker(server).drain();
    expect(await store.get(item.id)).toMatchObject({ status: 'sent', promise: { state: 'waiting' } });
    server.online = true;
    server.add = add;
    await worker(server).drain();
    expect([...server.added.keys()]).toEqual([PROMISE.id]);
    expect((await store.get(item.id))?.promise?.state).toBe('added');
  });

  it('keeps a refused promise with the server’s words and its text, reports it, and never asks again', async () => {
    const server = new FakeServer();
    server.refuse = 'contact_id: that person is not at this account';
    const outbox = worker(server);
    const item = await outbox.file(capture(), null, PROMISE);
    await outbox.drain();
    await outbox.drain();
    expect(server.addCalls).toBe(1);
    expect(await store.get(item.id)).toMatchObject({
      status: 'sent',
      promise: { item: { body: PROMISE.body }, state: 'refused', error: 'contact_id: that person is not at this account' },
    });
    expect(problems.find((problem) => problem?.includes(PROMISE.body))).toContain('contact_id: that person is not at this account');
  });

  it('goes to the panel’s account without a source when the server filed the message to no account', async () => {
    const server = new FakeServer();
    server.entryAccount = null;
    const outbox = worker(server);
    await outbox.file(capture(), null, PROMISE);
    await outbox.drain();
    expect(server.added.get(PROMISE.id)?.place).toEqual({ orgId: ORG, accountId: PANEL_ACCOUNT, entryId: null });
  });

  it('adds nothing for a filing that carries no promise, nor before its message is filed', async () => {
    const server = new FakeServer();
    const outbox = worker(server);
    const plain = await outbox.file(capture());
    expect(plain.promise).toBeNull();
    expect(waitingToAdd(plain)).toBeNull();
    await outbox.drain();
    expect(server.addCalls).toBe(0);
  });
});
