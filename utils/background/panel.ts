// The side panel: the toolbar button, Alt+Shift+H and "File selection to customer record"
// open it. Chrome opens it only in answer to the user's own action (sidePanel.open), so every
// caller calls openPanel first, before anything it awaits.
import { browser } from 'wxt/browser';
import { firefoxSidebar, openSidePanel } from '../open-panel-account';
import { inBackground } from './services';

/** The command's name in wxt.config.ts (suggested key Alt+Shift+H; Firefox uses its own
 * `_execute_sidebar_action`, which the browser handles). */
export const PANEL_COMMAND = 'open-panel';

/** Opens the panel in the window the user acted in. Synchronous up to the browser's call, so
 * the user's gesture still counts. */
export function openPanel(tab: { windowId?: number } | undefined): void {
  const opening = openSidePanel(tab?.windowId);
  if (opening) inBackground('open the side panel', opening);
}

/** Registered synchronously at the worker's start, so a click that woke it is delivered. */
export function installPanel(): void {
  const sidebar = firefoxSidebar();
  if (sidebar) {
    // Firefox: the toolbar button shows and hides the panel.
    browser.action.onClicked.addListener(() => inBackground('show or hide the side panel', sidebar.toggle()));
  } else {
    inBackground('open the side panel from the toolbar', browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }));
  }
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === PANEL_COMMAND) openPanel(tab);
  });
}
