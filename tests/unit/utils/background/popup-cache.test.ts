// The popup's kept answers in the background (honest states): an account's overview
// and first timeline page are answered at once from this browser, refreshed from the server,
// kept for a bounded number of accounts, shown instead of an error when the server cannot be
// reached, and forgotten on sign-out.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '../../../../utils/background/dispatch';
import { forYouKey, overviewKey, PopupCache, popupCache, UNREACHABLE_NOTHING_KEPT } from '../../../../utils/background/popup-cache';
import { extensionPopupArea } from '../../../../utils/background/storage-areas';
import { HighcardError } from '../../../../utils/errors';
import { activeOrgItem, popupIndexItem } from '../../../../utils/storage';

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const ACME = '6f1c2b1e-3a4d-4c5e-8f90-1a2b3c4d5e6f';
const ME = '11111111-2222-4333-8444-555555555555';

/** What the fake server answers now: a name for Acme, or no network at all. */
let server: { name: string; online: boolean };
let requests = 0;

function row(name: string) {
  return { account_id: ACME, name, domains: ['acme.example'], last_activity_at: null, contact_count: 2, signals_90d: {} };
}

function entryRow(title: string) {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    account_id: ACME,
    contact_id: null,
    contact_name: null,
    kind: 'email',
    title,
    body: 'Asked for the security review.',
    signals: [],
    occurred_at: '2026-11-29T08:00:00+00:00',
    source_url: null,
    author_id: ME,
    author_display_name: 'Cleo',
    author_department: null,
    revision_count: 0,
  };
}

function fakeClient() {
  const answer = (data: unknown) => {
    requests += 1;
    return server.online
      ? { data, error: null, status: 200 }
      : { data: null, error: { message: 'TypeError: Failed to fetch' }, status: 0 };
  };
  const from = (table: string) => {
    const builder = {
      select: () => builder,
      eq: () => builder,
      order: () => builder,
      limit: () => builder,
      maybeSingle: async () => answer(row(server.name)),
      then: (resolve: (value: unknown) => void) => resolve(answer(table === 'account_timeline' ? [entryRow(`${server.name} asked`)] : [])),
    };
    return builder;
  };
  return {
    from,
    auth: {
      getSession: async () => ({ data: { session: null } }),
      signOut: async () => ({ error: null }),
    },
  };
}

vi.mock('../../../../utils/background/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../utils/background/services')>()),
  client: async () => fakeClient(),
}));

const popup = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
const ask = (type: string, payload: unknown) => dispatch({ type, payload }, popup as never);
const overview = (prefer?: 'cache' | 'network') => ask('account.overview', { accountId: ACME, prefer });
const firstPage = (prefer?: 'cache' | 'network') => ask('account.timeline', { accountId: ACME, prefer });

beforeEach(async () => {
  fakeBrowser.reset();
  await popupCache.clear();
  await activeOrgItem.setValue(ORG);
  server = { name: 'Acme Robotics', online: true };
  requests = 0;
});

describe('the popup’s kept answers', () => {
  it('answer at once from this browser, with their age, once the server answered before', async () => {
    expect(await overview('cache')).toEqual({ ok: true, data: row('Acme Robotics') });
    expect(requests).toBe(1);
    server.name = 'Acme Robotics GmbH';
    const kept = await overview('cache');
    expect(requests).toBe(1); // no server request
    expect(kept).toMatchObject({ ok: true, data: { name: 'Acme Robotics', cachedAt: expect.any(String) } });
    expect(Date.now() - Date.parse((kept as { data: { cachedAt: string } }).data.cachedAt)).toBeLessThan(60_000);
  });

  it('are refreshed by the server’s answer', async () => {
    await overview('cache');
    server.name = 'Acme Robotics GmbH';
    expect(await overview('network')).toEqual({ ok: true, data: row('Acme Robotics GmbH') });
    expect(await overview('cache')).toMatchObject({ ok: true, data: { name: 'Acme Robotics GmbH', cachedAt: expect.any(String) } });
  });

  it('keep the first timeline page, never a filtered or later one', async () => {
    await firstPage('network');
    server.online = false;
    expect(await firstPage('cache')).toMatchObject({ ok: true, data: { entries: [{ title: 'Acme Robotics asked' }], cachedAt: expect.any(String) } });
    const filtered = await ask('account.timeline', { accountId: ACME, kind: 'email', prefer: 'cache' });
    expect(filtered).toEqual({ ok: false, error: UNREACHABLE_NOTHING_KEPT, kind: 'unreachable' });
  });

  it('stand in for the server’s answer when it cannot be reached, marked with their age', async () => {
    await overview('network');
    server.online = false;
    const offline = await overview('network');
    expect(offline).toMatchObject({ ok: true, data: { name: 'Acme Robotics', cachedAt: expect.any(String) } });
  });

  it('with nothing kept and no network, say so in one plain sentence', async () => {
    server.online = false;
    const result = await overview('cache');
    expect(result).toEqual({ ok: false, error: UNREACHABLE_NOTHING_KEPT, kind: 'unreachable' });
    expect(JSON.stringify(result)).not.toMatch(/TypeError|Failed to fetch/);
  });

  it('are kept per organization', async () => {
    await overview('network');
    await activeOrgItem.setValue('22222222-3333-4444-8555-666666666666');
    server.online = false;
    expect(await overview('cache')).toEqual({ ok: false, error: UNREACHABLE_NOTHING_KEPT, kind: 'unreachable' });
  });

  it('are forgotten on sign-out: the next person on this browser never sees them', async () => {
    await overview('network');
    await firstPage('network');
    expect(await popupIndexItem.getValue()).toHaveLength(2);
    expect((await ask('session.signOut', {})).ok).toBe(true);
    expect(await popupIndexItem.getValue()).toEqual([]);
    const left = Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith('popupAnswer:'));
    expect(left).toEqual([]);
    server.online = false;
    await activeOrgItem.setValue(ORG);
    expect(await overview('cache')).toEqual({ ok: false, error: UNREACHABLE_NOTHING_KEPT, kind: 'unreachable' });
  });

  it('keep the For you list too, shown when the server cannot be reached', async () => {
    const load = vi.fn(async () => ({ routes: [], followed: [], lastLooked: null, hasNew: false }));
    const cache = new PopupCache(extensionPopupArea(), 2);
    await cache.answer(forYouKey(ORG), 'network', load);
    const unreachable = async () => {
      throw new HighcardError('unreachable', 'Could not reach the server.');
    };
    await expect(cache.answer(forYouKey(ORG), 'network', unreachable)).resolves.toMatchObject({ routes: [], cachedAt: expect.any(String) });
  });

  it('are bounded: the least recently fetched accounts are forgotten', async () => {
    const cache = new PopupCache(extensionPopupArea(), 2);
    const ids = ['a', 'b', 'c'].map((letter) => `${letter}0000000-0000-4000-8000-000000000000`);
    for (const [at, accountId] of ids.entries()) {
      await cache.answer(overviewKey(ORG, accountId), 'network', async () => ({ accountId }), () => 1_000 + at);
    }
    const unreachable = async () => {
      throw new HighcardError('unreachable', 'Could not reach the server.');
    };
    await expect(cache.answer(overviewKey(ORG, ids[2]!), 'network', unreachable)).resolves.toMatchObject({ accountId: ids[2] });
    // Two accounts' worth of answers (4) are kept: all three overviews still fit...
    await expect(cache.answer(overviewKey(ORG, ids[0]!), 'cache', unreachable)).resolves.toMatchObject({ accountId: ids[0] });
    // ...but not five.
    for (const [at, accountId] of ['d', 'e'].map((letter) => `${letter}0000000-0000-4000-8000-000000000000`).entries()) {
      await cache.answer(overviewKey(ORG, accountId), 'network', async () => ({ accountId }), () => 2_000 + at);
    }
    expect(await popupIndexItem.getValue()).toHaveLength(4);
    await expect(cache.answer(overviewKey(ORG, ids[0]!), 'cache', unreachable)).rejects.toThrow(UNREACHABLE_NOTHING_KEPT);
  });

  it('tell a server that cannot be reached by the failure’s kind, never by its words', async () => {
    const cache = new PopupCache(extensionPopupArea(), 2);
    await cache.answer(forYouKey(ORG), 'network', async () => ({ routes: [] }));
    const refusedMentioningOffline = async () => {
      throw new HighcardError('refused', 'Failed to fetch: the organization is offline for maintenance.');
    };
    await expect(cache.answer(forYouKey(ORG), 'network', refusedMentioningOffline)).rejects.toThrow('offline for maintenance');
    const offline = async () => {
      throw new HighcardError('offline', 'No network.');
    };
    await expect(cache.answer(forYouKey(ORG), 'network', offline)).resolves.toMatchObject({ routes: [], cachedAt: expect.any(String) });
    await expect(cache.answer(overviewKey(ORG, ACME), 'network', offline)).rejects.toMatchObject({ kind: 'offline', message: UNREACHABLE_NOTHING_KEPT });
  });
});
