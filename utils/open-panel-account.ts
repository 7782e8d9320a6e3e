// Opening Highcard's side panel at an account from another extension page (Insights). The
// browser opens the panel only during the user's own gesture, so openSidePanel is called
// first and synchronously in the click; the account then travels through session storage,
// with the window it came from, and that window's panel follows it
// (utils/panel/use-panel-request.ts).
import { browser } from 'wxt/browser';
import { panelRequestItem, type PanelRequest } from './storage';

export type { PanelRequest } from './storage';

/** How long a request stays worth following: long enough to open the panel by hand after
 * being told to, short enough that a later, unrelated opening does not jump to it. */
export const PANEL_REQUEST_TTL_MS = 2 * 60_000;

interface FirefoxSidebar {
  open: () => Promise<void>;
  toggle: () => Promise<void>;
}

/** Firefox's sidebar_action (absent in Chrome). */
export function firefoxSidebar(): FirefoxSidebar | undefined {
  return (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
}

/** Opens the panel in `windowId` (Chrome) or the current window (Firefox), or answers null
 * when this browser offers no way to: then the caller says how to open it by hand. */
export function openSidePanel(windowId: number | undefined): Promise<void> | null {
  const sidebar = firefoxSidebar();
  if (typeof sidebar?.open === 'function') return sidebar.open();
  const sidePanel = (browser as unknown as { sidePanel?: { open?: (options: { windowId: number }) => Promise<void> } }).sidePanel;
  if (typeof sidePanel?.open !== 'function' || windowId === undefined) return null;
  return sidePanel.open({ windowId });
}

/** Asks the panel of the asking page's window (open now, or opened soon) to show this account. */
export function requestAccount(request: Omit<PanelRequest, 'requestedAt'>, now = Date.now()): Promise<void> {
  return panelRequestItem.setValue({ ...request, windowId: request.windowId ?? null, requestedAt: now });
}

/** Where a panel is: its window (null when it cannot tell) and whether that window has focus. */
export interface PanelWindow {
  windowId: number | null;
  focused: boolean;
}

/** The window the calling page is in, as the browser says (a side panel's is the window it is
 * beside); without a windows API, a window nobody can name. */
export async function currentWindow(): Promise<PanelWindow> {
  try {
    const windows = (browser as unknown as { windows?: typeof browser.windows }).windows;
    const window = await windows?.getCurrent();
    return { windowId: window?.id ?? null, focused: window?.focused ?? false };
  } catch {
    return { windowId: null, focused: false };
  }
}

/** Whether a panel in `orgId`, at `here`, should follow `request` now. A request names the
 * window it came from and reaches that window's panel only: with two windows open, the other
 * panel keeps what its rep is reading. A request that could not name its window goes to the
 * panel of the focused window (where the click was), or to a panel that cannot tell its own. */
export function follows(request: PanelRequest | null, orgId: string, here: PanelWindow, now = Date.now()): request is PanelRequest {
  if (!request || request.orgId !== orgId || now - request.requestedAt < 0 || now - request.requestedAt >= PANEL_REQUEST_TTL_MS) return false;
  const from = request.windowId ?? null;
  if (from !== null) return here.windowId === from;
  return here.focused || here.windowId === null;
}
