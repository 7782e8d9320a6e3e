// Opening Highcard's side panel at an account from another extension page (Insights). The
// browser opens the panel only during the user's own gesture, so openSidePanel is called
// first and synchronously in the click; the account then travels through session storage,
// which the panel follows (utils/panel/use-panel-request.ts).
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

/** Asks every open panel (and one opened soon) to show this account. */
export function requestAccount(request: Omit<PanelRequest, 'requestedAt'>, now = Date.now()): Promise<void> {
  return panelRequestItem.setValue({ ...request, requestedAt: now });
}

/** Whether a panel in `orgId` should follow `request` now. */
export function follows(request: PanelRequest | null, orgId: string, now = Date.now()): request is PanelRequest {
  return !!request && request.orgId === orgId && now - request.requestedAt >= 0 && now - request.requestedAt < PANEL_REQUEST_TTL_MS;
}
