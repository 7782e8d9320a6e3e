import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sidebar, type SiteView } from '../../../components/Sidebar';
import type { SessionState } from '../../../utils/background/handlers';
import type { LookupResult } from '../../../utils/messages';
import type { OutboxItem } from '../../../utils/outbox';
import { send } from '../../../utils/send';
import { answerWith, COLLEAGUE, fail, ME, ok } from './fake-send';

vi.mock('../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
let viewCounter = 0;
const view = (): SiteView => ({
  id: `thread-${(viewCounter += 1)}`,
  heading: 'Pilot rollout',
  lookup: { emails: ['mia@acme-robotics.example'], linkedinUrl: null },
  subject: 'acme-robotics.example',
  sources: [
    { key: 'msg-f:1', label: 'Mia Schmidt · Nov 20', detail: 'We need SSO.', read: () => ({ problem: 'not in this test' }) },
    { key: 'msg-f:2', label: 'Mia Schmidt · Nov 21', detail: 'Pricing?', read: () => ({ problem: 'not in this test' }) },
  ],
});

const session = (overrides: Partial<SessionState> = {}): SessionState => ({
  connection: { url: 'http://127.0.0.1:54321' },
  user: { id: ME, email: 'ana@highcard.example' },
  organizations: [{ org_id: ORG, org_name: 'Highcard', role: 'admin', department: 'Sales', display_name: 'Ana' }],
  activeOrgId: ORG,
  settings: { autoLookup: true },
  unsent: 0,
  ...overrides,
});

const emptyLookup: LookupResult = { contacts: [], accounts: [], entries: [], people: [] };
const lookupAnswer = (result: LookupResult, fromCache = false) => ok({ skipped: false as const, result, fetchedAt: 1, fromCache });
const renderSidebar = () =>
  render(<Sidebar view={view()} collapsed={false} onToggle={() => {}} subscribeOutbox={() => () => {}} />);

beforeEach(() => vi.mocked(send).mockReset());
afterEach(cleanup);

describe('the sidebar', () => {
  it('tells a signed-out rep how to sign in and looks nothing up', async () => {
    const mock = answerWith(send, { 'session.get': () => ok(session({ user: null, organizations: [], activeOrgId: null })), 'outbox.list': () => ok([]) });
    renderSidebar();
    expect(await screen.findByText('Sign in to see what your team knows and to file to the customer record.')).toBeTruthy();
    expect(mock.mock.calls.map(([type]) => type)).not.toContain('lookup');
    expect(screen.queryByRole('button', { name: 'Add to customer record' })).toBeNull();
  });

  it('says nobody has filed anything yet about the company in view', async () => {
    answerWith(send, { 'session.get': () => ok(session()), 'outbox.list': () => ok([]), lookup: () => lookupAnswer(emptyLookup) });
    renderSidebar();
    expect(await screen.findByText('Nobody has filed anything about acme-robotics.example yet.')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Add to customer record' })).toHaveLength(2);
  });

  it('names colleagues to ask, never the rep, and the team’s entries as text', async () => {
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
    };
    answerWith(send, { 'session.get': () => ok(session()), 'outbox.list': () => ok([]), lookup: () => lookupAnswer(known) });
    const { container } = renderSidebar();
    expect(await screen.findByText('Ben (Support)')).toBeTruthy();
    expect(screen.queryByText(/Ana \(Sales\)/)).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
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

  it('shows an offline or failed lookup with a way to try again', async () => {
    answerWith(send, { 'session.get': () => ok(session()), 'outbox.list': () => ok([]), lookup: () => fail('Could not reach the server.') });
    renderSidebar();
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('shows each filed message’s state instead of its button', async () => {
    const item = (status: OutboxItem['status'], ref: string): OutboxItem =>
      ({ id: ref, status, capture: { source_ref: ref }, error: status === 'needs_attention' ? 'org_id: you are not a member' : null }) as OutboxItem;
    answerWith(send, {
      'session.get': () => ok(session()),
      'outbox.list': () => ok([item('pending', 'msg-f:1'), item('needs_attention', 'msg-f:2')]),
      lookup: () => lookupAnswer(emptyLookup),
    });
    renderSidebar();
    expect(await screen.findByText('Filed · sending')).toBeTruthy();
    expect(screen.getByText('Needs attention: org_id: you are not a member')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add to customer record' })).toBeNull();
  });

  it('asks nothing while automatic lookup is off, until the rep presses “Look up”', async () => {
    const mock = answerWith(send, {
      'session.get': () => ok(session({ settings: { autoLookup: false } })),
      'outbox.list': () => ok([]),
      lookup: (payload) => (payload.manual ? lookupAnswer(emptyLookup) : ok({ skipped: true as const })),
    });
    renderSidebar();
    const button = await screen.findByRole('button', { name: 'Look up acme-robotics.example' });
    // The background refuses automatic lookups (tested there); the sidebar then waits.
    const automatic = mock.mock.calls.filter(([type, payload]) => type === 'lookup' && !(payload as { manual?: boolean }).manual);
    expect(automatic.map(([, payload]) => (payload as { prefer: string }).prefer)).not.toContain('network');
    button.click();
    expect(await screen.findByText('Nobody has filed anything about acme-robotics.example yet.')).toBeTruthy();
  });
});
