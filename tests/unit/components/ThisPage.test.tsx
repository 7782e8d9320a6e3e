import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { LookupResult, OutboxItem, SessionState } from '../../../utils/messages';
import type { DraftSeed } from '../../../utils/preview';
import { send } from '../../../utils/send';
import type { SiteView, SourceItem } from '../../../utils/panel/types';
import { openSettings } from '../../../utils/open-page';
import { ThisPageHarness } from './this-page-harness';
import { forgetSession } from '../../../utils/panel/use-session';
import { LIMITS } from '../../../utils/limits';
import { answered, answerWith, COLLEAGUE, fail, ME, ok } from './fake-send';

vi.mock('../../../utils/send', () => ({ send: vi.fn() }));
vi.mock('../../../utils/open-page', () => ({ openSettings: vi.fn() }));

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const notHere = { problem: 'not in this test' };
let viewCounter = 0;
const view = (overrides: Partial<SiteView> = {}): SiteView => ({
  site: 'gmail',
  id: `thread-${(viewCounter += 1)}`,
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  heading: 'Pilot rollout',
  lookup: { emails: ['mia@acme-robotics.example'], linkedinUrl: null },
  subject: 'acme-robotics.example',
  sources: [
    { key: 'msg-f:1', label: 'Mia Schmidt · Nov 20', detail: 'We need SSO.', seed: notHere },
    { key: 'msg-f:2', label: 'Mia Schmidt · Nov 21', detail: 'Pricing?', seed: notHere },
  ],
  ...overrides,
});

const session = (overrides: Partial<SessionState> = {}): SessionState =>
  ({
    connection: { url: 'http://127.0.0.1:54321' },
    user: { id: ME, email: 'ana@highcard.example' },
    organizations: [{ org_id: ORG, org_name: 'Highcard', role: 'admin', department: 'Sales', display_name: 'Ana' }],
    activeOrgId: ORG,
    settings: { autoLookup: true },
    unsent: 0,
    ...overrides,
  }) as SessionState;

const emptyLookup: LookupResult = { contacts: [], accounts: [], entries: [], people: [], candidates: [] };
const lookupAnswer = (result: LookupResult, fromCache = false) => ok({ skipped: false as const, result, fetchedAt: 1, fromCache });

const seed = (overrides: Partial<DraftSeed> = {}): DraftSeed => ({
  kind: 'email',
  sourceRef: 'msg-f:1',
  sourceUrl: 'https://mail.google.com/mail/u/0/#inbox/abc',
  occurredAt: '2026-11-20T09:41:00+01:00',
  title: 'Pilot rollout',
  body: 'We need SSO.',
  contacts: [{ full_name: 'Mia Schmidt', email: 'mia@acme-robotics.example' }],
  contactIndex: 0,
  ...overrides,
});

type ItemOverrides = Omit<Partial<OutboxItem>, 'capture'> & { capture?: Partial<OutboxItem['capture']> };
const outboxItem = (overrides: ItemOverrides): OutboxItem =>
  ({
    id: 'item-1',
    status: 'pending',
    attempts: 0,
    nextAttemptAt: null,
    error: null,
    createdAt: Date.now(),
    updatedAt: Date.now(),
    result: null,
    ...overrides,
    capture: { title: 'Pilot rollout', contact: null, ...overrides.capture },
  }) as OutboxItem;

const renderSidebar = (v: SiteView = view()) => render(<ThisPageHarness view={v} />);

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
}

beforeEach(() => {
  vi.mocked(send).mockReset();
  forgetSession();
  setOnline(true);
});
afterEach(cleanup);

describe('This page in the side panel', () => {
  it('signed out, is one line with a “Sign in” button that opens Settings, and looks nothing up', async () => {
    const mock = answerWith(send, {
      'session.get': () => ok(session({ user: null, organizations: [], activeOrgId: null })),
      'outbox.list': () => ok([]),
    });
    renderSidebar(view());
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(openSettings).toHaveBeenCalledWith('sign-in');
    expect(screen.getByText('Sign in to see what your team knows.')).toBeTruthy();
    expect(mock.mock.calls.map(([type]) => type)).not.toContain('lookup');
    expect(screen.queryByRole('button', { name: 'Add to customer record' })).toBeNull();
  });

  it('says nobody has filed anything yet about the company in view', async () => {
    answerWith(send, { 'session.get': () => ok(session()), 'outbox.list': () => ok([]), lookup: () => lookupAnswer(emptyLookup) });
    renderSidebar();
    expect(await screen.findByText('Nobody has filed anything about acme-robotics.example yet.')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Add to customer record' })).toHaveLength(2);
  });

  it('sums up the team’s context in one line with the newest entry under it, expanding to colleagues to ask (never the rep) and entries as text', async () => {
    const known: LookupResult = {
      contacts: [{ id: 'c1', full_name: 'Mia Schmidt', title: 'CTO' }],
      accounts: [{ id: 'a1', name: 'Acme Robotics' }],
      entries: [
        {
          id: 'e1',
          kind: 'email',
          title: '<img src=x onerror=alert(1)>',
          body: 'Wants SSO',
          signals: ['objection'],
          occurred_at: '2026-11-20T09:41:00+01:00',
          author_display_name: 'Ben',
          author_department: 'Support',
        },
      ],
      people: [
        { user_id: ME, display_name: 'Ana', department: 'Sales' },
        { user_id: COLLEAGUE, display_name: 'Ben', department: 'Support' },
      ],
      candidates: [],
    };
    answerWith(send, { 'session.get': () => ok(session()), 'outbox.list': () => ok([]), lookup: () => lookupAnswer(known) });
    const { container } = renderSidebar();
    const line = await screen.findByText((_, element) => element?.classList.contains('hc-summary__line') ?? false);
    expect(line.textContent).toBe('Acme Robotics · 1 entry · Ask Ben (Support)');
    // Collapsed, only the newest entry shows: its title, when and by whom, its first line.
    const latest = screen.getByRole('article', { name: 'Latest entry: <img src=x onerror=alert(1)>' });
    expect(latest.textContent).toContain('Ben (Support)');
    expect(latest.textContent).toContain('Wants SSO');
    expect(container.querySelector('img')).toBeNull();
    const details = screen.getByRole('button', { name: 'Details' });
    expect(details.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(details);
    expect(await screen.findByText('Ben (Support)')).toBeTruthy();
    expect(screen.queryByText(/Ana \(Sales\)/)).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('says that colleagues beyond the most recent may have filed when the lookup names only the most recent', async () => {
    // The lookup names the colleagues who filed most recently, as many as LIMITS.lookupPeople; the rep is one of them.
    const people = Array.from({ length: LIMITS.lookupPeople }, (_, n) =>
      n === 1 ? { user_id: ME, display_name: 'Ana', department: 'Sales' } : { user_id: `colleague-${n}`, display_name: `Colleague ${n}`, department: null },
    );
    const known: LookupResult = { ...emptyLookup, accounts: [{ id: 'a1', name: 'Acme Robotics' }], people };
    answerWith(send, { 'session.get': () => ok(session()), 'outbox.list': () => ok([]), lookup: () => lookupAnswer(known) });
    renderSidebar();
    const line = await screen.findByText((_, element) => element?.classList.contains('hc-summary__line') ?? false);
    expect(line.textContent).toBe(`Acme Robotics · Ask Colleague 0 +${LIMITS.lookupPeople - 2} or more`);
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    const ask = await screen.findByText((_, element) => element?.tagName === 'P' && (element.textContent ?? '').startsWith('Ask:'));
    expect(ask.textContent).toContain('Colleague 0, Colleague 2, Colleague 3');
    expect(ask.textContent).not.toContain('Ana');
    expect(ask.textContent).toMatch(/\(who filed most recently; others may have filed before them\)$/);
  });

  it('counts the colleagues to ask exactly when the lookup names fewer than its most', async () => {
    const people = Array.from({ length: LIMITS.lookupPeople - 1 }, (_, n) => ({ user_id: `colleague-${n}`, display_name: `Colleague ${n}`, department: null }));
    const known: LookupResult = { ...emptyLookup, accounts: [{ id: 'a1', name: 'Acme Robotics' }], people };
    answerWith(send, { 'session.get': () => ok(session()), 'outbox.list': () => ok([]), lookup: () => lookupAnswer(known) });
    renderSidebar();
    const line = await screen.findByText((_, element) => element?.classList.contains('hc-summary__line') ?? false);
    expect(line.textContent).toBe(`Acme Robotics · Ask Colleague 0 +${LIMITS.lookupPeople - 2}`);
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    await screen.findByText('Ask:');
    expect(screen.queryByText(/most recently/)).toBeNull();
  });

  it('puts the filing actions above nothing but the one-line context', async () => {
    answerWith(send, { 'session.get': () => ok(session()), 'outbox.list': () => ok([]), lookup: () => lookupAnswer(emptyLookup) });
    const { container } = renderSidebar();
    await screen.findAllByRole('button', { name: 'Add to customer record' });
    const headings = Array.from(container.querySelectorAll('h4')).map((h) => h.textContent);
    expect(headings).toEqual(['What the team knows', 'File from this page']);
  });

  it('paints from cache first, then shows the refreshed answer', async () => {
    const cached = { ...emptyLookup, accounts: [{ id: 'a1', name: 'Acme (cached)' }] };
    const fresh = { ...emptyLookup, accounts: [{ id: 'a1', name: 'Acme Robotics' }] };
    const mock = answerWith(send, {
      'session.get': () => ok(session()),
      'outbox.list': () => ok([]),
      lookup: (payload) => (payload.prefer === 'cache' ? lookupAnswer(cached, true) : lookupAnswer(fresh)),
    });
    renderSidebar();
    await waitFor(() => expect(screen.getByText('Acme Robotics')).toBeTruthy());
    const preferences = mock.mock.calls.filter(([type]) => type === 'lookup').map(([, payload]) => (payload as { prefer: string }).prefer);
    expect(preferences.slice(0, 2)).toEqual(['cache', 'network']);
  });

  it('never paints a slow answer for thread A over thread B', async () => {
    let releaseA: () => void = () => {};
    const slowA = new Promise<void>((resolve) => (releaseA = resolve));
    const threadA = view({ lookup: { emails: ['mia@acme-robotics.example'], linkedinUrl: null } });
    const threadB = view({ lookup: { emails: ['li@beta-freight.example'], linkedinUrl: null }, subject: 'beta-freight.example' });
    answerWith(send, {
      'session.get': () => ok(session()),
      'outbox.list': () => ok([]),
      lookup: async (payload) => {
        if (payload.prefer === 'cache') return fail('not cached');
        if (payload.emails?.[0] === 'mia@acme-robotics.example') {
          await slowA;
          return lookupAnswer({ ...emptyLookup, accounts: [{ id: 'a', name: 'Acme Robotics' }] });
        }
        return lookupAnswer({ ...emptyLookup, accounts: [{ id: 'b', name: 'Beta Freight' }] });
      },
    });
    const { rerender } = renderSidebar(threadA);
    await screen.findByText('Looking up acme-robotics.example…');
    rerender(<ThisPageHarness view={threadB} />);
    expect(await screen.findByText('Beta Freight')).toBeTruthy();
    releaseA();
    // A's answer has arrived (every lookup is answered): it was refused, not painted.
    await answered(send, 'lookup');
    expect(screen.queryByText('Acme Robotics')).toBeNull();
    expect(screen.getByText('Beta Freight')).toBeTruthy();
  });

  it('shows a failed lookup in the background’s words with a way to try again', async () => {
    answerWith(send, { 'session.get': () => ok(session()), 'outbox.list': () => ok([]), lookup: () => fail('Could not reach the server.') });
    renderSidebar();
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByText('Could not reach the server.')).toBeTruthy();
  });

  it('says offline as offline, with how many items wait, never the browser’s fetch error', async () => {
    setOnline(false);
    answerWith(send, {
      'session.get': () => ok(session()),
      'outbox.list': () => ok([outboxItem({ attempts: 2, error: 'TypeError: Failed to fetch', nextAttemptAt: Date.now() + 40_000 })]),
      lookup: () => fail('TypeError: Failed to fetch'),
    });
    const { container } = renderSidebar();
    expect(await screen.findByText("You're offline — 1 item will be sent when you're back")).toBeTruthy();
    expect(container.textContent).not.toContain('Failed to fetch');
  });

  it('shows each filed message’s state, with what it waits for and when it tries again', async () => {
    // The clock stands still, so the next try is exactly 40 s away however long rendering takes.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T10:00:00Z'));
    onTestFinished(() => void vi.useRealTimers());
    answerWith(send, {
      'session.get': () => ok(session()),
      'outbox.list': () =>
        ok([
          outboxItem({ id: 'a', capture: { source_ref: 'msg-f:1' }, attempts: 3, error: 'TypeError: Failed to fetch', errorKind: 'offline', nextAttemptAt: Date.now() + 40_000 }),
          outboxItem({ id: 'b', capture: { source_ref: 'msg-f:2' }, status: 'needs_attention', error: 'org_id: you are not a member' }),
        ]),
      lookup: () => lookupAnswer(emptyLookup),
    });
    const { container } = renderSidebar();
    expect((await screen.findAllByText('Needs attention: org_id: you are not a member')).length).toBeGreaterThan(0);
    expect(screen.getAllByText('Filed · kept in this browser, waiting for the network; next try in 40 s').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Add to customer record' })).toBeNull();
    expect(container.textContent).not.toContain('Failed to fetch');
  });

  it('shows a collapsed message’s notice next to it, its button not offered as ready', async () => {
    answerWith(send, { 'session.get': () => ok(session()), 'outbox.list': () => ok([]), lookup: () => lookupAnswer(emptyLookup) });
    const collapsed: SourceItem = { key: 'msg-f:9', label: 'Mia · Nov 19', detail: 'snippet', seed: notHere, notice: 'Open this message in Gmail first, so Highcard can read what it says.' };
    renderSidebar(view({ sources: [collapsed] }));
    const row = (await screen.findByText('Open this message in Gmail first, so Highcard can read what it says.')).closest('li')!;
    const button = row.querySelector('button')!;
    expect(button.textContent).toBe('Add to customer record');
    expect(button.className).not.toContain('hc-primary');
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('after filing, the new entry shows at once in what the team knows, marked as sending', async () => {
    let outbox: OutboxItem[] = [];
    const mock = answerWith(send, {
      'session.get': () => ok(session()),
      'outbox.list': () => ok(outbox),
      lookup: () => lookupAnswer(emptyLookup),
      'capture.file': (payload) => {
        const capture = payload.capture as OutboxItem['capture'];
        outbox = [outboxItem({ id: capture.id, capture })];
        return ok(outbox[0]!);
      },
    });
    renderSidebar(view({ sources: [{ key: 'msg-f:1', label: 'Mia', detail: null, seed: seed() }] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add to customer record' }));
    fireEvent.click(await screen.findByRole('button', { name: 'File to customer record' }));
    const justFiled = await screen.findByRole('list', { name: 'Just filed by you' });
    expect(justFiled.textContent).toContain('Pilot rollout');
    expect(justFiled.textContent).toContain('By you · sending');
    expect(mock.mock.calls.filter(([type]) => type === 'capture.file')).toHaveLength(1);
  });

  it('confirms a note like a message, and the note can be written again', async () => {
    let outbox: OutboxItem[] = [];
    answerWith(send, {
      'session.get': () => ok(session()),
      'outbox.list': () => ok(outbox),
      lookup: () => lookupAnswer(emptyLookup),
      'capture.file': (payload) => {
        const capture = payload.capture as OutboxItem['capture'];
        outbox = [outboxItem({ id: capture.id, capture })];
        return ok(outbox[0]!);
      },
    });
    const note: SourceItem = {
      key: 'note:https://www.linkedin.com/in/mia',
      label: 'A note about this person',
      detail: null,
      actionLabel: 'Write a note',
      repeatable: true,
      seed: seed({ kind: 'note', sourceRef: null, sourceUrl: null, title: 'Note about Mia', body: 'Moving to Berlin in March.' }),
    };
    renderSidebar(view({ sources: [], extraSources: [note] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Write a note' }));
    fireEvent.click(await screen.findByRole('button', { name: 'File to customer record' }));
    const row = (await screen.findByText('A note about this person')).closest('li')!;
    await waitFor(() => expect(row.textContent).toContain('Filed · sending'));
    expect(screen.getByRole('button', { name: 'Write a note' })).toBeTruthy();
  });
});
