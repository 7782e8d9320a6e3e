import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureInput } from '../../../utils/messages';
import {
  BACKOFF,
  KEEP_SENT_MS,
  Outbox,
  afterAttempt,
  backoffDelay,
  type FileResult,
  type OutboxItem,
  type OutboxStore,
  type SendOutcome,
} from '../../../utils/outbox';
import { createExtensionOutboxStore } from '../../../utils/background/storage-areas';

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
let sequence = 0;
function capture(overrides: Partial<CaptureInput> = {}): CaptureInput {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    org_id: ORG,
    kind: 'email',
    source_ref: `msg-f:${sequence}`,
    occurred_at: '2026-11-20T09:41:00+01:00',
    title: `Message ${sequence}`,
    body: 'We need SSO first.',
    signals: ['objection'],
    contact: { full_name: 'Mia Schmidt', email: 'mia@acme-robotics.example' },
    ...overrides,
  };
}

/** A stand-in for file_interaction that, like the real one, keeps one row per capture id. */
class FakeServer {
  rows = new Map<string, FileResult>();
  calls = 0;
  next: Array<SendOutcome['kind'] | 'commit-then-die'> = [];

  send = async (input: { id: string }): Promise<SendOutcome> => {
    this.calls += 1;
    const behaviour = this.next.shift() ?? 'sent';
    if (behaviour === 'refused') return { kind: 'refused', message: 'title: must be at most 300 characters' };
    if (behaviour === 'unauthorized') return { kind: 'unauthorized', message: 'JWT expired' };
    if (behaviour === 'unavailable') return { kind: 'unavailable', message: 'Failed to fetch' };
    const created = !this.rows.has(input.id);
    if (created) this.rows.set(input.id, { id: input.id, account_id: null, contact_id: 'c1', created: true });
    if (behaviour === 'commit-then-die') throw new Error('service worker stopped');
    return { kind: 'sent', result: { ...this.rows.get(input.id)!, created } };
  };
}

function setup(store: OutboxStore = extensionOutboxStore, server = new FakeServer()) {
  let now = 1_000_000;
  const wakeUps: Array<number | null> = [];
  const badge: number[] = [];
  const outbox = new Outbox({
    store,
    send: (c) => server.send(c),
    schedule: async (when) => void wakeUps.push(when),
    onChange: (items) => badge.push(items.filter((i) => i.status !== 'sent').length),
    now: () => now,
    random: () => 1,
  });
  return { outbox, store, server, wakeUps, badge, advance: (ms: number) => (now += ms), now: () => now };
}

/** This test's store over extension storage: a new one per test, as each worker start makes. */
let extensionOutboxStore: OutboxStore;

beforeEach(() => {
  fakeBrowser.reset();
  extensionOutboxStore = createExtensionOutboxStore();
});

describe('the outbox', () => {
  it('stores a filed item durably before anything is sent', async () => {
    const { outbox, server } = setup();
    const item = await outbox.file(capture());
    expect(item.status).toBe('pending');
    expect(server.calls).toBe(0);
    expect(await extensionOutboxStore.get(item.id)).toMatchObject({ id: item.id, status: 'pending' });
  });

  it('refuses an invalid capture without storing anything, naming the field', async () => {
    const { outbox } = setup();
    await expect(outbox.file(capture({ title: 'x'.repeat(301) }))).rejects.toThrow('title: must be at most 300 characters');
    expect(await outbox.list()).toEqual([]);
  });

  it('moves pending to sent and keeps the server result', async () => {
    const { outbox, badge } = setup();
    const item = await outbox.file(capture());
    await outbox.drain();
    const [sent] = await outbox.list();
    expect(sent).toMatchObject({ id: item.id, status: 'sent', attempts: 1, error: null, nextAttemptAt: null });
    expect(sent?.result?.created).toBe(true);
    expect(badge.at(-1)).toBe(0);
  });

  it('moves a refused item to needs_attention with the server message, and sends it after an edit', async () => {
    const { outbox, server } = setup();
    server.next = ['refused'];
    const item = await outbox.file(capture());
    await outbox.drain();
    const [refused] = await outbox.list();
    expect(refused).toMatchObject({ status: 'needs_attention', error: 'title: must be at most 300 characters', nextAttemptAt: null });
    await outbox.drain();
    expect(server.calls).toBe(1); // a refused item is never retried on its own

    await outbox.update(item.id, { ...item.capture, title: 'Shorter' });
    await outbox.drain();
    const [sent] = await outbox.list();
    expect(sent).toMatchObject({ status: 'sent', capture: { title: 'Shorter' } });
    expect(server.rows.size).toBe(1);
  });

  it('backs off exponentially with jitter when the server is unavailable, and wakes up by alarm', async () => {
    const { outbox, server, wakeUps, advance, now } = setup();
    server.next = ['unavailable', 'unavailable', 'unavailable'];
    await outbox.file(capture());
    await outbox.drain();
    let [item] = await outbox.list();
    expect(item).toMatchObject({ status: 'pending', attempts: 1, error: 'Failed to fetch' });
    expect(item!.nextAttemptAt).toBe(now() + BACKOFF.baseMs);
    expect(wakeUps.at(-1)).toBe(item!.nextAttemptAt);

    await outbox.drain(); // not due yet: nothing is sent
    expect(server.calls).toBe(1);

    advance(BACKOFF.baseMs);
    await outbox.drain();
    [item] = await outbox.list();
    expect(item!.nextAttemptAt).toBe(now() + BACKOFF.baseMs * 2);
  });

  it('keeps the backoff between half and all of an exponential step, capped', () => {
    expect(backoffDelay(1, () => 0)).toBe(BACKOFF.baseMs / 2);
    expect(backoffDelay(1, () => 1)).toBe(BACKOFF.baseMs);
    expect(backoffDelay(4, () => 1)).toBe(BACKOFF.baseMs * 8);
    expect(backoffDelay(40, () => 1)).toBe(BACKOFF.capMs);
    expect(backoffDelay(40, () => 0)).toBe(BACKOFF.capMs / 2);
  });

  it('holds every item for sign-in when the session expired, without counting it as a failure', async () => {
    const { outbox, server } = setup();
    server.next = ['unauthorized'];
    await outbox.file(capture());
    await outbox.file(capture());
    await outbox.drain();
    const items = await outbox.list();
    expect(items.map((i) => i.status)).toEqual(['waiting_for_sign_in', 'waiting_for_sign_in']);
    expect(items.map((i) => i.attempts)).toEqual([0, 0]);
    expect(server.calls).toBe(1);

    await outbox.resume();
    expect((await outbox.list()).map((i) => i.status)).toEqual(['sent', 'sent']);
    expect(server.rows.size).toBe(2);
  });

  it('files exactly one row when the worker stops after the server stored it', async () => {
    const server = new FakeServer();
    server.next = ['commit-then-die'];
    const first = setup(extensionOutboxStore, server);
    const item = await first.outbox.file(capture());
    await first.outbox.drain();
    expect((await first.outbox.list())[0]?.status).toBe('pending');

    // A new worker over the same storage picks the item up again.
    const restarted = setup(createExtensionOutboxStore(), server);
    restarted.advance(BACKOFF.capMs);
    await restarted.outbox.drain();
    const [sent] = await restarted.outbox.list();
    expect(sent).toMatchObject({ id: item.id, status: 'sent' });
    expect(sent?.result?.created).toBe(false);
    expect(server.rows.size).toBe(1);
    expect(server.calls).toBe(2);
  });

  it('filing the same capture twice keeps one item and sends it once', async () => {
    const { outbox, server } = setup();
    const input = capture();
    await outbox.file(input);
    await outbox.file(input);
    await Promise.all([outbox.drain(), outbox.drain()]);
    expect(await outbox.list()).toHaveLength(1);
    expect(server.calls).toBe(1);
  });

  it('tells the user when browser storage refuses the write, and keeps nothing half-written', async () => {
    const store: OutboxStore = {
      ...extensionOutboxStore,
      put: async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
    };
    const { outbox } = setup(store);
    await expect(outbox.file(capture())).rejects.toThrow(
      'Highcard could not keep this item in your browser (QUOTA_BYTES quota exceeded). Nothing was filed; your text is still in the preview.',
    );
    expect(await extensionOutboxStore.all()).toEqual([]);
  });

  it('a network error thrown by the sender counts as unavailable, not as lost', async () => {
    const store = extensionOutboxStore;
    const outbox = new Outbox({
      store,
      send: vi.fn().mockRejectedValue(new TypeError('Failed to fetch')),
      schedule: async () => {},
    });
    await outbox.file(capture());
    await outbox.drain();
    expect((await outbox.list())[0]).toMatchObject({ status: 'pending', error: 'Failed to fetch' });
  });

  it('discards an item on request and lets retry send a refused one as it is', async () => {
    const { outbox, server } = setup();
    server.next = ['refused', 'sent'];
    const a = await outbox.file(capture());
    const b = await outbox.file(capture());
    await outbox.drain();
    await outbox.discard(b.id);
    const retried = await outbox.retry(a.id);
    expect(retried.status).toBe('sent');
    expect((await outbox.list()).map((i) => i.id)).toEqual([a.id]);
  });

  it('forgets sent items after a week but never an unsent one', async () => {
    const { outbox, server, advance } = setup();
    server.next = ['sent', 'refused'];
    await outbox.file(capture());
    await outbox.file(capture());
    await outbox.drain();
    await outbox.drain();
    advance(KEEP_SENT_MS + 1);
    await outbox.prune();
    expect((await outbox.list()).map((i) => i.status)).toEqual(['needs_attention']);
  });

  it('does not count an expired session as an attempt', () => {
    const item = { attempts: 2, status: 'pending' } as OutboxItem;
    expect(afterAttempt(item, { kind: 'unauthorized', message: 'x' }, 0).attempts).toBe(2);
  });
});

describe('an item on its way to the server', () => {
  it('cannot be discarded or edited until the answer is back, so nothing is stored behind the rep’s back', async () => {
    let release: ((outcome: SendOutcome) => void) | null = null;
    const outbox = new Outbox({
      store: extensionOutboxStore,
      send: () => new Promise<SendOutcome>((resolve) => (release = resolve)),
      schedule: async () => {},
    });
    const item = await outbox.file(capture());
    const draining = outbox.drain();
    await vi.waitFor(() => expect(release).not.toBeNull());
    await expect(outbox.discard(item.id)).rejects.toThrow('This item is being sent right now. Try again in a moment.');
    await expect(outbox.update(item.id, { ...item.capture, title: 'Changed' })).rejects.toThrow('being sent right now');
    release!({ kind: 'sent', result: { id: item.id, account_id: null, contact_id: null, created: true } });
    await draining;
    expect((await outbox.list())[0]).toMatchObject({ status: 'sent', capture: { title: item.capture.title } });
    await outbox.discard(item.id);
    expect(await outbox.list()).toEqual([]);
  });
});

describe('a backlog draining while the rep changes it', () => {
  it('never sends an item discarded, or the old text of one edited, while an earlier item was on its way', async () => {
    const sent: Array<{ id: string; title: string }> = [];
    let startedFirst!: () => void;
    const firstStarted = new Promise<void>((resolve) => (startedFirst = resolve));
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let clock = 1_000_000;
    const outbox = new Outbox({
      store: extensionOutboxStore,
      send: async (c) => {
        sent.push({ id: c.id, title: c.title });
        if (sent.length === 1) {
          startedFirst();
          await firstHeld;
        }
        return { kind: 'sent', result: { id: c.id, account_id: null, contact_id: 'c1', created: true } };
      },
      schedule: async () => undefined,
      now: () => (clock += 1),
      random: () => 1,
    });
    // Filed offline: five items wait.
    const items: OutboxItem[] = [];
    for (let n = 0; n < 5; n += 1) items.push(await outbox.file(capture()));
    const [first, second, third, fourth, fifth] = items as [OutboxItem, OutboxItem, OutboxItem, OutboxItem, OutboxItem];

    const draining = outbox.drain();
    await firstStarted;
    // While the first is on its way, the rep discards the fifth and corrects the third.
    await outbox.discard(fifth.id);
    await outbox.update(third.id, { ...third.capture, title: 'Corrected title' });
    releaseFirst();
    await draining;

    expect(sent).toEqual([
      { id: first.id, title: first.capture.title },
      { id: second.id, title: second.capture.title },
      { id: third.id, title: 'Corrected title' },
      { id: fourth.id, title: fourth.capture.title },
    ]);
    expect((await outbox.list()).map((item) => [item.id, item.status, item.capture.title])).toEqual([
      [first.id, 'sent', first.capture.title],
      [second.id, 'sent', second.capture.title],
      [third.id, 'sent', 'Corrected title'],
      [fourth.id, 'sent', fourth.capture.title],
    ]);
  });
});

describe('the unsent count', () => {
  it('follows filing, sending and discarding', async () => {
    const { outbox, server } = setup();
    expect(await outbox.unsentCount()).toBe(0);
    const a = await outbox.file(capture());
    await vi.waitFor(async () => expect(await outbox.unsentCount()).toBe(1));
    server.next = ['refused'];
    await outbox.file(capture());
    await outbox.drain();
    expect(await outbox.unsentCount()).toBe(1);
    expect((await outbox.list()).find((i) => i.id === a.id)?.status).toBe('needs_attention');
    await outbox.discard(a.id);
    expect(await outbox.unsentCount()).toBe(0);
  });
});

describe('the outbox when the browser itself fails', () => {
  /** The extension store, with failures switched on by the test. */
  function flakyStore() {
    const fail = { put: 0, all: 0 };
    const store: OutboxStore = {
      get: (id) => extensionOutboxStore.get(id),
      put: async (item) => {
        if (fail.put > 0 && item.status !== 'pending') {
          fail.put -= 1;
          throw new Error('QUOTA_BYTES quota exceeded');
        }
        return extensionOutboxStore.put(item);
      },
      remove: (id) => extensionOutboxStore.remove(id),
      all: async () => {
        if (fail.all > 0) {
          fail.all -= 1;
          throw new Error('storage is not available');
        }
        return extensionOutboxStore.all();
      },
    };
    return { store, fail };
  }

  function reported(store: OutboxStore, schedule: (when: number | null) => Promise<void>, server = new FakeServer()) {
    const problems: Array<string | null> = [];
    const outbox = new Outbox({ store, send: (c) => server.send(c), schedule, report: (p) => problems.push(p), random: () => 1 });
    return { outbox, problems, server };
  }

  it('keeps going past a storage failure, keeps the item, and sends it once the next time', async () => {
    const { store, fail } = flakyStore();
    const { outbox, problems, server } = reported(store, async () => {});
    const first = await outbox.file(capture());
    const second = await outbox.file(capture());
    fail.put = 1; // noting the first item's outcome fails
    await expect(outbox.drain()).resolves.toBeUndefined();
    expect(problems.at(-1)).toMatch(/^could not note the outcome of an item in this browser \(QUOTA_BYTES/);
    const byId = new Map((await outbox.list()).map((item) => [item.id, item]));
    expect(byId.get(first.id)?.status).toBe('pending'); // not dropped
    expect(byId.get(second.id)?.status).toBe('sent'); // the run went on

    await outbox.drain();
    expect((await outbox.list()).every((item) => item.status === 'sent')).toBe(true);
    expect(server.rows.size).toBe(2); // the resend landed on the same row
    expect(problems.at(-1)).toBeNull(); // a clean run clears the problem
  });

  it('files and sends even when the alarm cannot be set, and says so', async () => {
    const { outbox, problems } = reported(extensionOutboxStore, async () => {
      throw new Error('alarms are not available');
    });
    const item = await outbox.file(capture());
    expect(item.status).toBe('pending');
    await expect(outbox.drain()).resolves.toBeUndefined();
    expect((await outbox.list())[0]?.status).toBe('sent');
    expect(problems.at(-1)).toMatch(/^could not set the next attempt \(alarms are not available\)/);
  });

  it('survives a storage area that cannot be read, and reports it', async () => {
    const { store, fail } = flakyStore();
    const { outbox, problems } = reported(store, async () => {});
    await outbox.file(capture());
    fail.all = 1;
    await expect(outbox.drain()).resolves.toBeUndefined();
    expect(problems.at(-1)).toMatch(/^could not read the outbox \(storage is not available\)/);
    await expect(outbox.resume()).resolves.toBeUndefined();
    expect((await outbox.list())[0]?.status).toBe('sent');
  });
});

describe('the outbox in extension storage', () => {
  it('lists every item when several are filed at the same moment', async () => {
    const { outbox } = setup();
    await Promise.all(Array.from({ length: 8 }, () => outbox.file(capture())));
    expect(await outbox.list()).toHaveLength(8);
    expect(((await fakeBrowser.storage.local.get('outboxIndex')).outboxIndex as string[]).length).toBe(8);
  });

  it('still lists the items an earlier version kept without an index', async () => {
    const { outbox } = setup();
    const item = await outbox.file(capture());
    await fakeBrowser.storage.local.remove('outboxIndex');
    // The next worker start reads storage afresh.
    expect((await createExtensionOutboxStore().all()).map((kept) => kept.id)).toEqual([item.id]);
    expect((await fakeBrowser.storage.local.get('outboxIndex')).outboxIndex).toEqual([item.id]);
  });

  it('reads only its own keys when listing, however much else is in storage', async () => {
    const { outbox } = setup();
    await outbox.file(capture());
    await fakeBrowser.storage.local.set({ 'lookup:big': { key: 'x', value: 'y'.repeat(100_000), fetchedAt: 1 } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await createExtensionOutboxStore().all(); // a worker's first listing
    const asked = get.mock.calls.flatMap(([keys]) => (keys === null || keys === undefined ? ['<everything>'] : [keys].flat()));
    expect(asked).not.toContain('<everything>');
    expect(asked.some((key) => String(key).startsWith('lookup:'))).toBe(false);
    get.mockRestore();
  });

  it('forgets a discarded item in the index too', async () => {
    const { outbox } = setup();
    const item = await outbox.file(capture());
    await outbox.discard(item.id);
    expect((await fakeBrowser.storage.local.get('outboxIndex')).outboxIndex).toEqual([]);
    expect(await fakeBrowser.storage.local.get(`outbox:${item.id}`)).toEqual({});
  });
});

describe('filing in a burst', () => {
  it('answers every filing first, then sends them all in one run once filing pauses', async () => {
    // The pause is the outbox's own timer, driven here by hand: however slow the machine, no
    // run can start between two filings.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const server = new FakeServer();
      const runs: number[] = [];
      const outbox = new Outbox({
        store: extensionOutboxStore,
        send: (c) => server.send(c),
        schedule: async () => void runs.push(server.calls),
        sendAfterMs: 30,
      });
      for (let n = 0; n < 3; n += 1) {
        await outbox.file(capture());
        await vi.advanceTimersByTimeAsync(29); // the rep files again before the pause ends
      }
      expect(server.calls).toBe(0); // nothing sent while the rep is still filing
      expect(await outbox.unsentCount()).toBe(3);
      await vi.advanceTimersByTimeAsync(1);
      await vi.waitFor(async () => expect((await outbox.list()).map((item) => item.status)).toEqual(['sent', 'sent', 'sent']));
      expect(server.calls).toBe(3);
      expect(runs).toEqual([0, 3]); // one run: the badge and the alarm before sending, and after
    } finally {
      vi.useRealTimers();
    }
  });
});
