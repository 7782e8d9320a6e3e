// "What the team knows" paints from the answer kept in this browser before any trip through the
// background, then the server's answer replaces it; without a kept answer the background is asked.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { entryId, lookupKey } from '../../../../utils/lookup-cache';
import type { LookupAnswer, LookupResult, SessionState } from '../../../../utils/messages';
import { forgetKeptLookups } from '../../../../utils/panel/kept-lookup';
import type { SiteView } from '../../../../utils/panel/types';
import { useTeamContext } from '../../../../utils/panel/use-team-context';
import { send } from '../../../../utils/send';
import { LOOKUP_KEY_PREFIX } from '../../../../utils/storage';
import { answerWith, ok } from '../../components/fake-send';

vi.mock('../../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const EMAILS = ['mia@acme-robotics.example'];
const session = {
  user: { id: '11111111-2222-4333-8444-555555555555', email: 'ana@lumen-logistics.example' },
  activeOrgId: ORG,
  settings: { autoLookup: true },
} as unknown as SessionState;
const view = {
  site: 'gmail',
  id: 'gmail:pilot',
  heading: 'Pilot rollout',
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  lookup: { emails: EMAILS, linkedinUrl: null },
  subject: 'acme-robotics.example',
  sources: [],
} as unknown as SiteView;
const result = (name: string): LookupResult => ({ contacts: [], accounts: [{ id: ORG, name }], entries: [], people: [] });

function Probe() {
  const { state } = useTeamContext(view, session);
  return <p>{state.status === 'ready' ? `${state.result.accounts[0]?.name}${state.refreshing ? ' (updating)' : ''}` : state.status}</p>;
}

async function keep(key: string, value: unknown) {
  await storage.setItem(`${LOOKUP_KEY_PREFIX}${entryId(lookupKey(ORG, EMAILS, null))}`, { key, value, fetchedAt: 1 });
}

/** The network answer waits until the test lets it go. */
function slowNetwork() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const mock = answerWith(send, {
    lookup: async ({ prefer }) => {
      if (prefer === 'cache') return ok<LookupAnswer>({ skipped: false, result: result('Acme from the background'), fetchedAt: 1, fromCache: true });
      await gate;
      return ok<LookupAnswer>({ skipped: false, result: result('Acme Robotics'), fetchedAt: 2, fromCache: false });
    },
  });
  return { mock, release };
}

beforeEach(() => {
  fakeBrowser.reset();
  forgetKeptLookups();
  vi.mocked(send).mockReset();
});
afterEach(cleanup);

describe("the team's context in the panel", () => {
  it('paints the answer kept in this browser without asking the background for it, then the server’s', async () => {
    await keep(lookupKey(ORG, EMAILS, null), result('Acme (kept)'));
    const { mock, release } = slowNetwork();
    render(<Probe />);
    expect(await screen.findByText('Acme (kept) (updating)')).toBeTruthy();
    expect(mock.mock.calls.map(([, payload]) => (payload as { prefer: string }).prefer)).toEqual(['network']);
    release();
    expect(await screen.findByText('Acme Robotics')).toBeTruthy();
  });

  it('asks the background when nothing is kept for this question', async () => {
    await keep('["another question"]', result('Someone else'));
    const { mock } = slowNetwork();
    render(<Probe />);
    expect(await screen.findByText('Acme from the background (updating)')).toBeTruthy();
    expect(mock.mock.calls[0]![1]).toMatchObject({ prefer: 'cache', emails: EMAILS });
  });

  it('leaves a kept answer of another shape to the background', async () => {
    await keep(lookupKey(ORG, EMAILS, null), { accounts: [{ id: ORG, name: 'Old shape' }] });
    slowNetwork();
    render(<Probe />);
    expect(await screen.findByText('Acme from the background (updating)')).toBeTruthy();
  });

  it('paints a thread opened again from what the panel remembers, as the background last wrote it', async () => {
    await keep(lookupKey(ORG, EMAILS, null), result('Acme (kept)'));
    const { release } = slowNetwork();
    const first = render(<Probe />);
    await screen.findByText('Acme (kept) (updating)');
    // The background keeps the server's answer, as it does after every lookup.
    await keep(lookupKey(ORG, EMAILS, null), result('Acme (newer)'));
    first.unmount();
    const read = vi.spyOn(fakeBrowser.storage.local, 'get');
    render(<Probe />);
    expect(await screen.findByText('Acme (newer) (updating)')).toBeTruthy();
    expect(read).not.toHaveBeenCalled();
    release();
  });
});
