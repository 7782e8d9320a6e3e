// The background leads every id this browser keeps to the record it stands for today: on its
// schedule, after a merge, and when an account answers "not found".
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '../../../../utils/background/dispatch';
import { KEPT_IDS_ALARM, mapKeptIds, scheduleKeptIds } from '../../../../utils/background/kept-ids';
import { overviewKey, popupCache } from '../../../../utils/background/popup-cache';
import { lookupCache } from '../../../../utils/background/services';
import { lookupKey } from '../../../../utils/lookup-cache';
import { activeOrgItem, followsItem, keptIdsCheckedItem, recentAccountsItem, tabContextItem } from '../../../../utils/storage';

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const KEPT = 'aaaaaaaa-0000-4000-8000-000000000001';
const MERGED = 'bbbbbbbb-0000-4000-8000-000000000002';
const OTHER = 'cccccccc-0000-4000-8000-000000000003';
const GONE = 'dddddddd-0000-4000-8000-000000000004';

/** Where each id leads on the fake server, and what was asked. */
let leads: Map<string, string | null>;
let signedIn: boolean;
let asked: Array<Record<string, unknown>>;

function fakeClient() {
  return {
    rpc: async (name: string, args: Record<string, unknown>) => {
      asked.push({ name, ...args });
      if (name === 'resolve_ids') {
        const rows = [
          ...(args.account_ids as string[]).map((id) => ({ kind: 'account', old_id: id, current_id: leads.has(id) ? leads.get(id) : id })),
          ...(args.contact_ids as string[]).map((id) => ({ kind: 'contact', old_id: id, current_id: leads.has(id) ? leads.get(id) : id })),
        ];
        return { data: rows, error: null, status: 200 };
      }
      if (name === 'undo_merge') return { data: MERGED, error: null, status: 200 };
      return { data: null, error: { message: `unexpected ${name}` }, status: 400 };
    },
    from: (table: string) => {
      const builder = {
        select: () => builder,
        in: async () => ({ data: table === 'accounts' ? [{ id: KEPT, name: 'Acme Robotics' }] : [], error: null, status: 200 }),
        eq: (_column: string, value: string) => ({
          maybeSingle: async () => ({
            data: value === KEPT ? { account_id: KEPT, name: 'Acme Robotics', domains: [], last_activity_at: null, contact_count: 1, signals_90d: {} } : null,
            error: null,
            status: 200,
          }),
        }),
      };
      return builder;
    },
    auth: { getSession: async () => ({ data: { session: signedIn ? { user: { id: 'me' } } : null } }) },
  };
}

vi.mock('../../../../utils/background/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../utils/background/services')>()),
  client: async () => fakeClient(),
}));

const popup = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
const ask = (type: string, payload: unknown) => dispatch({ type, payload }, popup as never);

beforeEach(async () => {
  fakeBrowser.reset();
  await lookupCache.clear();
  await popupCache.clear();
  await activeOrgItem.setValue(ORG);
  leads = new Map([[MERGED, KEPT], [GONE, null]]);
  signedIn = true;
  asked = [];
});

describe('ids kept in this browser', () => {
  it('follow a colleague’s merge: follows, recent accounts and the account beside a tab lead to the survivor, once', async () => {
    await followsItem.setValue({ [ORG]: [MERGED, KEPT, GONE, OTHER] });
    await recentAccountsItem.setValue([
      { orgId: ORG, accountId: MERGED, name: 'Acme GmbH', openedAt: '2026-12-06T10:00:00Z' },
      { orgId: ORG, accountId: KEPT, name: 'Acme', openedAt: '2026-12-05T10:00:00Z' },
      { orgId: ORG, accountId: GONE, name: 'Gone', openedAt: '2026-12-04T10:00:00Z' },
    ]);
    await tabContextItem.setValue({ 7: { orgId: ORG, accountId: MERGED, accountName: 'Acme GmbH', url: null, at: 1 } });

    expect(await mapKeptIds()).toBe(2);

    expect(await followsItem.getValue()).toEqual({ [ORG]: [KEPT, OTHER] });
    expect(await recentAccountsItem.getValue()).toEqual([{ orgId: ORG, accountId: KEPT, name: 'Acme Robotics', openedAt: '2026-12-06T10:00:00Z' }]);
    expect((await tabContextItem.getValue())[7]).toMatchObject({ accountId: KEPT, accountName: 'Acme Robotics' });
    // One question for the organization, each id once.
    const questions = asked.filter((call) => call.name === 'resolve_ids');
    expect(questions).toHaveLength(1);
    expect(new Set(questions[0]!.account_ids as string[])).toEqual(new Set([MERGED, KEPT, GONE, OTHER]));
  });

  it('forget the cached answers that name a merged or gone record, and keep the others', async () => {
    const stale = lookupKey(ORG, ['lars@acme-gmbh.example'], null);
    const fresh = lookupKey(ORG, ['ida@cobalt.example'], null);
    await lookupCache.set(stale, { contacts: [], accounts: [{ id: MERGED, name: 'Acme GmbH' }], entries: [], people: [] }, 1);
    await lookupCache.set(fresh, { contacts: [], accounts: [{ id: OTHER, name: 'Cobalt' }], entries: [], people: [] }, 2);
    await popupCache.answer(overviewKey(ORG, MERGED), 'network', async () => ({ name: 'Acme GmbH' }));
    await popupCache.answer(overviewKey(ORG, OTHER), 'network', async () => ({ name: 'Cobalt' }));

    await mapKeptIds();

    expect(await lookupCache.get(stale)).toBeNull();
    expect(await lookupCache.get(fresh)).not.toBeNull();
    expect(await popupCache.keys()).toEqual([overviewKey(ORG, OTHER)]);
  });

  it('stay as they are while signed out, and when nothing changed', async () => {
    await followsItem.setValue({ [ORG]: [MERGED] });
    signedIn = false;
    expect(await mapKeptIds()).toBe(0);
    expect(await followsItem.getValue()).toEqual({ [ORG]: [MERGED] });
    signedIn = true;
    await followsItem.setValue({ [ORG]: [OTHER] });
    expect(await mapKeptIds()).toBe(0);
    expect(await followsItem.getValue()).toEqual({ [ORG]: [OTHER] });
  });

  it('are mapped on a 15-minute alarm, and when the worker starts only if the last run is older', async () => {
    await followsItem.setValue({ [ORG]: [MERGED] });
    const now = Date.parse('2026-12-06T12:00:00Z');
    await keptIdsCheckedItem.setValue(now - 5 * 60_000);
    await scheduleKeptIds(now);
    expect(await fakeBrowser.alarms.get(KEPT_IDS_ALARM)).toMatchObject({ periodInMinutes: 15 });
    expect(asked).toEqual([]);
    await scheduleKeptIds(now + 11 * 60_000);
    expect(await followsItem.getValue()).toEqual({ [ORG]: [KEPT] });
    expect(await keptIdsCheckedItem.getValue()).toBe(now + 11 * 60_000);
  });
});

describe('an account that answers “not found”', () => {
  it('answers with the account it was merged into, and leads the kept ids on', async () => {
    await followsItem.setValue({ [ORG]: [MERGED] });
    expect(await ask('account.overview', { accountId: MERGED })).toMatchObject({ ok: true, data: { account_id: KEPT, name: 'Acme Robotics' } });
    expect(await followsItem.getValue()).toEqual({ [ORG]: [KEPT] });
  });

  it('still says so when the account is gone', async () => {
    expect(await ask('account.overview', { accountId: GONE })).toEqual({ ok: false, error: 'This account is not in your organization, or it no longer exists.', kind: 'not_found' });
  });
});

describe('the messages', () => {
  it('ids.resolve answers for the active organization, accounts first', async () => {
    expect(await ask('ids.resolve', { accountIds: [MERGED], contactIds: [OTHER] })).toEqual({
      ok: true,
      data: [
        { kind: 'account', oldId: MERGED, currentId: KEPT },
        { kind: 'contact', oldId: OTHER, currentId: OTHER },
      ],
    });
    expect(await ask('ids.resolve', { accountIds: ['nope'] })).toMatchObject({ ok: false, error: expect.stringMatching(/must be a uuid/) });
  });

  it('merge.undo answers with the restored record’s id and empties the caches', async () => {
    await lookupCache.set(lookupKey(ORG, ['a@acme.example'], null), { contacts: [], accounts: [], entries: [], people: [] }, 1);
    expect(await ask('merge.undo', { mergeId: OTHER })).toEqual({ ok: true, data: { restoredId: MERGED } });
    expect(asked).toContainEqual({ name: 'undo_merge', org_id: ORG, merge_id: OTHER });
    expect(await lookupCache.entries()).toEqual([]);
  });
});
