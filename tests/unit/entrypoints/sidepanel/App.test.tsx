import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../../entrypoints/sidepanel/App';
import type { PageView, SessionState } from '../../../../utils/messages';
import { send } from '../../../../utils/send';
import { recentAccountsItem } from '../../../../utils/recent-accounts';
import { ACCOUNT_ID, answerWith, type Answers, entry, fail, hit, ME, ok } from '../../components/fake-send';

vi.mock('../../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '22222222-3333-4444-8555-666666666666';

function session(overrides: Partial<SessionState> = {}): SessionState {
  return {
    connection: { url: 'http://127.0.0.1:54321' },
    user: { id: ME, email: 'ana@lumen.example' },
    organizations: [{ org_id: ORG, org_name: 'Lumen Logistics', role: 'member', department: null, display_name: 'Ana' }],
    activeOrgId: ORG,
    settings: { autoLookup: true },
    unsent: 0,
    ...overrides,
  };
}

const overview = {
  account_id: ACCOUNT_ID,
  name: 'Acme Robotics',
  domains: ['acme-robotics.example'],
  last_activity_at: '2026-11-20T09:41:00+00:00',
  contact_count: 3,
  signals_90d: { pricing: 4, objection: 1 },
};

/** A Gmail thread in the tab beside the panel, as its content script reported it. */
const PAGE: PageView = {
  site: 'gmail',
  id: 'gmail:thread-1',
  heading: 'Pilot pricing',
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  lookup: { emails: ['mia@acme-robotics.example'], linkedinUrl: null },
  subject: 'acme-robotics.example',
  sources: [],
};

const reading: Answers = {
  'outbox.list': () => ok([]),
  'page.get': () => ok({ view: null, reportedAt: null }),
  'clip.pending': () => ok({ clipId: null }),
  'coaching.list': () => ok([]),
  'forYou.list': () => ok({ routes: [], followed: [], lastLooked: null, hasNew: false }),
  'forYou.looked': () => ok({}),
  'forYou.check': () => ok({ waiting: false, hasNew: false }),
  'forYou.status': () => ok({ waiting: false, hasNew: false }),
  'plan.due': () => ok({ steps: [] }),
  'accounts.search': () => ok([hit('Acme Robotics', ['acme-robotics.example'])]),
  'account.overview': () => ok(overview),
  'account.timeline': () => ok({ entries: [entry({ title: 'Asked about pricing' })], next: null }),
};

let openOptions: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
  openOptions = vi.fn(async () => {});
  fakeBrowser.runtime.openOptionsPage = openOptions as never;
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: 'https://mail.google.com/mail/u/0/#inbox/abc' } as never]);
  Object.defineProperty(navigator, 'onLine', { configurable: true, value: true });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the side panel', () => {
  it('says it is loading until the background answers', () => {
    vi.mocked(send).mockReturnValue(new Promise(() => {}));
    render(<App />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
  });

  it('tells a signed-out user to sign in, and opens Settings at sign-in', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    answerWith(send, { 'session.get': () => ok(session({ user: null, organizations: [], activeOrgId: null })), 'outbox.list': () => ok([]) });
    render(<App />);
    expect(await screen.findByText(/You are not signed in/)).toBeTruthy();
    // Signed out, the header has nothing to offer but the way in.
    expect(screen.queryByRole('button', { name: 'Settings' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/options\.html#sign-in$/) }));
  });

  it('says an ended session and how many filed items wait, with Sign in opening Settings at sign-in', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const waiting = (id: string) => ({
      id,
      capture: {},
      status: 'waiting_for_sign_in',
      attempts: 1,
      nextAttemptAt: null,
      error: 'You are signed out — sign in; your items are kept and will be sent.',
      errorKind: 'signed_out',
      createdAt: 0,
      updatedAt: 0,
      result: null,
    });
    answerWith(send, {
      'session.get': () => ok(session({ user: null, organizations: [], activeOrgId: null, signInMethod: 'code', unsent: 3 })),
      'outbox.list': () => ok([waiting('a'), waiting('b'), waiting('c')] as never),
      'outbox.problem': () => ok(null),
      'page.get': () => ok({ view: null, reportedAt: null }),
      'clip.pending': () => ok({ clipId: null }),
    });
    render(<App />);
    expect(await screen.findByText('Your session ended — 3 items wait to be sent')).toBeTruthy();
    expect(screen.queryByText(/You are not signed in/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/options\.html#sign-in$/) }));
  });

  it('counts only the last signed-in person’s items when the session ended, and another person’s as one line', async () => {
    const mine = {
      id: 'mine',
      capture: { title: 'Mine' },
      status: 'waiting_for_sign_in',
      attempts: 1,
      nextAttemptAt: null,
      error: null,
      createdAt: 0,
      updatedAt: 0,
      result: null,
    };
    answerWith(send, {
      'session.get': () => ok(session({ user: null, organizations: [], activeOrgId: null, signInMethod: 'code', unsent: 1 })),
      'outbox.list': () => ok([mine] as never),
      'outbox.others': () => ok([{ email: 'ben@acme.example', count: 2 }]),
      'outbox.problem': () => ok(null),
      'page.get': () => ok({ view: null, reportedAt: null }),
      'clip.pending': () => ok({ clipId: null }),
    });
    render(<App />);
    expect(await screen.findByText('Your session ended — 1 item waits to be sent')).toBeTruthy();
    expect(await screen.findByText('2 items filed by ben@acme.example wait for them to sign in here.')).toBeTruthy();
  });

  it('says only that the session ended when nothing waits to be sent', async () => {
    answerWith(send, {
      'session.get': () => ok(session({ user: null, organizations: [], activeOrgId: null, signInMethod: 'password' })),
      'outbox.list': () => ok([]),
      'outbox.problem': () => ok(null),
      'page.get': () => ok({ view: null, reportedAt: null }),
      'clip.pending': () => ok({ clipId: null }),
    });
    render(<App />);
    expect(await screen.findByText('Your session ended.')).toBeTruthy();
  });

  it('offers to reload a panel cut off from its background, and to try again after any other failure', async () => {
    answerWith(send, { ...reading, 'session.get': () => ok(session()), 'page.get': () => fail('Receiving end does not exist', 'disconnected') });
    render(<App />);
    const thisPage = within(await screen.findByRole('region', { name: 'This page' }));
    expect(await thisPage.findByText('Highcard was updated or restarted. Reload this panel to reconnect; nothing you filed is lost.')).toBeTruthy();
    expect(thisPage.getByRole('button', { name: 'Reload' })).toBeTruthy();
    expect(thisPage.queryByRole('button', { name: 'Try again' })).toBeNull();
    cleanup();

    let calls = 0;
    answerWith(send, {
      ...reading,
      'session.get': () => ok(session()),
      'page.get': () => (++calls === 1 ? fail('Highcard’s background did not answer.', 'bug') : ok({ view: null, reportedAt: null })),
    });
    render(<App />);
    const again = within(await screen.findByRole('region', { name: 'This page' }));
    fireEvent.click(await again.findByRole('button', { name: 'Try again' }));
    expect(await again.findByText(/^Nothing to file on this page\./)).toBeTruthy();
  });

  it('opens Settings from the header once signed in', async () => {
    answerWith(send, { ...reading, 'session.get': () => ok(session()) });
    render(<App />);
    const header = within(await screen.findByRole('navigation', { name: 'Highcard pages' }));
    fireEvent.click(header.getByRole('button', { name: 'Settings' }));
    expect(openOptions).toHaveBeenCalled();
  });

  it('tells a user without an organization to create or join one', async () => {
    answerWith(send, { 'session.get': () => ok(session({ organizations: [], activeOrgId: null })) });
    render(<App />);
    expect(await screen.findByText('You are signed in as ana@lumen.example, but not in an organization yet.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open settings' })).toBeTruthy();
  });

  it('shows the background’s error with a way to try again', async () => {
    let calls = 0;
    answerWith(send, {
      ...reading,
      'session.get': () => (++calls === 1 ? fail('Highcard was updated or restarted. Reload the page to reconnect; nothing you filed is lost.') : ok(session())),
    });
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('Highcard was updated or restarted.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('combobox', { name: 'Find an account' })).toBeTruthy();
  });

  it('says so when offline, and that filed items are kept', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, value: false });
    answerWith(send, { ...reading, 'session.get': () => ok(session()) });
    render(<App />);
    expect(await screen.findByText(/You’re offline\. .*kept in this browser/)).toBeTruthy();
  });

  it('opens on the search when the tab shows no known account', async () => {
    const mock = answerWith(send, { ...reading, 'session.get': () => ok(session()) });
    render(<App />);
    const box = await screen.findByRole('combobox', { name: 'Find an account' });
    await waitFor(() => expect(mock).toHaveBeenCalledWith('page.get', { tabId: 7, fresh: false }));
    fireEvent.input(box, { target: { value: 'acme' } });
    fireEvent.click(await screen.findByRole('option', { name: /Acme Robotics/ }));
    expect(await screen.findByRole('heading', { name: 'Acme Robotics' })).toBeTruthy();
  });

  it('opens the account the team matched for the page beside it, with its overview and timeline', async () => {
    answerWith(send, {
      ...reading,
      'session.get': () => ok(session()),
      'page.get': () => ok({ view: PAGE, reportedAt: 1 }),
      'follow.get': () => ok({ following: false }),
      'forYou.check': () => ok({ waiting: false, hasNew: false }),
      lookup: () => ok({ skipped: false, result: { contacts: [], accounts: [{ id: ACCOUNT_ID, name: 'Acme Robotics' }], entries: [], people: [], candidates: [] }, fetchedAt: 1, fromCache: false }),
    });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Acme Robotics' })).toBeTruthy();
    expect(screen.getByText('3 people known')).toBeTruthy();
    const bars = screen.getByRole('figure', { name: 'Signals in the last 90 days' });
    expect(Array.from(bars.querySelectorAll('li')).map((li) => li.textContent)).toEqual(['Pricing4 entries', 'Objection1 entry']);
    expect(await screen.findByRole('heading', { name: 'Asked about pricing' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '← Search accounts' }));
    expect(await screen.findByRole('combobox', { name: 'Find an account' })).toBeTruthy();
  });

  it('explains an account it cannot open and offers to try again', async () => {
    answerWith(send, {
      ...reading,
      'session.get': () => ok(session()),
      'page.get': () => ok({ view: PAGE, reportedAt: 1 }),
      'follow.get': () => ok({ following: false }),
      'forYou.check': () => ok({ waiting: false, hasNew: false }),
      lookup: () => ok({ skipped: false, result: { contacts: [], accounts: [{ id: ACCOUNT_ID, name: 'Acme Robotics' }], entries: [], people: [], candidates: [] }, fetchedAt: 1, fromCache: false }),
      'account.overview': () => fail('This account is not in your organization, or it no longer exists.'),
    });
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('This account is not in your organization');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('offers the accounts opened lately when the tab shows no known account', async () => {
    const OTHER = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6f';
    await recentAccountsItem.setValue([
      { orgId: ORG, accountId: ACCOUNT_ID, name: 'Acme Robotics', openedAt: '2026-11-28T09:00:00Z' },
      { orgId: 'another-org', accountId: OTHER, name: 'Elsewhere GmbH', openedAt: '2026-11-28T08:00:00Z' },
    ]);
    answerWith(send, { ...reading, 'session.get': () => ok(session()) });
    render(<App />);
    const recent = within(await screen.findByRole('region', { name: 'Recently opened' }));
    // Only the active organization's accounts.
    expect(recent.getAllByRole('button').map((b) => b.textContent)).toEqual(['Acme Robotics']);
    expect(screen.getByRole('combobox', { name: 'Find an account' })).toBeTruthy();
    fireEvent.click(recent.getByRole('button', { name: 'Acme Robotics' }));
    expect(await screen.findByRole('heading', { name: 'Acme Robotics' })).toBeTruthy();
  });

  it('remembers an opened account in this browser only, newest first', async () => {
    answerWith(send, { ...reading, 'session.get': () => ok(session()) });
    render(<App />);
    fireEvent.input(await screen.findByRole('combobox', { name: 'Find an account' }), { target: { value: 'acme' } });
    fireEvent.click(await screen.findByRole('option', { name: /Acme Robotics/ }));
    expect(await screen.findByRole('heading', { name: 'Acme Robotics' })).toBeTruthy();
    await waitFor(async () =>
      expect(await recentAccountsItem.getValue()).toEqual([expect.objectContaining({ orgId: ORG, accountId: ACCOUNT_ID, name: 'Acme Robotics' })]),
    );
    fireEvent.click(screen.getByRole('button', { name: '← Search accounts' }));
    expect(await screen.findByRole('button', { name: 'Acme Robotics' })).toBeTruthy();
  });

  it('still opens on the search when the tab cannot be asked about', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValue(new Error('no tabs here'));
    const mock = answerWith(send, { ...reading, 'session.get': () => ok(session()) });
    render(<App />);
    expect(await screen.findByRole('combobox', { name: 'Find an account' })).toBeTruthy();
    await waitFor(() => expect(mock).not.toHaveBeenCalledWith('page.get', expect.anything()));
  });
});
