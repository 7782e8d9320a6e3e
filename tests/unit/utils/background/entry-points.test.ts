// What a real browser does before the panel shows anything: the toolbar button, Alt+Shift+H,
// and "File selection to customer record" (context menu and Alt+Shift+F), in Chrome (side
// panel) and Firefox (sidebar). The panel opens synchronously in each handler: Chrome and
// Firefox only open it during the user's own gesture.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CLIP_COMMAND, CLIP_MENU_ID, installClipEntryPoints } from '../../../../utils/background/clip';
import { installPanel, PANEL_COMMAND } from '../../../../utils/background/panel';
import { pendingClipsItem } from '../../../../utils/storage';

type Loose = Record<string, unknown>;
const browser = fakeBrowser as unknown as Loose;
const firefoxSidebar = browser.sidebarAction;

const SELECTION = { text: 'We need SSO before the roll-out.', title: 'Ticket 4471', url: 'https://support.acme.example/t/4471' };
const TAB = { id: 7, windowId: 3, url: SELECTION.url } as never;

let sidePanel: { open: ReturnType<typeof vi.fn>; setPanelBehavior: ReturnType<typeof vi.fn> };
let sidebar: { open: ReturnType<typeof vi.fn>; toggle: ReturnType<typeof vi.fn> };

/** Chrome: a sidePanel API, no sidebarAction. */
function asChrome() {
  sidePanel = { open: vi.fn(async () => {}), setPanelBehavior: vi.fn(async () => {}) };
  browser.sidePanel = sidePanel;
  browser.sidebarAction = undefined;
}

/** Firefox: a sidebarAction, no sidePanel. */
function asFirefox() {
  sidebar = { open: vi.fn(async () => {}), toggle: vi.fn(async () => {}) };
  browser.sidebarAction = sidebar;
  delete browser.sidePanel;
}

/** An event as the browser has it, for the APIs WXT's fake browser leaves unimplemented. */
function fakeEvent<A extends unknown[]>() {
  const listeners = new Set<(...args: A) => unknown>();
  return {
    addListener: (listener: (...args: A) => unknown) => void listeners.add(listener),
    removeListener: (listener: (...args: A) => unknown) => void listeners.delete(listener),
    hasListener: (listener: (...args: A) => unknown) => listeners.has(listener),
    /** Calls every listener synchronously, as the browser does, and waits for what they return. */
    trigger: (...args: A) => Promise.all([...listeners].map((listener) => listener(...args))),
  };
}

let onCommand: ReturnType<typeof fakeEvent<[string, unknown]>>;
let onMenuClick: ReturnType<typeof fakeEvent<[unknown, unknown]>>;
let onAction: ReturnType<typeof fakeEvent<[unknown]>>;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  onCommand = fakeEvent();
  onMenuClick = fakeEvent();
  onAction = fakeEvent();
  Object.assign(fakeBrowser.commands, { onCommand });
  Object.assign(fakeBrowser.contextMenus, { onClicked: onMenuClick });
  Object.assign(fakeBrowser.action, { onClicked: onAction });
});
afterEach(() => {
  browser.sidebarAction = firefoxSidebar;
  delete browser.sidePanel;
});

describe('Chrome: the side panel', () => {
  it('lets the toolbar button open the panel itself, instead of a popup', () => {
    asChrome();
    const clicks = vi.spyOn(onAction, 'addListener');
    installPanel();
    expect(sidePanel.setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    expect(clicks).not.toHaveBeenCalled();
  });

  it('opens the panel on Alt+Shift+H in the window the user pressed it in, during the keypress', () => {
    asChrome();
    installPanel();
    void onCommand.trigger(PANEL_COMMAND, TAB);
    // Not awaited: the call happened within the user's gesture.
    expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 3 });
  });

  it('opens nothing for another command, or without a window to open in', () => {
    asChrome();
    installPanel();
    void onCommand.trigger('something-else', TAB);
    void onCommand.trigger(PANEL_COMMAND, undefined);
    expect(sidePanel.open).not.toHaveBeenCalled();
  });
});

describe('Firefox: the sidebar', () => {
  it('shows and hides the sidebar from the toolbar button', () => {
    asFirefox();
    installPanel();
    void onAction.trigger(TAB);
    expect(sidebar.toggle).toHaveBeenCalledTimes(1);
    // Alt+Shift+H is the browser's own `_execute_sidebar_action` there (see the manifest test).
    void onCommand.trigger(PANEL_COMMAND, TAB);
    expect(sidebar.open).toHaveBeenCalledTimes(1);
  });

  it('opens the sidebar for a selection to file, during the click', async () => {
    asFirefox();
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: SELECTION }] as never);
    installClipEntryPoints();
    const done = onMenuClick.trigger({ menuItemId: CLIP_MENU_ID, frameId: 0 } as never, TAB);
    expect(sidebar.open).toHaveBeenCalledTimes(1);
    await done;
    await vi.waitFor(async () => expect(Object.keys(await pendingClipsItem.getValue())).toHaveLength(1));
  });
});

describe('File selection to customer record', () => {
  it('adds the context-menu item on selected text in web pages when installed or updated', async () => {
    asChrome();
    const removeAll = vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(CLIP_MENU_ID);
    installClipEntryPoints();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({
        id: CLIP_MENU_ID,
        title: 'File selection to customer record',
        contexts: ['selection'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      }),
    );
    // An update adds it again without a duplicate: the old one goes first.
    expect(removeAll.mock.invocationCallOrder[0]).toBeLessThan(create.mock.invocationCallOrder[0]!);
  });

  it('opens the panel at once from the menu, then reads the selection in the frame clicked', async () => {
    asChrome();
    const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 4, result: SELECTION }] as never);
    installClipEntryPoints();
    void onMenuClick.trigger({ menuItemId: CLIP_MENU_ID, frameId: 4 } as never, TAB);
    expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 3 });
    await vi.waitFor(async () => expect(Object.values(await pendingClipsItem.getValue()).map((clip) => clip.text)).toEqual([SELECTION.text]));
    expect(execute).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [4] }, files: ['/selection.js'] });
  });

  it('ignores other menu items', async () => {
    asChrome();
    const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    installClipEntryPoints();
    await onMenuClick.trigger({ menuItemId: 'another', frameId: 0 } as never, TAB);
    expect(sidePanel.open).not.toHaveBeenCalled();
    expect(execute).not.toHaveBeenCalled();
  });

  it('opens the panel on Alt+Shift+F and files the selection of the tab the keys were pressed in', async () => {
    asChrome();
    const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: SELECTION }] as never);
    installClipEntryPoints();
    void onCommand.trigger(CLIP_COMMAND, TAB);
    expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 3 });
    await vi.waitFor(() => expect(execute).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/selection.js'] }));
    await vi.waitFor(async () => expect(Object.keys(await pendingClipsItem.getValue())).toHaveLength(1));
  });

  it('opens the panel on Alt+Shift+F on a page it may not read, and reads nothing there', async () => {
    asChrome();
    const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    installClipEntryPoints();
    await onCommand.trigger(CLIP_COMMAND, { id: 9, windowId: 3, url: 'chrome://settings/' } as never);
    expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 3 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(execute).not.toHaveBeenCalled();
  });
});
