// Insights' account names open that account in Highcard's side panel. The page learns its
// window ahead of any click, because Chrome opens the panel only while the click is still being
// handled: nothing may be awaited before openSidePanel. A tab dragged to another window changes
// window, so the page learns it again whenever it gains focus, and the request names the window
// the page is in when it is made.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { currentWindow, openSidePanel, requestAccount } from '../../utils/open-panel-account';

export interface PanelAccount {
  account_id: string;
  account_name: string;
}

export interface OpenInPanel {
  open: (account: PanelAccount) => void;
  /** The account to open the panel by hand for, when the browser would not open it. */
  byHand: string | null;
}

export function useOpenInPanel(orgId: string): OpenInPanel {
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  const [byHand, setByHand] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const windows = (browser as unknown as { windows?: typeof browser.windows }).windows;
    // Without a window (an API missing or failing), a click says how to open the panel by hand.
    const learn = () => {
      Promise.resolve()
        .then(() => windows?.getCurrent())
        .then((window) => {
          if (live && window?.id !== undefined) setWindowId(window.id);
        })
        .catch(() => undefined);
    };
    learn();
    globalThis.addEventListener('focus', learn);
    return () => {
      live = false;
      globalThis.removeEventListener('focus', learn);
    };
  }, []);

  const open = (account: PanelAccount) => {
    let opening: Promise<void> | null = null;
    try {
      opening = openSidePanel(windowId);
    } catch {
      opening = null;
    }
    // The request is kept even when the panel did not open: opened by hand soon, it follows it.
    // It names the window the page is in now, so only that window's panel follows it.
    void currentWindow().then((here) => {
      if (here.windowId !== null) setWindowId(here.windowId);
      return requestAccount({ orgId, accountId: account.account_id, name: account.account_name, windowId: here.windowId ?? windowId ?? null });
    });
    if (!opening) return setByHand(account.account_name);
    setByHand(null);
    opening.catch(() => setByHand(account.account_name));
  };
  return { open, byHand };
}
