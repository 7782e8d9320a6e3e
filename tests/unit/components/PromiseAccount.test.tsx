// "Add as a promise" on a message not filed yet: the promise's person was chosen among the
// contacts of the account the form was for. When the rep then files the message to another
// account, the preview says the promise goes there without that person, and the filing carries
// it so, instead of a promise the server would refuse after the message is filed.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OpenWithCustomerSlot } from '../../../entrypoints/sidepanel/OpenWithCustomerSlot';
import type { LookupResult, OutboxItem, PromiseToAdd, SessionState } from '../../../utils/messages';
import type { SiteView } from '../../../utils/panel/types';
import { useAddPromise } from '../../../utils/panel/use-add-promise';
import { forgetSession, useSession } from '../../../utils/panel/use-session';
import { useThisPage } from '../../../utils/panel/use-this-page';
import { ThisPage } from '../../../components/ThisPage';
import { send } from '../../../utils/send';
import { answerWith, hit, ME, ok } from './fake-send';

vi.mock('../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const ACME = '1b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const ACME_GMBH = '2b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const MIA = '3b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const SENTENCE = 'We will send the sample export on Monday.';

const view: SiteView = {
  site: 'gmail',
  id: 'thread-promise',
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  heading: 'Sample export',
  lookup: { emails: ['mia@acme-robotics.example'], linkedinUrl: null },
  subject: 'acme-robotics.example',
  sources: [
    {
      key: 'msg-f:1',
      label: 'Mia Schmidt · Nov 20',
      detail: SENTENCE,
      seed: {
        kind: 'email',
        sourceRef: 'msg-f:1',
        sourceUrl: 'https://mail.google.com/mail/u/0/#inbox/abc',
        occurredAt: '2026-11-20T09:41:00+01:00',
        title: 'Sample export',
        body: `Hi Ana,\n${SENTENCE}\nMia`,
        contacts: [{ full_name: 'Mia Schmidt', email: 'mia@acme-robotics.example' }],
        contactIndex: 0,
      },
    },
  ],
};

const session = {
  connection: { url: 'http://127.0.0.1:54321' },
  user: { id: ME, email: 'ana@highcard.example' },
  organizations: [{ org_id: ORG, org_name: 'Highcard', role: 'member', department: 'Sales', display_name: 'Ana' }],
  activeOrgId: ORG,
  settings: { autoLookup: true },
  unsent: 0,
} as SessionState;

const known: LookupResult = {
  contacts: [{ id: MIA, full_name: 'Mia Schmidt', email: 'mia@acme-robotics.example', account_id: ACME }],
  accounts: [{ id: ACME, name: 'Acme Robotics', domains: ['acme-robotics.example'] }],
  entries: [],
  people: [],
  candidates: [],
};

/** "This page" with its "Open with them" part, wired as the side panel wires them. */
function Page() {
  const { session: current } = useSession(view.id);
  const model = useThisPage({ tabId: 1, view, session: current, reread: async () => null });
  const result = model.context.status === 'ready' ? model.context.result : null;
  const promise = useAddPromise({
    tabId: 1,
    sources: view.sources,
    known: result,
    outbox: model.outbox,
    filedHere: model.filedHere,
    previewing: model.draft !== null,
    open: model.onOpen,
    refresh: model.onLookup,
  });
  const slot = <OpenWithCustomerSlot sources={view.sources} known={result} settle={{ start: () => {}, note: null, waiting: false }} promise={promise} />;
  return <ThisPage {...model} openWithCustomer={slot} />;
}

let filed: { promise?: Partial<PromiseToAdd> | null }[] = [];

beforeEach(() => {
  forgetSession();
  filed = [];
  vi.mocked(send).mockReset();
  answerWith(send, {
    'session.get': () => ok(session),
    'outbox.list': () => ok([]),
    lookup: () => ok({ skipped: false as const, result: known, fetchedAt: 1, fromCache: false }),
    'page.selection': () => ok({ text: SENTENCE }),
    'accounts.search': () => ok([hit('Acme Robotics GmbH', ['acme.example'], ACME_GMBH)]),
    'capture.file': (payload) => {
      filed.push(payload);
      return ok<OutboxItem>({
        id: payload.capture.id,
        filedBy: { userId: ME, email: 'ana@highcard.example' },
        capture: payload.capture as OutboxItem['capture'],
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: Date.now(),
        error: null,
        createdAt: Date.now(),
        updatedAt: Date.now(),
        result: null,
        promise: payload.promise ? { item: payload.promise as PromiseToAdd, state: 'waiting' as const } : null,
      });
    },
  });
});
afterEach(cleanup);

/** The rep reads "on Monday" as Mia's promise, to Mia, and confirms it: the preview opens. */
async function confirmPromiseToMia() {
  render(<Page />);
  fireEvent.click(await screen.findByRole('button', { name: 'Add as a promise' }));
  const form = await screen.findByRole('form', { name: 'Add as a promise' });
  const person = (await screen.findByRole('combobox', { name: 'Who at the customer' })) as HTMLSelectElement;
  fireEvent.change(person, { target: { value: MIA } });
  fireEvent.click(screen.getByRole('radio', { name: /They/ }));
  fireEvent.submit(form);
  return (await screen.findByRole('combobox', { name: 'Account' })) as HTMLSelectElement;
}

describe('the person on a promise filed with its message', () => {
  it('stays when the message is filed to the account the promise was written for', async () => {
    const account = await confirmPromiseToMia();
    expect(account.value).toBe(`existing:${ACME}`);
    expect(screen.queryByText(/added without a person/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'File to customer record' }));
    await waitFor(() => expect(filed).toHaveLength(1));
    expect(filed[0]!.promise).toMatchObject({ accountId: ACME, contactId: MIA, body: SENTENCE });
  });

  it('is taken off, and the preview says so, when the rep files the message to another account', async () => {
    const account = await confirmPromiseToMia();
    await waitFor(() => expect(Array.from(account.options).map((option) => option.value)).toContain(`existing:${ACME_GMBH}`));
    fireEvent.change(account, { target: { value: `existing:${ACME_GMBH}` } });
    const note = await screen.findByText(/added without a person/);
    expect(note.getAttribute('role')).toBe('status');
    expect(note.textContent).toBe(
      'The promise goes to Acme Robotics GmbH with this message. Mia Schmidt is a contact of Acme Robotics, so the promise is added without a person at the customer; add one in the plan afterwards.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'File to customer record' }));
    await waitFor(() => expect(filed).toHaveLength(1));
    expect(filed[0]!.promise).toMatchObject({ contactId: null, body: SENTENCE, side: 'theirs' });
  });

  it('comes back, with nothing said, when the rep returns to the promise’s account before filing', async () => {
    const account = await confirmPromiseToMia();
    await waitFor(() => expect(Array.from(account.options).map((option) => option.value)).toContain(`existing:${ACME_GMBH}`));
    fireEvent.change(account, { target: { value: `existing:${ACME_GMBH}` } });
    await screen.findByText(/added without a person/);
    fireEvent.change(account, { target: { value: `existing:${ACME}` } });
    await waitFor(() => expect(screen.queryByText(/added without a person/)).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'File to customer record' }));
    await waitFor(() => expect(filed).toHaveLength(1));
    expect(filed[0]!.promise).toMatchObject({ contactId: MIA });
  });
});
