// The popup's two ways into Insights: the header link, and the account view's sparklines.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AccountSignals } from '../../../../entrypoints/sidepanel/AccountSignals';
import { ACCOUNT_PANELS } from '../../../../entrypoints/sidepanel/account-panels';
import { HEADER_LINKS } from '../../../../entrypoints/sidepanel/header-links';
import { send } from '../../../../utils/send';
import { ACCOUNT_ID, answerWith, fail, ME, ok } from '../../components/fake-send';

vi.mock('../../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '22222222-3333-4444-8555-666666666666';
const overview = { account_id: ACCOUNT_ID, name: 'Acme Robotics', domains: [], last_activity_at: null, contact_count: 1, signals_90d: {} };

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
});
afterEach(cleanup);

describe('the way into Insights', () => {
  it('is a header link for members of an organization that opens the Insights page', async () => {
    const link = HEADER_LINKS.find((l) => l.label === 'Insights');
    expect(link?.needs).toBe('organization');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await link!.open();
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/insights\.html$/) });
  });
});

describe('an account’s signals week by week in the popup', () => {
  it('is a panel of the account view that asks for this account’s 26 weeks', async () => {
    expect(ACCOUNT_PANELS.map((p) => p.Component)).toContain(AccountSignals);
    const mock = answerWith(send, {
      'insights.account': () => ok([{ week: '2026-11-23', signal: 'pricing', entries: 2, accounts: 1 }]),
    });
    render(<AccountSignals accountId={ACCOUNT_ID} orgId={ORG} userId={ME} overview={overview} />);
    expect(screen.getByRole('status').textContent).toBe('Loading signals week by week…');
    expect((await screen.findByRole('listitem')).textContent).toBe('Pricing2 entries');
    expect(mock).toHaveBeenCalledWith('insights.account', { accountId: ACCOUNT_ID, weeks: 26 });
  });

  it('says what went wrong and tries again', async () => {
    let calls = 0;
    answerWith(send, { 'insights.account': () => (++calls === 1 ? fail('Could not reach the server.') : ok([])) });
    render(<AccountSignals accountId={ACCOUNT_ID} orgId={ORG} userId={ME} overview={overview} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Could not reach the server.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No signals in the last 26 weeks.')).toBeTruthy();
  });
});
