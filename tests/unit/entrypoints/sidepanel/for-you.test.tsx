// The popup's For you: it opens there when something waits, a dot marks something new, an item
// opens its account's timeline at the entry, and a route can be dismissed.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../../entrypoints/sidepanel/App';
import type { ForYou, SessionState } from '../../../../utils/messages';
import { send } from '../../../../utils/send';
import { forYouCheckItem } from '../../../../utils/storage';
import { ACCOUNT_ID, answerWith, type Answers, entry, ME, ok } from '../../components/fake-send';

vi.mock('../../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '22222222-3333-4444-8555-666666666666';
const ROUTE = '00000000-0000-4000-8000-0000000000aa';
const routed = entry({ title: 'Refund for the March invoice' });
const FOLLOWED_A = '00000000-0000-4000-8000-0000000000f1';
const FOLLOWED_B = '00000000-0000-4000-8000-0000000000f2';
const FOLLOWED_C = '00000000-0000-4000-8000-0000000000f3';

const session: SessionState = {
  connection: { url: 'http://127.0.0.1:54321' },
  user: { id: ME, email: 'ben@lumen.example' },
  organizations: [{ org_id: ORG, org_name: 'Lumen Logistics', role: 'member', department: 'Support', display_name: 'Ben' }],
  activeOrgId: ORG,
  settings: { autoLookup: true },
  unsent: 0,
};

const waiting: ForYou = {
  routes: [
    {
      route_id: ROUTE,
      interaction_id: routed.id,
      routed_by_display_name: 'Ana',
      note: 'Can Support call them?',
      routed_at: '2026-11-29T09:00:00+00:00',
      title: routed.title,
      account_id: ACCOUNT_ID,
      account_name: 'Acme Robotics',
    },
  ],
  followed: [],
  lastLooked: null,
  hasNew: true,
};

function answers(forYou: ForYou): Answers {
  return {
    'session.get': () => ok(session),
    'outbox.list': () => ok([]),
    'page.get': () => ok({ view: null, reportedAt: null }),
    'clip.pending': () => ok({ clipId: null }),
    'coaching.list': () => ok([]),
    'accounts.search': () => ok([]),
    'forYou.check': () => ok({ waiting: forYou.routes.length + forYou.followed.length > 0, hasNew: forYou.hasNew }),
    'forYou.status': () => ok({ waiting: forYou.routes.length > 0, hasNew: forYou.hasNew }),
    'forYou.list': () => ok(forYou),
    'forYou.looked': () => ok({}),
    'route.dismiss': () => ok({}),
    'follow.get': () => ok({ following: false }),
    'account.overview': () =>
      ok({ account_id: ACCOUNT_ID, name: 'Acme Robotics', domains: [], last_activity_at: null, contact_count: 1, signals_90d: {} }),
    'account.timeline': () => ok({ entries: [entry(), routed, entry()], next: null }),
  };
}

/** The panel's For you comes into view when the test says so (at once unless held back). */
let holdOffScreen = false;
const watched: Array<() => void> = [];
class FakeIntersectionObserver {
  constructor(private readonly callback: (entries: Array<{ isIntersecting: boolean }>) => void) {}
  observe() {
    const show = () => this.callback([{ isIntersecting: true }]);
    if (holdOffScreen) watched.push(show);
    else queueMicrotask(show);
  }
  disconnect() {}
}

beforeEach(() => {
  holdOffScreen = false;
  watched.length = 0;
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
  Object.defineProperty(navigator, 'onLine', { configurable: true, value: true });
});
afterEach(() => {
  vi.unstubAllGlobals();
  cleanup();
  vi.restoreAllMocks();
});

describe('For you in the side panel', () => {
  it('shows what is waiting, marked new, and checks at once', async () => {
    const mock = answerWith(send, answers(waiting));
    await forYouCheckItem.setValue({ orgId: ORG, checkedAt: new Date().toISOString(), waiting: true, hasNew: true });
    render(<App />);
    expect(await screen.findByRole('region', { name: 'For you' })).toBeTruthy();
    expect(await screen.findByText('Something new')).toBeTruthy();
    expect(mock).toHaveBeenCalledWith('forYou.check', { maxAgeMs: 0 });
    const route = await screen.findByRole('article', { name: 'Refund for the March invoice' });
    expect(route.textContent).toContain('Can Support call them?');
    // Showing it counts as looking (kept in this browser).
    await waitFor(() => expect(mock).toHaveBeenCalledWith('forYou.looked', {}));
  });

  it('marks nothing new when nothing is waiting', async () => {
    answerWith(send, answers({ ...waiting, routes: [], hasNew: false }));
    render(<App />);
    expect(await screen.findByRole('region', { name: 'For you' })).toBeTruthy();
    expect(screen.queryByText('Something new')).toBeNull();
  });

  it('marks it new when a check while the panel is open finds something, for this organization only', async () => {
    answerWith(send, answers({ ...waiting, routes: [], hasNew: false }));
    render(<App />);
    await screen.findByRole('region', { name: 'For you' });
    expect(screen.queryByText('Something new')).toBeNull();
    // The outbox's alarm checked and found a new route.
    await forYouCheckItem.setValue({ orgId: ORG, checkedAt: new Date().toISOString(), waiting: true, hasNew: true });
    expect(await screen.findByText('Something new')).toBeTruthy();
    // Another organization's news is not this one's.
    cleanup();
    answerWith(send, answers({ ...waiting, routes: [], hasNew: false }));
    await forYouCheckItem.setValue(null);
    render(<App />);
    await screen.findByRole('region', { name: 'For you' });
    // Watched after the panel's own watcher, so once this one has seen the change, the panel has too.
    const seen: string[] = [];
    const stop = forYouCheckItem.watch((check) => check && seen.push(check.orgId));
    await forYouCheckItem.setValue({ orgId: 'another-org', checkedAt: new Date().toISOString(), waiting: true, hasNew: true });
    await waitFor(() => expect(seen).toEqual(['another-org']));
    stop();
    await act(async () => {});
    expect(screen.queryByText('Something new')).toBeNull();
  });

  it('opens the account’s timeline at the routed entry', async () => {
    answerWith(send, answers(waiting));
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open “Refund for the March invoice”' }));
    expect(await screen.findByRole('heading', { name: 'Acme Robotics' })).toBeTruthy();
    const current = await screen.findByRole('article', { current: true });
    expect(current.getAttribute('aria-label')).toBe('Refund for the March invoice');
    await waitFor(() => expect(document.activeElement).toBe(current));
    // Marked where the reader lands, with who brought it and why beside it.
    expect(current.classList.contains('hc-entry--current')).toBe(true);
    const note = within(current).getByRole('complementary', { name: 'Brought to you by Ana' });
    expect(note.textContent).toContain('Can Support call them?');
    expect(screen.getAllByRole('complementary', { name: /^Brought to you by/ })).toHaveLength(1);
    // The account can be followed from here, and the page says where that is kept.
    expect(screen.getByRole('button', { name: 'Follow', pressed: false })).toBeTruthy();
    expect(screen.getByText('Only this browser knows what you follow.')).toBeTruthy();
  });

  it('lists entries on followed accounts newest first by when the customer said it', async () => {
    const followed = (id: string, title: string, occurred_at: string, created_at: string) => ({
      id,
      account_id: ACCOUNT_ID,
      account_name: 'Acme Robotics',
      title,
      author_display_name: 'Cleo',
      occurred_at,
      created_at,
    });
    answerWith(send, {
      ...answers({
        ...waiting,
        routes: [],
        followed: [
          followed(FOLLOWED_A, 'Said last week, filed today', '2026-11-22T09:00:00Z', '2026-11-29T09:00:00Z'),
          followed(FOLLOWED_B, 'Said yesterday, filed yesterday', '2026-11-28T09:00:00Z', '2026-11-28T10:00:00Z'),
        ],
      }),
    });
    render(<App />);
    const list = await screen.findByRole('region', { name: 'New on accounts you follow' });
    expect(within(list).getAllByRole('article').map((item) => item.getAttribute('aria-label'))).toEqual([
      'Said yesterday, filed yesterday',
      'Said last week, filed today',
    ]);
  });

  it('clears entries on followed accounts one by one and all at once, in this browser', async () => {
    const followed = (id: string, title: string) => ({
      id,
      account_id: ACCOUNT_ID,
      account_name: 'Acme Robotics',
      title,
      author_display_name: 'Cleo',
      occurred_at: '2026-11-28T09:00:00Z',
      created_at: '2026-11-28T09:00:00Z',
    });
    const three = [followed(FOLLOWED_A, 'Asked for the security review'), followed(FOLLOWED_B, 'Wants a pilot'), followed(FOLLOWED_C, 'Mentioned a competitor')];
    const mock = answerWith(send, { ...answers({ ...waiting, routes: [], followed: three }), 'forYou.clear': () => ok({}) });
    render(<App />);
    const one = await screen.findByRole('article', { name: 'Asked for the security review' });
    fireEvent.click(within(one).getByRole('button', { name: 'Clear “Asked for the security review”' }));
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'New on accounts you follow' })).getAllByRole('article')).toHaveLength(2));
    expect(mock).toHaveBeenCalledWith('forYou.clear', { entryIds: [FOLLOWED_A] });
    fireEvent.click(screen.getByRole('button', { name: 'Clear all from accounts you follow' }));
    expect(await screen.findByText(/^Nothing is waiting for you\./)).toBeTruthy();
    expect(mock).toHaveBeenCalledWith('forYou.clear', { entryIds: [FOLLOWED_B, FOLLOWED_C] });
    // Clearing is this browser's business: the server is asked nothing about it.
    expect(mock.mock.calls.map(([type]) => type)).not.toContain('route.dismiss');
  });

  it('takes the Something new mark away once For you has been seen in the panel', async () => {
    holdOffScreen = true;
    await forYouCheckItem.setValue({ orgId: ORG, checkedAt: new Date().toISOString(), waiting: true, hasNew: true });
    let release: () => void = () => {};
    const listed = new Promise<void>((resolve) => (release = resolve));
    answerWith(send, {
      ...answers(waiting),
      'forYou.status': async () => ok({ waiting: true, hasNew: (await forYouCheckItem.getValue())?.hasNew ?? false }),
      'forYou.list': async () => (await listed, ok(waiting)),
      // As the background does: the seen mark is kept in this browser.
      'forYou.looked': async () => {
        const check = await forYouCheckItem.getValue();
        await forYouCheckItem.setValue(check && { ...check, hasNew: false });
        return ok({});
      },
    });
    render(<App />);
    expect(await screen.findByText('Something new')).toBeTruthy();
    release();
    expect(await screen.findByRole('article', { name: 'Refund for the March invoice' })).toBeTruthy();
    // Loaded but scrolled out of view: not seen yet, so still new.
    await waitFor(() => expect(watched).toHaveLength(1));
    expect(screen.getByText('Something new')).toBeTruthy();
    watched[0]!();
    await waitFor(() => expect(screen.queryByText('Something new')).toBeNull());
  });

  it('dismisses a route for the reader', async () => {
    const mock = answerWith(send, answers(waiting));
    render(<App />);
    const route = await screen.findByRole('article', { name: 'Refund for the March invoice' });
    fireEvent.click(within(route).getByRole('button', { name: 'Dismiss “Refund for the March invoice”' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Refund for the March invoice' })).toBeNull());
    expect(mock).toHaveBeenCalledWith('route.dismiss', { routeId: ROUTE });
    expect(screen.getByText(/^Nothing is waiting for you\./)).toBeTruthy();
  });
});
