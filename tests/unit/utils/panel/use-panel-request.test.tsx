// The side panel follows an account Insights asked it to show: a fresh request in its own
// organization, once, whether it came before the panel opened or while it was open, and only
// in the window Insights was in: another window's panel keeps what its rep is reading.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { follows, PANEL_REQUEST_TTL_MS, requestAccount, type PanelWindow } from '../../../../utils/open-panel-account';
import { usePanelRequest } from '../../../../utils/panel/use-panel-request';
import { panelRequestItem } from '../../../../utils/storage';

const ORG = '22222222-3333-4444-8555-666666666666';
const OTHER_ORG = '33333333-3333-4444-8555-666666666666';
const ACME = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const WINDOW = 3;
const OTHER_WINDOW = 4;

function Panel({ orgId, open, at = { windowId: WINDOW, focused: true } }: { orgId: string | null; open: (id: string) => void; at?: PanelWindow }) {
  usePanelRequest(orgId, open, async () => at);
  return null;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('the panel following a request to show an account', () => {
  it('opens the account asked for while the panel is open', async () => {
    const open = vi.fn();
    render(<Panel orgId={ORG} open={open} />);
    await requestAccount({ orgId: ORG, accountId: ACME, name: 'Acme Robotics', windowId: WINDOW });
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith(ACME));
  });

  it('opens the account asked for just before the panel opened, once', async () => {
    await requestAccount({ orgId: ORG, accountId: ACME, name: 'Acme Robotics', windowId: WINDOW });
    const open = vi.fn();
    render(<Panel orgId={ORG} open={open} />);
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith(ACME));
    // The same request written again (another storage change) is not followed twice.
    await panelRequestItem.setValue({ ...(await panelRequestItem.getValue())! });
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('ignores a request that is no longer fresh, or for another organization, or while signed out of one', async () => {
    await panelRequestItem.setValue({ orgId: ORG, accountId: ACME, name: 'Acme Robotics', windowId: WINDOW, requestedAt: Date.now() - PANEL_REQUEST_TTL_MS - 1 });
    const open = vi.fn();
    render(<Panel orgId={ORG} open={open} />);
    render(<Panel orgId={null} open={open} />);
    await requestAccount({ orgId: OTHER_ORG, accountId: ACME, name: 'Acme Robotics', windowId: WINDOW });
    await settle();
    expect(open).not.toHaveBeenCalled();
  });

  it('reaches only the panel of the window Insights was in, even when the other window has focus', async () => {
    const here = vi.fn();
    const elsewhere = vi.fn();
    render(<Panel orgId={ORG} open={here} at={{ windowId: WINDOW, focused: false }} />);
    render(<Panel orgId={ORG} open={elsewhere} at={{ windowId: OTHER_WINDOW, focused: true }} />);
    await requestAccount({ orgId: ORG, accountId: ACME, name: 'Acme Robotics', windowId: WINDOW });
    await vi.waitFor(() => expect(here).toHaveBeenCalledWith(ACME));
    await settle();
    expect(elsewhere).not.toHaveBeenCalled();
  });

  it('sends a request that could not name its window to the panel of the focused window only', async () => {
    const focused = vi.fn();
    const behind = vi.fn();
    render(<Panel orgId={ORG} open={focused} at={{ windowId: WINDOW, focused: true }} />);
    render(<Panel orgId={ORG} open={behind} at={{ windowId: OTHER_WINDOW, focused: false }} />);
    await requestAccount({ orgId: ORG, accountId: ACME, name: 'Acme Robotics', windowId: null });
    await vi.waitFor(() => expect(focused).toHaveBeenCalledWith(ACME));
    await settle();
    expect(behind).not.toHaveBeenCalled();
  });
});

describe('which panel a request is for', () => {
  const request = { orgId: ORG, accountId: ACME, name: 'Acme Robotics', requestedAt: 1_000 };
  it('is the named window’s, whatever has focus; a panel that cannot tell its window follows only a request that cannot either', () => {
    expect(follows({ ...request, windowId: WINDOW }, ORG, { windowId: WINDOW, focused: false }, 2_000)).toBe(true);
    expect(follows({ ...request, windowId: WINDOW }, ORG, { windowId: OTHER_WINDOW, focused: true }, 2_000)).toBe(false);
    expect(follows({ ...request, windowId: WINDOW }, ORG, { windowId: null, focused: false }, 2_000)).toBe(false);
    expect(follows({ ...request, windowId: null }, ORG, { windowId: null, focused: false }, 2_000)).toBe(true);
    // Kept before requests named their window: the focused window's panel.
    expect(follows(request, ORG, { windowId: OTHER_WINDOW, focused: true }, 2_000)).toBe(true);
    expect(follows(request, ORG, { windowId: WINDOW, focused: false }, 2_000)).toBe(false);
  });
});
