// The side panel follows an account Insights asked it to show: a fresh request in its own
// organization, once, whether it came before the panel opened or while it was open.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PANEL_REQUEST_TTL_MS, requestAccount } from '../../../../utils/open-panel-account';
import { usePanelRequest } from '../../../../utils/panel/use-panel-request';
import { panelRequestItem } from '../../../../utils/storage';

const ORG = '22222222-3333-4444-8555-666666666666';
const OTHER_ORG = '33333333-3333-4444-8555-666666666666';
const ACME = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';

function Panel({ orgId, open }: { orgId: string | null; open: (id: string) => void }) {
  usePanelRequest(orgId, open);
  return null;
}

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('the panel following a request to show an account', () => {
  it('opens the account asked for while the panel is open', async () => {
    const open = vi.fn();
    render(<Panel orgId={ORG} open={open} />);
    await requestAccount({ orgId: ORG, accountId: ACME, name: 'Acme Robotics' });
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith(ACME));
  });

  it('opens the account asked for just before the panel opened, once', async () => {
    await requestAccount({ orgId: ORG, accountId: ACME, name: 'Acme Robotics' });
    const open = vi.fn();
    render(<Panel orgId={ORG} open={open} />);
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith(ACME));
    // The same request written again (another storage change) is not followed twice.
    await panelRequestItem.setValue({ ...(await panelRequestItem.getValue())! });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('ignores a request that is no longer fresh, or for another organization, or while signed out of one', async () => {
    await panelRequestItem.setValue({ orgId: ORG, accountId: ACME, name: 'Acme Robotics', requestedAt: Date.now() - PANEL_REQUEST_TTL_MS - 1 });
    const open = vi.fn();
    render(<Panel orgId={ORG} open={open} />);
    render(<Panel orgId={null} open={open} />);
    await requestAccount({ orgId: OTHER_ORG, accountId: ACME, name: 'Acme Robotics' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(open).not.toHaveBeenCalled();
  });
});
