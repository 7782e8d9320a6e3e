// The popup's For you: it opens there when something waits, a dot marks something new, an item
// opens its account's timeline at the entry, and a route can be dismissed.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
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

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
  Object.defineProperty(navigator, 'onLine', { configurable: true, value: true });
});
afterEach(() => {
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
    await forYouCheckItem.setValue({ orgId: 'another-org', checkedAt: new Date().toISOString(), waiting: true, hasNew: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
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
    // The account can be followed from here, and the page says where that is kept.
    expect(screen.getByRole('button', { name: 'Follow', pressed: false })).toBeTruthy();
    expect(screen.getByText('Only this browser knows what you follow.')).toBeTruthy();
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
