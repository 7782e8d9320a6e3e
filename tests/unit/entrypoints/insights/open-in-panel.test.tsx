// Insights' account names open the account in Highcard's side panel: the browser's own call
// happens inside the click (Chrome and Firefox open the panel only during the user's gesture),
// the account goes to the panel through the request it follows, and a browser that cannot open
// the panel is answered with how to open it by hand.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../../entrypoints/insights/App';
import type { SessionState } from '../../../../utils/messages';
import { send } from '../../../../utils/send';
import { panelRequestItem } from '../../../../utils/storage';
import { answerWith, ME, ok } from '../../components/fake-send';

vi.mock('../../../../utils/send', () => ({ send: vi.fn() }));

type Loose = Record<string, unknown>;
const browser = fakeBrowser as unknown as Loose;
// fakeBrowser.reset() resets the sidebar: each test puts it back as it found it.
const firefoxSidebar = browser.sidebarAction;
const ORG = '22222222-3333-4444-8555-666666666666';
const ACME = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const WINDOW_ID = 3;

const session: SessionState = {
  connection: { url: 'http://127.0.0.1:54321' },
  user: { id: ME, email: 'ana@lumen.example' },
  organizations: [{ org_id: ORG, org_name: 'Lumen Logistics', role: 'member', department: null, display_name: 'Ana' }],
  activeOrgId: ORG,
  settings: { autoLookup: true },
  unsent: 0,
};

let sidePanelOpen: ReturnType<typeof vi.fn>;
let sidebarOpen: ReturnType<typeof vi.fn>;

function asChrome(open: () => Promise<void> = async () => {}) {
  sidePanelOpen = vi.fn(open);
  browser.sidePanel = { open: sidePanelOpen };
  browser.sidebarAction = undefined;
}

function asFirefox() {
  sidebarOpen = vi.fn(async () => {});
  browser.sidebarAction = { open: sidebarOpen, toggle: vi.fn(async () => {}) };
  delete browser.sidePanel;
}

function withoutPanel() {
  browser.sidebarAction = undefined;
  delete browser.sidePanel;
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: WINDOW_ID } as never);
  answerWith(send, {
    'session.get': () => ok(session),
    'insights.overview': () =>
      ok({ orgId: ORG, weeks: 26, series: [], changes: [], fetchedAt: new Date().toISOString(), cached: false, problem: null }),
    'plan.overdueAccounts': () =>
      ok({ ours: [{ account_id: ACME, account_name: 'Acme Robotics', overdue_steps: 2, oldest_due_on: '2026-11-20' }], theirs: [], capped: false }),
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  browser.sidebarAction = firefoxSidebar;
  delete browser.sidePanel;
});

/** The account's name in "Accounts waiting on us", once the page knows its window. */
async function accountButton(): Promise<HTMLElement> {
  const button = await screen.findByRole('button', { name: 'Acme Robotics' });
  await waitFor(() => expect(fakeBrowser.windows.getCurrent).toHaveBeenCalled());
  await new Promise((resolve) => setTimeout(resolve, 0));
  return button;
}

describe('an account name on Insights', () => {
  it('is a button in the overdue table that opens Chrome’s side panel in this window during the click, and asks this window’s panel for the account', async () => {
    asChrome();
    render(<App />);
    const button = await accountButton();
    expect(button.tagName).toBe('BUTTON');
    expect(button.closest('table')?.getAttribute('aria-labelledby')).toBeTruthy();
    fireEvent.click(button);
    // Called before the click handler returned: nothing was awaited first.
    expect(sidePanelOpen).toHaveBeenCalledWith({ windowId: WINDOW_ID });
    await waitFor(async () =>
      expect(await panelRequestItem.getValue()).toEqual({ orgId: ORG, accountId: ACME, name: 'Acme Robotics', windowId: WINDOW_ID, requestedAt: expect.any(Number) }),
    );
    expect(screen.queryByText(/Open Highcard’s side panel to see/)).toBeNull();
  });

  it('asks the panel of the window the page is in at the click, after its tab was dragged to another window', async () => {
    asChrome();
    render(<App />);
    const button = await accountButton();
    vi.mocked(fakeBrowser.windows.getCurrent).mockResolvedValue({ id: 8 } as never);
    fireEvent.click(button);
    await waitFor(async () => expect((await panelRequestItem.getValue())?.windowId).toBe(8));
  });

  it('opens the side panel in the window the page moved to once the page has focus there', async () => {
    asChrome();
    render(<App />);
    const button = await accountButton();
    vi.mocked(fakeBrowser.windows.getCurrent).mockResolvedValue({ id: 8 } as never);
    fireEvent.focus(window);
    await new Promise((resolve) => setTimeout(resolve, 0));
    fireEvent.click(button);
    expect(sidePanelOpen).toHaveBeenCalledWith({ windowId: 8 });
  });

  it('opens Firefox’s sidebar during the click', async () => {
    asFirefox();
    render(<App />);
    fireEvent.click(await accountButton());
    expect(sidebarOpen).toHaveBeenCalledTimes(1);
    await waitFor(async () => expect((await panelRequestItem.getValue())?.accountId).toBe(ACME));
  });

  it('says to open the side panel by hand when the browser has no way to open it, and keeps the request for when it is opened', async () => {
    withoutPanel();
    render(<App />);
    fireEvent.click(await accountButton());
    expect((await screen.findByText('Open Highcard’s side panel to see Acme Robotics.')).getAttribute('role')).toBe('status');
    await waitFor(async () => expect((await panelRequestItem.getValue())?.accountId).toBe(ACME));
  });

  it('says to open the side panel by hand when the browser refuses to open it', async () => {
    asChrome(async () => {
      throw new Error('`sidePanel.open()` may only be called in response to a user gesture.');
    });
    render(<App />);
    fireEvent.click(await accountButton());
    expect(await screen.findByText('Open Highcard’s side panel to see Acme Robotics.')).toBeTruthy();
  });
});
