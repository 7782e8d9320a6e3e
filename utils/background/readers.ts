// Running a site's reader in a tab (entrypoints/<site>-reader): asked by the site's content
// script once its page may show something (`page.reader`), and by the side panel when it opens
// on that tab (`page.get`), so that the first thread opened beside an open panel does not wait
// for the reader to load. See docs/design.md, "Gmail's reader, run when needed".
import { browser } from 'wxt/browser';
import { isGmailUrl } from '../capture/gmail/detect';
import { HighcardError } from '../errors';
import type { ReaderSite } from '../messages';
import { readerClaimKey } from '../panel/reader-claim';

/** Each reader, with where it may run. */
export const READERS: Record<ReaderSite, { file: '/gmail-reader.js'; runsOn: (url: string) => boolean }> = {
  gmail: { file: '/gmail-reader.js', runsOn: isGmailUrl },
};

/** Tabs whose reader could not be run, by the site it was for: where the browser hides the
 * tab's URL (Firefox without the host permission), this is how the panel's next question about
 * the tab still runs the reader, and so shows the failure again or gets past it (memory only; a
 * restarted worker waits for the content script to ask). */
const failedSites = new Map<number, ReaderSite>();

/** Forgets a closed tab's failure. */
export function forgetReaderProblem(tabId: number): void {
  failedSites.delete(tabId);
}

/** The site whose reader the tab needs: from its URL, or (where the browser hides the URL, as
 * Firefox does without the host permission) from a failed attempt. */
async function siteOf(tabId: number): Promise<ReaderSite | null> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab) return null;
  if (tab.url) return (Object.keys(READERS) as ReaderSite[]).find((site) => READERS[site].runsOn(tab.url!)) ?? null;
  return failedSites.get(tabId) ?? null;
}

/** Runs `site`'s reader in the tab's main frame unless one runs there already (the page's own
 * claim says; a reader run twice steps aside itself). Given the asking page's `documentId`
 * (Chrome's; Firefox has none) it runs only in that document, never in one the tab moved on to.
 * A tab closed or gone to another document meanwhile is no failure: there is nothing to read,
 * or the new page's script asks itself. */
export async function runReader(tabId: number, site: ReaderSite, documentId?: string): Promise<void> {
  const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] };
  try {
    const [probe] = await browser.scripting.executeScript({
      target,
      // readerRuns, as source the browser can send: a live reader's claim answers true.
      func: (key: string) => {
        const alive = (globalThis as unknown as Record<string, unknown>)[key];
        return typeof alive === 'function' && alive() === true;
      },
      args: [readerClaimKey(site)],
    });
    if (probe?.result !== true) await browser.scripting.executeScript({ target, files: [READERS[site].file] });
    failedSites.delete(tabId);
  } catch (cause) {
    const error = await failureOf(tabId, site, cause);
    if (!error) {
      failedSites.delete(tabId);
      return;
    }
    failedSites.set(tabId, site);
    throw error;
  }
}

/** What a failed run means for the panel, or null when it needs no words (the page is gone). */
async function failureOf(tabId: number, site: ReaderSite, cause: unknown): Promise<HighcardError | null> {
  const said = cause instanceof Error ? cause.message : String(cause);
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab) return null;
  if (tab.url && !READERS[site].runsOn(tab.url)) return null;
  if (/\b(frame|document)\b.*\b(removed|unloaded|not found)\b|no (frame|document) with id|back\/forward cache/i.test(said)) return null;
  if (/permission|cannot access|not allowed|host/i.test(said)) {
    return new HighcardError(
      'refused',
      'Highcard is not allowed to read mail.google.com in this browser. Allow it in the extension’s permissions (in Firefox: Add-ons and themes › Highcard › Permissions), then try again.',
      { cause },
    );
  }
  return new HighcardError('bug', `Its reader did not start (${said.slice(0, 200)}). Try again, or reload the tab.`, { cause });
}

/** The panel opened on (or asks again about) a tab: a reader-site tab gets its reader now.
 * Throws what the panel should show when the reader cannot run. */
export async function readyReader(tabId: number): Promise<void> {
  const site = await siteOf(tabId);
  if (site) await runReader(tabId, site);
}
