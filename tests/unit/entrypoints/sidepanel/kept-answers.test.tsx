// The panel's honest states: an account paints at once from the answer kept in this
// browser with its age, is replaced by the server's, stays (said as offline) when the server
// cannot be reached, and with nothing kept says so in one plain sentence.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AccountView } from '../../../../entrypoints/sidepanel/AccountView';
import { ForYouTab } from '../../../../entrypoints/sidepanel/ForYouTab';
import type { Result, SessionState } from '../../../../utils/messages';
import { send } from '../../../../utils/send';
import { ACCOUNT_ID, answerWith, entry, fail, ME, ok } from '../../components/fake-send';

vi.mock('../../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '22222222-3333-4444-8555-666666666666';
const TWELVE_MINUTES_AGO = () => new Date(Date.now() - 12 * 60_000).toISOString();
const UNREACHABLE = 'Highcard can’t reach your team’s server right now, and has nothing kept for this yet. It shows here once you’re back online.';

const overview = (name: string) => ({
  account_id: ACCOUNT_ID,
  name,
  domains: ['acme-robotics.example'],
  last_activity_at: '2026-11-20T09:41:00+00:00',
  contact_count: 3,
  signals_90d: {},
});

function view() {
  const props = {
    session: { user: { id: ME } } as SessionState,
    orgId: ORG,
    userId: ME,
    accountId: ACCOUNT_ID,
    openAccount: () => {},
    focusEntryId: null,
    focusRoute: null,
    closeAccount: () => {},
  };
  return render(<AccountView {...props} />);
}

/** A server answer the test lets through when it wants. */
function later<T>() {
  let let_through!: (value: Result<T>) => void;
  const promise = new Promise<Result<T>>((resolve) => (let_through = resolve));
  return { promise, let_through };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
});
afterEach(cleanup);

describe('an account in the popup', () => {
  it('paints at once from the kept answer with its age, then the server’s answer replaces it', async () => {
    const server = later<ReturnType<typeof overview>>();
    const pages = later<{ entries: ReturnType<typeof entry>[]; next: null }>();
    answerWith(send, {
      'account.overview': ({ prefer }) =>
        prefer === 'cache' ? ok({ ...overview('Acme Robotics'), cachedAt: TWELVE_MINUTES_AGO() }) : server.promise,
      'account.timeline': ({ prefer }) =>
        prefer === 'cache' ? ok({ entries: [entry({ title: 'Asked about pricing' })], next: null, cachedAt: TWELVE_MINUTES_AGO() }) : pages.promise,
    });
    view();
    expect(await screen.findByRole('heading', { name: 'Acme Robotics' })).toBeTruthy();
    expect(screen.getByText('As of 12 minutes ago').getAttribute('role')).toBe('status');
    expect(screen.queryByText('Loading the account…')).toBeNull();
    expect(await screen.findByText('Entries as of 12 minutes ago')).toBeTruthy();
    expect(screen.getByText('Asked about pricing')).toBeTruthy();

    server.let_through(ok(overview('Acme Robotics GmbH')));
    pages.let_through(ok({ entries: [entry({ title: 'Signed the order' })], next: null }));
    expect(await screen.findByRole('heading', { name: 'Acme Robotics GmbH' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/as of/i)).toBeNull());
    expect(screen.getByText('Signed the order')).toBeTruthy();
    expect(screen.queryByText('Asked about pricing')).toBeNull();
  });

  it('keeps showing the kept answer, said as offline, when the server cannot be reached', async () => {
    const kept = () => ok({ ...overview('Acme Robotics'), cachedAt: TWELVE_MINUTES_AGO() });
    answerWith(send, {
      'account.overview': kept,
      'account.timeline': () => ok({ entries: [entry({ title: 'Asked about pricing' })], next: null, cachedAt: TWELVE_MINUTES_AGO() }),
    });
    view();
    expect(await screen.findByText("You're offline — showing what Highcard saw 12 minutes ago")).toBeTruthy();
    expect(await screen.findByText("You're offline — showing the entries Highcard saw 12 minutes ago")).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Acme Robotics' })).toBeTruthy();
    expect(screen.getByText('Asked about pricing')).toBeTruthy();
    // (Other panels of the view are not answered in this test; only theirs may alert.)
    expect(screen.queryAllByRole('alert').filter((alert) => !alert.textContent?.includes('The test did not expect'))).toEqual([]);
    // Asked twice: the kept answer first, then the server (which could not be reached).
    expect(vi.mocked(send).mock.calls.filter(([type]) => type === 'account.overview').map(([, payload]) => payload)).toEqual([
      { accountId: ACCOUNT_ID, prefer: 'cache' },
      { accountId: ACCOUNT_ID, prefer: 'network' },
    ]);
  });

  it('with nothing kept and no network says so in one plain sentence, with a way to try again', async () => {
    answerWith(send, { 'account.overview': () => fail(UNREACHABLE) });
    view();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(UNREACHABLE);
    expect(alert.textContent).not.toMatch(/TypeError|Failed to fetch/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('asks the server once when nothing was kept and the server answers', async () => {
    answerWith(send, {
      'account.overview': () => ok(overview('Acme Robotics')),
      'account.timeline': () => ok({ entries: [], next: null }),
    });
    view();
    expect(await screen.findByRole('heading', { name: 'Acme Robotics' })).toBeTruthy();
    expect(screen.queryByText(/as of|offline/i)).toBeNull();
    expect(vi.mocked(send).mock.calls.filter(([type]) => type === 'account.overview')).toHaveLength(1);
  });
});

describe('For you in the popup', () => {
  const forYou = {
    routes: [
      {
        route_id: '00000000-0000-4000-8000-0000000000aa',
        interaction_id: '00000000-0000-4000-8000-0000000000bb',
        routed_by_display_name: 'Ana',
        note: 'Can Support call them?',
        routed_at: '2026-11-29T09:00:00+00:00',
        title: 'Refund for the March invoice',
        account_id: ACCOUNT_ID,
        account_name: 'Acme Robotics',
      },
    ],
    followed: [],
    lastLooked: null,
    hasNew: true,
  };

  it('shows the kept list offline with its age, and does not count it as looked', async () => {
    answerWith(send, {
      'forYou.list': () => ok({ ...forYou, cachedAt: TWELVE_MINUTES_AGO() }),
      'forYou.looked': () => ok({}),
    });
    const props = {
      session: { user: { id: ME } } as SessionState,
      orgId: ORG,
      userId: ME,
      accountId: null,
      openAccount: () => {},
      focusEntryId: null,
      focusRoute: null,
      closeAccount: () => {},
    };
    render(<ForYouTab {...props} />);
    expect(await screen.findByText("You're offline — showing what Highcard saw 12 minutes ago")).toBeTruthy();
    expect(screen.getByText('Refund for the March invoice')).toBeTruthy();
    // Due, below, asks for its own list; For you asked twice and never said it was looked at.
    expect(vi.mocked(send).mock.calls.map(([type]) => type).filter((type) => type.startsWith('forYou'))).toEqual(['forYou.list', 'forYou.list']);
  });
});
