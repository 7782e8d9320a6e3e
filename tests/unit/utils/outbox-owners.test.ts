import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureInput } from '../../../utils/messages';
import type { Capture } from '../../../utils/messages';
import { claimUnowned, memoryOutboxStore, Outbox, type FiledBy, type OutboxItem, type OutboxStore, type SendOutcome } from '../../../utils/outbox';
import { fileInteraction } from '../../../utils/background/records/capture';
import type { Client } from '../../../utils/background/supabase';

const ANA: FiledBy = { userId: 'a1a1a1a1-0000-4000-8000-000000000001', email: 'ana@acme.example' };
const BEN: FiledBy = { userId: 'b2b2b2b2-0000-4000-8000-000000000002', email: 'ben@acme.example' };
const ANA_ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const BEN_ORG = '1c8d7e6f-5a4b-4c3d-8e2f-0a9b8c7d6e5f';

let sequence = 0;
function capture(orgId: string, title: string): CaptureInput {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    org_id: orgId,
    kind: 'note',
    occurred_at: '2026-11-20T09:41:00+01:00',
    title,
    body: `${title}: private words`,
    contact: { full_name: 'Mia Schmidt', email: 'mia@acme-robotics.example' },
  };
}

/** One browser: whose session is kept in it, and who was signed in last. */
class Browser {
  session: FiledBy | null = null;
  last: FiledBy | null = null;
  signIn(user: FiledBy) {
    this.session = user;
    this.last = user;
  }
  signOut() {
    this.session = null;
  }
  whose = async () => this.session ?? this.last;
}

/** file_interaction as the server sees it: the author is whoever's session sends, and the
 * browser's fileInteraction refuses to send an item as anyone but its author. */
class Server {
  online = true;
  rows = new Map<string, { author: string; orgId: string; title: string }>();
  sends: string[] = [];
  constructor(private readonly browser: Browser) {}
  send = async (capture: Capture, filedBy: string | null): Promise<SendOutcome> => {
    if (!this.online) return { kind: 'unavailable', message: 'Failed to fetch', offline: true };
    const session = this.browser.session;
    if (!session) return { kind: 'unauthorized', message: 'signed out' };
    if (filedBy !== null && filedBy !== session.userId) return { kind: 'unauthorized', message: 'filed by someone else' };
    this.sends.push(capture.id);
    if (!this.rows.has(capture.id)) this.rows.set(capture.id, { author: session.userId, orgId: capture.org_id, title: capture.title });
    return { kind: 'sent', result: { id: capture.id, account_id: null, contact_id: 'c1', created: true } };
  };
}

function setup() {
  const browser = new Browser();
  const server = new Server(browser);
  const store = memoryOutboxStore();
  let now = 1_000_000;
  const outbox = new Outbox({ store, send: server.send, whose: browser.whose, schedule: async () => undefined, now: () => now, random: () => 1 });
  return { browser, server, store, outbox, advance: (ms: number) => (now += ms) };
}

let world: ReturnType<typeof setup>;
beforeEach(() => {
  world = setup();
});

async function anaFilesTwoOfflineAndSignsOut(): Promise<OutboxItem[]> {
  const { browser, server, outbox } = world;
  browser.signIn(ANA);
  server.online = false;
  const filed = [await outbox.file(capture(ANA_ORG, 'Ana one')), await outbox.file(capture(ANA_ORG, 'Ana two'))];
  await outbox.drain();
  browser.signOut();
  server.online = true;
  return filed;
}

describe('an outbox shared by people signing in to one browser', () => {
  it('records who filed an item at the moment it is filed', async () => {
    world.browser.signIn(ANA);
    const item = await world.outbox.file(capture(ANA_ORG, 'Ana one'));
    expect(item.filedBy).toEqual(ANA);
    expect((await world.store.get(item.id))?.filedBy).toEqual(ANA);
  });

  it('sends nothing of Ana’s when Ben signs in after her, and sends Ben’s own items as his', async () => {
    const anas = await anaFilesTwoOfflineAndSignsOut();
    const { browser, server, outbox, store } = world;
    browser.signIn(BEN);
    await outbox.resume();
    const bens = await outbox.file(capture(BEN_ORG, 'Ben one'));
    await outbox.drain();

    expect(server.sends).toEqual([bens.id]);
    expect(server.rows.get(bens.id)).toEqual({ author: BEN.userId, orgId: BEN_ORG, title: 'Ben one' });
    for (const filed of anas) {
      expect(server.rows.has(filed.id)).toBe(false);
      const kept = await store.get(filed.id);
      expect(kept?.capture).toEqual(filed.capture);
      expect(kept?.filedBy).toEqual(ANA);
      expect(kept?.status).not.toBe('sent');
    }
  });

  it('sends Ana’s items exactly once, as hers and to her organization, when she signs in again', async () => {
    const anas = await anaFilesTwoOfflineAndSignsOut();
    const { browser, server, outbox } = world;
    browser.signIn(BEN);
    await outbox.resume();
    browser.signOut();
    browser.signIn(ANA);
    await outbox.resume();
    await outbox.resume();

    expect(server.sends.sort()).toEqual(anas.map((item) => item.id).sort());
    for (const filed of anas) expect(server.rows.get(filed.id)).toMatchObject({ author: ANA.userId, orgId: ANA_ORG });
    expect((await outbox.mine()).every((item) => item.status === 'sent')).toBe(true);
  });

  it('counts and lists each person’s own items only, and of the other’s only how many and whose', async () => {
    await anaFilesTwoOfflineAndSignsOut();
    const { browser, server, outbox } = world;
    expect(await outbox.unsentCount()).toBe(2); // signed out: still Ana’s browser until someone else signs in

    browser.signIn(BEN);
    server.online = false;
    await outbox.file(capture(BEN_ORG, 'Ben one'));
    expect(await outbox.unsentCount()).toBe(1);
    expect((await outbox.mine()).map((item) => item.capture.title)).toEqual(['Ben one']);
    const others = await outbox.others();
    expect(others).toEqual([{ email: ANA.email, count: 2 }]);
    expect(JSON.stringify(others)).not.toContain('Ana one');

    browser.signOut();
    browser.signIn(ANA);
    expect(await outbox.unsentCount()).toBe(2);
    expect(await outbox.others()).toEqual([{ email: BEN.email, count: 1 }]);
  });

  it('refuses to retry, correct or discard another person’s item', async () => {
    const [anas] = await anaFilesTwoOfflineAndSignsOut();
    const { browser, server, outbox, store } = world;
    browser.signIn(BEN);
    await expect(outbox.retry(anas!.id)).rejects.toThrow(/Someone else filed that item/);
    await expect(outbox.update(anas!.id, { ...anas!.capture, title: 'Ben’s now' })).rejects.toThrow(/Someone else filed that item/);
    await expect(outbox.discard(anas!.id)).rejects.toThrow(/Someone else filed that item/);
    expect(server.sends).toEqual([]);
    expect((await store.get(anas!.id))?.capture.title).toBe('Ana one');
  });

  it('refuses to file when nobody has signed in to this browser, keeping nothing', async () => {
    await expect(world.outbox.file(capture(ANA_ORG, 'Nobody’s'))).rejects.toThrow(/Sign in to Highcard first/);
    expect(await world.store.all()).toEqual([]);
  });
});

describe('items kept before the outbox recorded who filed them', () => {
  async function legacyItems(store: OutboxStore, count: number, orgId = ANA_ORG): Promise<OutboxItem[]> {
    const items: OutboxItem[] = [];
    for (let i = 0; i < count; i += 1) {
      const c = capture(orgId, `Old ${i}`) as Capture;
      const item: OutboxItem = { id: c.id, capture: { ...c, signals: [] }, status: 'waiting_for_sign_in', attempts: 1, nextAttemptAt: null, error: null, createdAt: i, updatedAt: i, result: null };
      await store.put(item);
      items.push(item);
    }
    return items;
  }

  it('go to the signed-in user when this browser had recorded that same user, and are then sent as theirs', async () => {
    const { browser, server, outbox, store } = world;
    const old = await legacyItems(store, 2);
    browser.signIn(ANA);
    expect(await outbox.claimUnowned(ANA, { userId: ANA.userId, orgIds: [ANA_ORG] })).toBe(2);
    await outbox.resume();
    expect(server.sends.sort()).toEqual(old.map((item) => item.id).sort());
    expect([...server.rows.values()].every((row) => row.author === ANA.userId)).toBe(true);
  });

  it('wait for no one when the recorded user is someone else or nobody, and are counted without an email', async () => {
    const { browser, server, outbox, store } = world;
    await legacyItems(store, 2);
    browser.signIn(BEN);
    expect(await outbox.claimUnowned(BEN, { userId: ANA.userId, orgIds: [ANA_ORG] })).toBe(0);
    expect(await outbox.claimUnowned(BEN, null)).toBe(0);
    await outbox.resume();
    expect(server.sends).toEqual([]);
    expect(await outbox.unsentCount()).toBe(0);
    expect(await outbox.others()).toEqual([{ email: null, count: 2 }]);
  });

  it('are asked about, never sent, until the signed-in person says they are theirs; then they go as theirs', async () => {
    const { browser, server, outbox, store } = world;
    const old = await legacyItems(store, 2);
    await legacyItems(store, 1, BEN_ORG);
    browser.signIn(ANA);
    expect(await outbox.claimUnowned(ANA, null)).toBe(0);
    await outbox.resume();
    expect(server.sends).toEqual([]);
    // Ana is asked about the two filed to her organization; the one filed elsewhere is only counted.
    expect((await outbox.unowned([ANA_ORG])).map((item) => item.id).sort()).toEqual(old.map((item) => item.id).sort());
    expect(await outbox.others([ANA_ORG])).toEqual([{ email: null, count: 1 }]);

    expect(await outbox.decideUnowned('send', ANA, [ANA_ORG])).toBe(2);
    await outbox.resume();
    expect(server.sends.sort()).toEqual(old.map((item) => item.id).sort());
    expect([...server.rows.values()].every((row) => row.author === ANA.userId)).toBe(true);
    // Asked once: answered, nothing is left to ask about, and the other organization's item still waits.
    expect(await outbox.unowned([ANA_ORG])).toEqual([]);
    expect(await outbox.decideUnowned('send', ANA, [ANA_ORG])).toBe(0);
    expect((await store.all()).filter((item) => !item.filedBy).map((item) => item.capture.org_id)).toEqual([BEN_ORG]);
  });

  it('are gone, and nothing sent, when the signed-in person discards them', async () => {
    const { browser, server, outbox, store } = world;
    await legacyItems(store, 2);
    browser.signIn(BEN);
    expect(await outbox.decideUnowned('discard', BEN, [ANA_ORG])).toBe(2);
    await outbox.resume();
    expect(server.sends).toEqual([]);
    expect(await store.all()).toEqual([]);
    expect(await outbox.others([ANA_ORG])).toEqual([]);
  });

  it('are never given to a person outside the organization they were filed to', async () => {
    const { browser, outbox, store } = world;
    await legacyItems(store, 1, BEN_ORG);
    browser.signIn(ANA);
    expect(await outbox.unowned([ANA_ORG])).toEqual([]);
    expect(await outbox.decideUnowned('send', ANA, [ANA_ORG])).toBe(0);
    expect((await store.all())[0]!.filedBy).toBeUndefined();
  });

  it('stay unclaimed when filed to an organization the recorded user was not in', async () => {
    const items = await legacyItems(memoryOutboxStore(), 1, BEN_ORG);
    expect(claimUnowned(items, ANA, { userId: ANA.userId, orgIds: [ANA_ORG] })).toEqual([]);
  });
});

describe('sending a filed item from the background', () => {
  it('does not send an item as someone other than the person who filed it', async () => {
    const rpc = vi.fn();
    const client = { auth: { getSession: async () => ({ data: { session: { user: { id: BEN.userId } } } }) }, rpc } as unknown as Client;
    const answer = await fileInteraction(client, capture(ANA_ORG, 'Ana one') as Capture, ANA.userId);
    expect(answer.kind).toBe('unauthorized');
    expect(rpc).not.toHaveBeenCalled();
  });
});
