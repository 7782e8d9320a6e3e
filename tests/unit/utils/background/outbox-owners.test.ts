// The background's side of whose an outbox item is: the session kept in this browser names the
// filer, and items kept before authors were recorded are given away once, only to the user
// this browser had recorded.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OutboxItem } from '../../../../utils/messages';

const ANA = { userId: 'a1a1a1a1-0000-4000-8000-000000000001', email: 'ana@acme.example' };
const BEN = { userId: 'b2b2b2b2-0000-4000-8000-000000000002', email: 'ben@acme.example' };
const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';

async function load() {
  vi.resetModules();
  const services = await import('../../../../utils/background/services');
  const { authStorage } = await import('../../../../utils/background/supabase');
  const storage = await import('../../../../utils/storage');
  const { createExtensionOutboxStore } = await import('../../../../utils/background/storage-areas');
  const signIn = (user: typeof ANA) => authStorage.setItem('session', JSON.stringify({ access_token: 'x', user: { id: user.userId, email: user.email } }));
  return { ...services, storage, signIn, signOut: () => authStorage.removeItem('session'), store: createExtensionOutboxStore() };
}

function legacy(id: string): OutboxItem {
  return {
    id,
    capture: { id, org_id: ORG, kind: 'note', occurred_at: '2026-11-20T09:41:00+01:00', title: 'Old', body: 'old words', signals: [], contact: { full_name: 'Mia', email: 'mia@acme.example' } },
    status: 'waiting_for_sign_in',
    attempts: 1,
    nextAttemptAt: null,
    error: null,
    createdAt: 0,
    updatedAt: 0,
    result: null,
  };
}

const membership = { org_id: ORG, org_name: 'Acme', role: 'member' as const, department: null, display_name: 'ana' };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('whose the outbox is, in the background', () => {
  it('is the signed-in user, and signed out still the last one who was until someone else signs in', async () => {
    const { outboxViewer, signIn, signOut } = await load();
    expect(await outboxViewer()).toBeNull();
    await signIn(ANA);
    expect(await outboxViewer()).toEqual(ANA);
    await signOut();
    expect(await outboxViewer()).toEqual(ANA);
    await signIn(BEN);
    expect(await outboxViewer()).toEqual(BEN);
  });

  it('gives earlier items to the signed-in user at the first start only when this browser had recorded that user', async () => {
    const first = await load();
    await first.store.put(legacy('11111111-0000-4000-8000-000000000001'));
    await first.signIn(ANA);
    await first.storage.membershipsCacheItem.setValue({ userId: ANA.userId, memberships: [membership] });
    await first.claimUnownedOnce();
    expect((await first.outbox.mine()).map((item) => item.filedBy)).toEqual([ANA]);
  });

  it('holds earlier items for no one when the recorded user is someone else, and decides only once', async () => {
    const first = await load();
    await first.store.put(legacy('11111111-0000-4000-8000-000000000002'));
    await first.signIn(BEN);
    await first.storage.membershipsCacheItem.setValue({ userId: ANA.userId, memberships: [membership] });
    await first.claimUnownedOnce();
    expect(await first.outbox.mine()).toEqual([]);
    expect(await first.outbox.others()).toEqual([{ email: null, count: 1 }]);

    // Later the cache names whoever signed in since: that is no evidence of who filed them.
    const later = await load();
    await later.storage.membershipsCacheItem.setValue({ userId: BEN.userId, memberships: [membership] });
    await later.claimUnownedOnce();
    expect(await later.outbox.mine()).toEqual([]);
  });

  it('asks the person signed in after that start about the items held for no one, once they are known to be in the organization', async () => {
    const first = await load();
    const { captureHandlers } = await import('../../../../utils/background/handlers/capture');
    await first.store.put(legacy('11111111-0000-4000-8000-000000000003'));
    await first.signIn(BEN);
    // Before the first start's decision, and before Ben's organizations are known: nobody is asked.
    expect(await captureHandlers['outbox.unowned']()).toEqual({ count: 0 });
    await first.claimUnownedOnce();
    expect(await captureHandlers['outbox.unowned']()).toEqual({ count: 0 });
    await first.storage.membershipsCacheItem.setValue({ userId: BEN.userId, memberships: [membership] });
    expect(await captureHandlers['outbox.unowned']()).toEqual({ count: 1 });
    // Asked about, the item is no longer also counted as waiting for someone.
    expect(await captureHandlers['outbox.others']()).toEqual([]);
    // Signed out, nobody answers for them.
    await first.signOut();
    expect(await captureHandlers['outbox.unowned']()).toEqual({ count: 0 });
    await expect(captureHandlers['outbox.decideUnowned']({ choice: 'send' })).rejects.toThrow(/Sign in to Highcard first/);
    await first.signIn(BEN);
    expect(await captureHandlers['outbox.decideUnowned']({ choice: 'discard' })).toEqual({ count: 1 });
    expect(await first.outbox.list()).toEqual([]);
    expect(await captureHandlers['outbox.unowned']()).toEqual({ count: 0 });
  });
});
