// "Is this Mia Schmidt (…)?" inside the real sidebar model: asked when the person in view is
// unknown by address or profile but the team knows the name; the answer decides what is filed.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Candidate, Capture, LookupResult, OutboxItem, SessionState } from '../../../utils/messages';
import type { DraftSeed } from '../../../utils/preview';
import { send } from '../../../utils/send';
import type { SiteView } from '../../../utils/panel/types';
import { ThisPageHarness } from './this-page-harness';
import { forgetSession } from '../../../utils/panel/use-session';
import { answerWith, ME, ok } from './fake-send';

vi.mock('../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const MIA = '3c1d2b1e-3a4d-4c5e-8f90-1a2b3c4d5e60';
const ACME = '9a1d2b1e-3a4d-4c5e-8f90-1a2b3c4d5e61';
const QUESTION = 'Is this Mia Schmidt (mia@acme-robotics.example · Acme Robotics)?';

const mia: Candidate = { id: MIA, full_name: 'Mia Schmidt', email: 'mia@acme-robotics.example', linkedin_url: null, account_id: ACME, account_name: 'Acme Robotics' };

const session = { connection: { url: 'http://127.0.0.1:54321' }, user: { id: ME, email: 'ana@highcard.example' }, organizations: [{ org_id: ORG, org_name: 'Highcard', role: 'admin', department: null, display_name: 'Ana' }], activeOrgId: ORG, settings: { autoLookup: true }, unsent: 0 } as unknown as SessionState;

const seed: DraftSeed = {
  kind: 'email',
  sourceRef: 'msg-f:1',
  sourceUrl: 'https://mail.google.com/mail/u/0/#inbox/abc',
  occurredAt: '2026-11-20T09:41:00+01:00',
  title: 'From her own address',
  body: 'Writing from my private mail.',
  contacts: [{ full_name: 'Mia Schmidt', email: 'mia.schmidt@gmail.com' }],
  contactIndex: 0,
};

let viewCounter = 0;
const gmailView = (): SiteView => ({
  site: 'gmail',
  id: `thread-${(viewCounter += 1)}`,
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  heading: 'From her own address',
  lookup: { emails: ['mia.schmidt@gmail.com'], linkedinUrl: null, fullName: 'Mia Schmidt' },
  subject: 'Mia Schmidt',
  sources: [{ key: 'msg-f:1', label: 'Mia Schmidt · Nov 20', detail: null, seed }],
});

const Harness = ThisPageHarness;

function answer(result: LookupResult): Capture[] {
  const filed: Capture[] = [];
  answerWith(send, {
    'session.get': () => ok(session),
    'outbox.list': () => ok([]),
    lookup: () => ok({ skipped: false as const, result, fetchedAt: 1, fromCache: false }),
    'capture.file': (payload) => {
      const capture = payload.capture as Capture;
      filed.push(capture);
      return ok({ id: capture.id, capture, status: 'pending', attempts: 0, nextAttemptAt: null, error: null, createdAt: 1, updatedAt: 1, result: null } as OutboxItem);
    },
  });
  return filed;
}

const unknownAddress: LookupResult = { contacts: [], accounts: [], entries: [], people: [], candidates: [mia] };

beforeEach(() => {
  vi.mocked(send).mockReset();
  forgetSession();
});
afterEach(cleanup);

describe('the “Same person” question in the side panel', () => {
  it('in the preview of a new address, “Same person” files on the known contact and its account', async () => {
    const filed = answer(unknownAddress);
    render(<Harness view={gmailView()} />);
    // The team's answer is in before the rep opens the preview.
    await screen.findByRole('group', { name: QUESTION });
    fireEvent.click(screen.getByRole('button', { name: 'Add to customer record' }));
    await screen.findByRole('dialog', { name: 'Add to customer record' });
    const question = screen.getByRole('group', { name: QUESTION });
    fireEvent.click(within(question).getByRole('button', { name: 'Same person' }));
    expect(screen.queryByRole('group', { name: QUESTION })).toBeNull();
    const preview = screen.getByRole('dialog', { name: 'Add to customer record' });
    expect((within(preview).getByRole('combobox', { name: /^Customer/ }) as HTMLSelectElement).selectedOptions[0]!.textContent).toBe(
      'Mia Schmidt <mia.schmidt@gmail.com> (on record)',
    );
    expect((within(preview).getByRole('combobox', { name: /^Account/ }) as HTMLSelectElement).selectedOptions[0]!.textContent).toBe(
      'Acme Robotics (on record)',
    );
    fireEvent.click(within(preview).getByRole('button', { name: 'File to customer record' }));
    await vi.waitFor(() => expect(filed).toHaveLength(1));
    expect(filed[0]!.contact).toEqual({ id: MIA, email: 'mia.schmidt@gmail.com' });
    expect(filed[0]!.account).toEqual({ id: ACME });
  });

  it('“Someone else” files a new person, as without the question', async () => {
    const filed = answer(unknownAddress);
    render(<Harness view={gmailView()} />);
    fireEvent.click(within(await screen.findByRole('group', { name: QUESTION })).getByRole('button', { name: 'Someone else' }));
    expect(screen.queryByRole('group', { name: QUESTION })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add to customer record' }));
    fireEvent.click(await screen.findByRole('button', { name: 'File to customer record' }));
    await vi.waitFor(() => expect(filed).toHaveLength(1));
    expect(filed[0]!.contact).toEqual({ full_name: 'Mia Schmidt', email: 'mia.schmidt@gmail.com' });
  });

  it('is not asked when the lookup already knows someone of that name', async () => {
    answer({ ...unknownAddress, contacts: [{ id: 'other', full_name: 'Mia Schmidt' }] });
    render(<Harness view={gmailView()} />);
    // The team's answer has been painted (its summary line offers the details) …
    await screen.findByRole('button', { name: 'Details' });
    // … and it asks nothing.
    expect(screen.queryByRole('group', { name: QUESTION })).toBeNull();
  });
});
