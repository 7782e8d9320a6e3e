// For you in the background: follows and "last looked" stay in this browser; the server is
// asked for_you and account_timeline, and told nothing else (pact rule 8).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '../../../../utils/background/dispatch';
import { checkForYouIfDue } from '../../../../utils/background/services';
import { activeOrgItem, followsItem, forYouCheckItem, forYouClearedItem, forYouLastLookedItem } from '../../../../utils/storage';

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const ME = '11111111-2222-4333-8444-555555555555';
const ACME = '6f1c2b1e-3a4d-4c5e-8f90-1a2b3c4d5e6f';
const ROUTED = '00000000-0000-4000-8000-000000000001';
const FILED = '00000000-0000-4000-8000-000000000002';
const ROUTE = '00000000-0000-4000-8000-0000000000aa';

/** Every request the background makes, as supabase-js would send it. */
type Call = { kind: 'rpc'; name: string; args: unknown } | { kind: 'select'; table: string; filters: string[] };
let calls: Call[] = [];

function fakeClient() {
  const select = (table: string) => {
    const filters: string[] = [];
    const rows =
      table === 'account_timeline'
        ? () =>
            filters.some((filter) => filter.startsWith('in:id'))
              ? [{ id: ROUTED, title: 'Refund for the March invoice', occurred_at: '2026-11-28T15:00:00+00:00', account_id: ACME, account_name: 'Acme Robotics' }]
              : [
                  {
                    id: FILED,
                    account_id: ACME,
                    account_name: 'Acme Robotics',
                    title: 'Asked for the security review',
                    author_display_name: 'Cleo',
                    occurred_at: '2026-11-29T08:00:00+00:00',
                    created_at: '2026-11-29T08:05:00+00:00',
                  },
                ]
        : () => [];
    const builder = {
      select: (columns: string) => (filters.push(`select:${columns}`), builder),
      eq: (column: string, value: unknown) => (filters.push(`eq:${column}=${String(value)}`), builder),
      neq: (column: string, value: unknown) => (filters.push(`neq:${column}=${String(value)}`), builder),
      gt: (column: string, value: unknown) => (filters.push(`gt:${column}=${String(value)}`), builder),
      in: (column: string, values: unknown[]) => (filters.push(`in:${column}=${values.join(',')}`), builder),
      order: () => builder,
      limit: () => builder,
      then: (resolve: (value: unknown) => void) => {
        calls.push({ kind: 'select', table, filters });
        resolve({ data: rows(), error: null, status: 200 });
      },
    };
    return builder;
  };
  return {
    auth: { getSession: async () => ({ data: { session: { user: { id: ME } } } }) },
    from: select,
    rpc: async (name: string, args: unknown) => {
      calls.push({ kind: 'rpc', name, args });
      if (name === 'for_you') {
        return {
          data: [{ route_id: ROUTE, interaction_id: ROUTED, routed_by_display_name: 'Ana', note: 'Can Support call them?', routed_at: '2026-11-29T09:00:00+00:00' }],
          error: null,
          status: 200,
        };
      }
      if (name === 'route_entry') return { data: ROUTE, error: null, status: 200 };
      if (name === 'dismiss_route') return { data: null, error: null, status: 204 };
      return { data: null, error: { message: `unexpected ${name}` }, status: 400 };
    },
  };
}

vi.mock('../../../../utils/background/supabase', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../utils/background/supabase')>()),
  supabaseFor: () => fakeClient(),
}));

const popup = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
const gmailTab = { id: 'test-extension-id', url: 'https://mail.google.com/mail/u/0/#inbox/abc', tab: { id: 7 } as never };
const ask = (type: string, payload: unknown = {}, sender: object = popup) => dispatch({ type, payload }, sender as never);

beforeEach(async () => {
  fakeBrowser.reset();
  calls = [];
  await activeOrgItem.setValue(ORG);
});

describe('following an account', () => {
  it('is kept in this browser only, per organization, and works from the side panel', async () => {
    expect(await ask('follow.get', { accountId: ACME })).toEqual({ ok: true, data: { following: false } });
    expect(await ask('follow.set', { accountId: ACME, follow: true })).toEqual({ ok: true, data: { following: true } });
    expect(await followsItem.getValue()).toEqual({ [ORG]: [ACME] });
    expect(await ask('follow.get', { accountId: ACME })).toEqual({ ok: true, data: { following: true } });
    await ask('follow.set', { accountId: ACME, follow: false });
    expect(await followsItem.getValue()).toEqual({});
    expect(calls).toEqual([]);
  });
});

describe('what is waiting', () => {
  it('asks for routes and, with the followed ids as a filter, for colleagues’ new entries', async () => {
    await followsItem.setValue({ [ORG]: [ACME] });
    await forYouLastLookedItem.setValue({ [ORG]: '2026-11-29T07:00:00.000Z' });
    const result = await ask('forYou.list');
    expect(result).toEqual({
      ok: true,
      data: {
        routes: [
          {
            route_id: ROUTE,
            interaction_id: ROUTED,
            routed_by_display_name: 'Ana',
            note: 'Can Support call them?',
            routed_at: '2026-11-29T09:00:00+00:00',
            occurred_at: '2026-11-28T15:00:00+00:00',
            title: 'Refund for the March invoice',
            account_id: ACME,
            account_name: 'Acme Robotics',
          },
        ],
        followed: [expect.objectContaining({ id: FILED, author_display_name: 'Cleo' })],
        lastLooked: '2026-11-29T07:00:00.000Z',
        hasNew: true,
      },
    });
    // Only reads: for_you, the routed entries, the followed accounts' entries since the last
    // look (not the reader's own). Nothing is written on the server.
    expect(calls.map((call) => (call.kind === 'rpc' ? `rpc ${call.name}` : `select ${call.table}`))).toEqual([
      'rpc for_you',
      'select account_timeline',
      'select account_timeline',
    ]);
    expect(calls[0]).toEqual({ kind: 'rpc', name: 'for_you', args: { org_id: ORG } });
    const followed = calls.find((call) => call.kind === 'select' && call.filters.some((filter) => filter.startsWith('in:account_id')));
    expect(followed && 'filters' in followed ? followed.filters : []).toEqual(
      expect.arrayContaining([`in:account_id=${ACME}`, `neq:author_id=${ME}`, 'gt:created_at=2026-11-29T07:00:00.000Z']),
    );
    expect(await ask('forYou.status')).toEqual({ ok: true, data: { waiting: true, hasNew: true } });
  });

  it('leaves out what the reader cleared, kept in this browser only and telling the server nothing', async () => {
    await followsItem.setValue({ [ORG]: [ACME] });
    expect(await ask('forYou.list', { prefer: 'network' })).toMatchObject({
      ok: true,
      data: { followed: [expect.objectContaining({ id: FILED })] },
    });
    const before = calls.length;
    expect(await ask('forYou.clear', { entryIds: [FILED] })).toEqual({ ok: true, data: {} });
    expect(calls).toHaveLength(before);
    expect(await forYouClearedItem.getValue()).toEqual({ [ORG]: [FILED] });
    // Neither the kept answer nor the server's brings it back.
    expect(await ask('forYou.list', { prefer: 'cache' })).toMatchObject({ ok: true, data: { followed: [] } });
    expect(await ask('forYou.list', { prefer: 'network' })).toMatchObject({ ok: true, data: { followed: [] } });
    expect(calls.filter((call) => call.kind === 'rpc').map((call) => call.kind === 'rpc' && call.name)).not.toContain('dismiss_route');
  });

  it('is no longer new once looked at, and the dot goes', async () => {
    await ask('forYou.list');
    expect(await ask('forYou.looked')).toEqual({ ok: true, data: {} });
    expect((await forYouLastLookedItem.getValue())[ORG]).toBeTruthy();
    expect(await ask('forYou.status')).toEqual({ ok: true, data: { waiting: true, hasNew: false } });
    expect(calls.filter((call) => call.kind === 'rpc').map((call) => call.kind === 'rpc' && call.name)).toEqual(['for_you']);
  });

  it('is checked on the outbox alarm at most every 15 minutes, and the side panel reuses a fresh check', async () => {
    const now = new Date();
    await checkForYouIfDue(now);
    await checkForYouIfDue(new Date(now.getTime() + 14 * 60 * 1000));
    expect(calls.filter((call) => call.kind === 'rpc')).toHaveLength(1);
    expect(await ask('forYou.check', {})).toEqual({ ok: true, data: { waiting: true, hasNew: true } });
    expect(calls.filter((call) => call.kind === 'rpc')).toHaveLength(1);
    await checkForYouIfDue(new Date(now.getTime() + 15 * 60 * 1000));
    expect(calls.filter((call) => call.kind === 'rpc')).toHaveLength(2);
    expect((await forYouCheckItem.getValue())?.orgId).toBe(ORG);
  });
});

describe('routes', () => {
  it('are sent as route_entry with exactly one recipient, and dismissed with dismiss_route', async () => {
    expect(await ask('route.send', { interactionId: ROUTED, toDepartment: ' Support ', note: ' Call them ' })).toEqual({
      ok: true,
      data: { routeId: ROUTE },
    });
    expect(calls[0]).toEqual({
      kind: 'rpc',
      name: 'route_entry',
      args: { interaction_id: ROUTED, to_department: 'Support', note: 'Call them' },
    });
    expect(await ask('route.send', { interactionId: ROUTED, toUser: ME, toDepartment: 'Support' })).toEqual({
      ok: false,
      error: 'toUser: choose exactly one: a colleague or a department',
      kind: 'refused',
    });
    expect(await ask('route.dismiss', { routeId: ROUTE })).toEqual({ ok: true, data: {} });
    expect(calls[1]).toEqual({ kind: 'rpc', name: 'dismiss_route', args: { route_id: ROUTE } });
    // A page's content script can do none of it: it only reports what its page shows.
    expect((await ask('route.dismiss', { routeId: ROUTE }, gmailTab)).ok).toBe(false);
  });
});
