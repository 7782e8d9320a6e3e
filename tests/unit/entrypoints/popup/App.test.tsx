import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../../entrypoints/popup/App';
import type { SessionState } from '../../../../utils/messages';
import { send } from '../../../../utils/send';
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

const reading: Answers = {
  'outbox.list': () => ok([]),
  'context.current': () => ok({ accountId: null, accountName: null }),
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
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: 'https://mail.google.com/mail/u/0/#inbox/abc' } as never]);
  Object.defineProperty(navigator, 'onLine', { configurable: true, value: true });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the popup', () => {
  it('says it is loading until the background answers', () => {
    vi.mocked(send).mockReturnValue(new Promise(() => {}));
    render(<App />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
  });

  it('tells a signed-out user to sign in from the settings', async () => {
    answerWith(send, { 'session.get': () => ok(session({ user: null, organizations: [], activeOrgId: null })), 'outbox.list': () => ok([]) });
    render(<App />);
    expect(await screen.findByText(/You are not signed in/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
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
    expect(await screen.findByText(/You are offline\. .*kept in this browser/)).toBeTruthy();
  });

  it('opens on the search when the tab shows no known account', async () => {
    const mock = answerWith(send, { ...reading, 'session.get': () => ok(session()) });
    render(<App />);
    const box = await screen.findByRole('combobox', { name: 'Find an account' });
    expect(mock).toHaveBeenCalledWith('context.current', { tabId: 7, url: 'https://mail.google.com/mail/u/0/#inbox/abc' });
    fireEvent.input(box, { target: { value: 'acme' } });
    fireEvent.click(await screen.findByRole('option', { name: /Acme Robotics/ }));
    expect(await screen.findByRole('heading', { name: 'Acme Robotics' })).toBeTruthy();
  });

  it('goes straight to the account the tab’s page is about, with its overview and timeline', async () => {
    answerWith(send, {
      ...reading,
      'session.get': () => ok(session()),
      'context.current': () => ok({ accountId: ACCOUNT_ID, accountName: 'Acme Robotics' }),
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
      'context.current': () => ok({ accountId: ACCOUNT_ID, accountName: null }),
      'account.overview': () => fail('This account is not in your organization, or it no longer exists.'),
    });
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('This account is not in your organization');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('still opens on the search when the tab cannot be asked about', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValue(new Error('no tabs here'));
    const mock = answerWith(send, { ...reading, 'session.get': () => ok(session()) });
    render(<App />);
    expect(await screen.findByRole('combobox', { name: 'Find an account' })).toBeTruthy();
    await waitFor(() => expect(mock).not.toHaveBeenCalledWith('context.current', expect.anything()));
  });
});
