// Opening Highcard's own pages from the popup, Settings or the background. The options page
// reads its section from the address: options.html#sign-in, #organization, #people...
import { browser } from 'wxt/browser';

/** Settings, at a section when one is named (see entrypoints/options/sections/index.ts). */
export async function openSettings(section?: string): Promise<void> {
  if (!section) {
    await browser.runtime.openOptionsPage();
    return;
  }
  await openExtensionPage(`/options.html#${section}`);
}

/** One of the extension's pages in a new tab, e.g. '/insights.html'. Needs no permission. */
export async function openExtensionPage(path: string): Promise<void> {
  // getURL's type lists the built files only; an address with a #section is still one of them.
  await browser.tabs.create({ url: browser.runtime.getURL(path as '/options.html') });
}
