// For you in the sidebar: Follow the account the team matched (said to stay in this browser),
// "Bring to a colleague" right after filing and on the team's entries, and a check for new
// items when the sidebar opens.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LookupResult, OutboxItem, SessionState } from '../../../utils/messages';
import { send } from '../../../utils/send';
import type { SiteView } from '../../../utils/panel/types';
import { ThisPageHarness } from './this-page-harness';
import { forgetSession } from '../../../utils/panel/use-session';
import { answerWith, COLLEAGUE, ME, ok, type Answers } from './fake-send';

vi.mock('../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const ACME = '6f1c2b1e-3a4d-4c5e-8f90-1a2b3c4d5e6f';
const FILED = '00000000-0000-4000-8000-000000000042';
let views = 0;
const view = (): SiteView => ({
  site: 'gmail',
  id: `for-you-thread-${(views += 1)}`,
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  heading: 'Robots stop at the dock',
  lookup: { emails: ['mia@acme-robotics.example'], linkedinUrl: null },
  subject: 'acme-robotics.example',
  sources: [{ key: 'msg-f:9', label: 'Mia Schmidt · Nov 20', detail: 'Dock 4 again.', seed: { problem: 'not here' } }],
});
const session = {
  connection: { url: 'http://127.0.0.1:54321' },
  user: { id: ME, email: 'ana@highcard.example' },
  organizations: [{ org_id: ORG, org_name: 'Highcard', role: 'member', department: 'Sales', display_name: 'Ana' }],
  activeOrgId: ORG,
  settings: { autoLookup: true },
  unsent: 0,
} as SessionState;
const known: LookupResult = {
  contacts: [],
  accounts: [{ id: ACME, name: 'Acme Robotics' }],
  entries: [
    { id: 'e-team', kind: 'email', title: 'Asked about SLAs', body: '', signals: [], occurred_at: '2026-11-19T10:00:00Z', author_display_name: 'Cleo', author_department: 'Support' },
  ],
  people: [],
  candidates: [],
};
const sent = {
  id: FILED,
  status: 'sent',
  attempts: 1,
  nextAttemptAt: null,
  error: null,
  createdAt: 1,
  updatedAt: 2,
  result: { id: FILED, account_id: ACME, contact_id: null, created: true },
  capture: { id: FILED, title: 'Robots stop at the dock', source_ref: 'msg-f:9', contact: null },
} as unknown as OutboxItem;

function Harness({ v }: { v: SiteView }) {
  return <ThisPageHarness view={v} withEntryControls />;
}

const answers = (overrides: Answers = {}): Answers => ({
  'session.get': () => ok(session),
  'outbox.list': () => ok([sent]),
  lookup: () => ok({ skipped: false as const, result: known, fetchedAt: 1, fromCache: false }),
  'forYou.check': () => ok({ waiting: false, hasNew: false }),
  'follow.get': () => ok({ following: false }),
  'follow.set': ({ follow }) => ok({ following: follow }),
  'route.recipients': () => ok({ people: [{ user_id: COLLEAGUE, display_name: 'Ben Okafor', department: 'Support' }], departments: ['Support'] }),
  'route.send': () => ok({ routeId: 'r1' }),
  ...overrides,
});

beforeEach(() => {
  vi.mocked(send).mockReset();
  forgetSession();
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
});
afterEach(cleanup);

describe('For you in the sidebar', () => {
  it('checks for new items when it opens, and follows the matched account in this browser only', async () => {
    const mock = answerWith(send, answers());
    render(<Harness v={view()} />);
    const follow = await screen.findByRole('button', { name: 'Follow', pressed: false });
    expect(screen.getByText('Only this browser knows what you follow.')).toBeTruthy();
    expect(mock).toHaveBeenCalledWith('forYou.check', {});
    fireEvent.click(follow);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Follow' }).getAttribute('aria-pressed')).toBe('true'));
    expect(mock).toHaveBeenCalledWith('follow.set', { accountId: ACME, follow: true });
  });

  it('offers no Follow when the team matched no single account', async () => {
    answerWith(send, answers({ lookup: () => ok({ skipped: false as const, result: { ...known, accounts: [] }, fetchedAt: 1, fromCache: false }) }));
    render(<Harness v={view()} />);
    await screen.findByText(/Filed/);
    expect(screen.queryByRole('button', { name: 'Follow' })).toBeNull();
  });

  it('brings what the rep just filed to a colleague, right from its Filed state', async () => {
    const mock = answerWith(send, answers());
    render(<Harness v={view()} />);
    const source = (await screen.findByText('Mia Schmidt · Nov 20')).closest('li')!;
    fireEvent.click(await within(source).findByRole('button', { name: 'Bring to a colleague' }));
    fireEvent.change(await within(source).findByRole('combobox', { name: 'To' }), { target: { value: 'department:Support' } });
    fireEvent.click(within(source).getByRole('button', { name: 'Send' }));
    await within(source).findByText(/^Brought to Support\./);
    expect(mock).toHaveBeenCalledWith('route.send', { interactionId: FILED, toUser: null, toDepartment: 'Support', note: null });
  });

  it('does not offer it before the item is on the server', async () => {
    answerWith(send, answers({ 'outbox.list': () => ok([{ ...sent, status: 'pending', result: null }]) }));
    render(<Harness v={view()} />);
    const source = (await screen.findByText('Mia Schmidt · Nov 20')).closest('li')!;
    await waitFor(() => expect(within(source).getByRole('status')).toBeTruthy());
    expect(within(source).queryByRole('button', { name: 'Bring to a colleague' })).toBeNull();
  });
});
