// Opening Highcard's own pages from the panel, Settings or the background. The options page
// reads its section from the address: options.html#sign-in, #organization, #people...
import { browser, type Browser } from 'wxt/browser';

/** Settings, at a section when one is named (see entrypoints/options/sections/index.ts). */
export async function openSettings(section?: string): Promise<void> {
  if (!section) {
    await browser.runtime.openOptionsPage();
    return;
  }
  const url = browser.runtime.getURL(`/options.html#${section}` as '/options.html');
  // Settings already open in a tab: show the section there instead of opening a second one.
  // (runtime.getContexts: Chrome 116+; elsewhere a new tab.)
  const open = await settingsTab();
  if (open) {
    // Already at that section: a same-address update changes nothing on screen, so reload
    // it — the person asked to see it now (e.g. a coaching period opened meanwhile).
    if (open.url === url) {
      await browser.tabs.update(open.tabId, { active: true });
      await browser.tabs.reload(open.tabId);
    } else {
      await browser.tabs.update(open.tabId, { url, active: true });
    }
    await browser.windows.update(open.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}

async function settingsTab(): Promise<{ tabId: number; windowId: number; url: string } | null> {
  if (typeof (browser.runtime as { getContexts?: unknown }).getContexts !== 'function') return null;
  try {
    const page = browser.runtime.getURL('/options.html');
    const contexts = await browser.runtime.getContexts({ contextTypes: ['TAB' as Browser.runtime.ContextType] });
    const found = contexts.find((context) => context.documentUrl?.split('#')[0] === page && context.tabId >= 0);
    return found ? { tabId: found.tabId, windowId: found.windowId, url: found.documentUrl ?? '' } : null;
  } catch {
    return null;
  }
}

/** One of the extension's pages in a new tab, e.g. '/insights.html'. Needs no permission. */
export async function openExtensionPage(path: string): Promise<void> {
  // getURL's type lists the built files only; an address with a #section is still one of them.
  await browser.tabs.create({ url: browser.runtime.getURL(path as '/options.html') });
}
