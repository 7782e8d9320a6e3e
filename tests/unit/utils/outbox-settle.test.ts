// "This settles it" when the panel is gone: the filed reply carries the step it settles, and
// the outbox settles that step once the reply reaches the server — exactly once.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureInput } from '../../../utils/messages';
import { Outbox, type FileResult, type OutboxStore, type SendOutcome, type SettleOutcome } from '../../../utils/outbox';
import { createExtensionOutboxStore } from '../../../utils/background/storage-areas';

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const STEP = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
let sequence = 0;
function capture(): CaptureInput {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    org_id: ORG,
    kind: 'email',
    source_ref: `msg-settle:${sequence}`,
    occurred_at: '2026-12-04T09:41:00+01:00',
    title: `Reply ${sequence}`,
    body: 'Here is the sample export, as promised.',
    signals: [],
    contact: { full_name: 'Jonas Weber', email: 'jonas@acme-robotics.example' },
  };
}

/** file_interaction and settle_plan_item as the server keeps them: a step settles once. */
class FakeServer {
  online = true;
  filed = new Map<string, FileResult>();
  /** Step id → the entry it was settled with. */
  settled = new Map<string, string>();
  /** Steps settled or withdrawn by someone else: settling them is refused. */
  gone = new Set<string>();
  settleCalls = 0;

  send = async (input: { id: string }): Promise<SendOutcome> => {
    if (!this.online) return { kind: 'unavailable', message: 'Failed to fetch', offline: true };
    const entryId = `entry-for-${input.id}`;
    this.filed.set(input.id, { id: entryId, account_id: 'a1', contact_id: 'c1', created: true });
    return { kind: 'sent', result: this.filed.get(input.id)! };
  };

  settle = async (planItemId: string, entryId: string): Promise<SettleOutcome> => {
    this.settleCalls += 1;
    if (!this.online) return 'later';
    if (this.gone.has(planItemId)) return 'skipped';
    if (!this.settled.has(planItemId)) this.settled.set(planItemId, entryId);
    return 'settled';
  };
}

let store: OutboxStore;
beforeEach(() => {
  fakeBrowser.reset();
  store = createExtensionOutboxStore();
});

/** A worker's outbox over this browser's storage: a second call is the worker started again. */
function worker(server: FakeServer): Outbox {
  return new Outbox({ store, send: (c) => server.send(c), settle: (id, entry) => server.settle(id, entry), schedule: async () => undefined, random: () => 1 });
}

describe('settling a step with a reply filed through the outbox', () => {
  it('settles the step with the entry the server made, once the reply is on the server', async () => {
    const server = new FakeServer();
    const outbox = worker(server);
    const item = await outbox.file(capture(), STEP);
    expect(item.settles).toEqual({ planItemId: STEP, state: 'waiting' });
    expect(server.settleCalls).toBe(0);
    await outbox.drain();
    expect(server.settled.get(STEP)).toBe(`entry-for-${item.id}`);
    expect((await outbox.list())[0]).toMatchObject({ status: 'sent', settles: { planItemId: STEP, state: 'settled' } });
  });

  it('keeps the step to settle while offline and settles it when a later worker sends the reply, with no panel open', async () => {
    const server = new FakeServer();
    server.online = false;
    const item = await worker(server).file(capture(), STEP);
    await worker(server).drain();
    expect(server.settled.size).toBe(0);
    expect((await store.get(item.id))?.settles?.state).toBe('waiting');

    // The panel is long closed; the network comes back and a new worker drains the outbox.
    server.online = true;
    await worker(server).resume();
    expect(server.settled.get(STEP)).toBe(`entry-for-${item.id}`);
    expect((await store.get(item.id))?.settles?.state).toBe('settled');
  });

  it('settles once however often the outbox runs afterwards', async () => {
    const server = new FakeServer();
    const outbox = worker(server);
    await outbox.file(capture(), STEP);
    await outbox.drain();
    await outbox.drain();
    await worker(server).drain();
    expect(server.settleCalls).toBe(1);
  });

  it('tries the settle again when the reply landed but the network went before the step was settled', async () => {
    const server = new FakeServer();
    const outbox = worker(server);
    const item = await outbox.file(capture(), STEP);
    const settle = server.settle;
    server.settle = async (planItemId, entryId) => {
      server.online = false;
      return settle(planItemId, entryId);
    };
    await outbox.drain();
    expect((await store.get(item.id))).toMatchObject({ status: 'sent', settles: { state: 'waiting' } });
    server.online = true;
    server.settle = settle;
    await worker(server).drain();
    expect(server.settled.get(STEP)).toBe(`entry-for-${item.id}`);
    expect((await store.get(item.id))?.settles?.state).toBe('settled');
  });

  it('skips quietly when the step was settled or withdrawn meanwhile, and never asks again', async () => {
    const server = new FakeServer();
    server.gone.add(STEP);
    const outbox = worker(server);
    const item = await outbox.file(capture(), STEP);
    await outbox.drain();
    await outbox.drain();
    expect(server.settleCalls).toBe(1);
    expect(await store.get(item.id)).toMatchObject({ status: 'sent', error: null, settles: { state: 'skipped' } });
    expect(server.settled.size).toBe(0);
  });

  it('settles nothing for a filing that carries no step, and nothing before its reply is filed', async () => {
    const server = new FakeServer();
    const outbox = worker(server);
    const plain = await outbox.file(capture());
    expect(plain.settles).toBeNull();
    server.online = false;
    await outbox.file(capture(), STEP);
    await outbox.drain();
    expect(server.settleCalls).toBe(0);
    server.online = true;
    await outbox.resume();
    expect([...server.settled.keys()]).toEqual([STEP]);
  });
});
