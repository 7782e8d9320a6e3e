// Which script reads a page: a site's reader claims the page's extension world (the isolated
// world content scripts and injected files share, one per document) when it starts. The
// background may be asked to run the reader twice for one document (the content script asks,
// the panel opens on the tab; a restored page asks again; a retry crosses an answer), and a
// second reader would report and answer every ask twice. The claim is the reader's own "still
// alive": Chrome keeps an extension's world across a reload of the extension, so a reader
// orphaned by the reload must not keep the new one out. No imports: the content script that
// checks the claim must stay small (wait-for-reader.ts).
import type { ReaderSite } from '../messages';

/** The claim's name on the world's global object; the background's probe reads it too. */
export const readerClaimKey = (site: ReaderSite) => `highcard:reader:${site}`;

type Scope = Record<string, unknown>;

/** True while a live reader for `site` runs in this world. */
export function readerRuns(site: ReaderSite, scope: object = globalThis): boolean {
  const alive = (scope as Scope)[readerClaimKey(site)];
  return typeof alive === 'function' && alive() === true;
}

/** Claims this world for `site`'s reader while `alive()` is true: false when a live reader
 * already runs here (do not start). */
export function claimReader(site: ReaderSite, alive: () => boolean, scope: object = globalThis): boolean {
  if (readerRuns(site, scope)) return false;
  (scope as Scope)[readerClaimKey(site)] = alive;
  return true;
}
