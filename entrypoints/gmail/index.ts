import type { browser as Extension } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { threadRefFromHash } from '../../utils/capture/gmail/detect';
import { pageLifetime } from '../../utils/panel/page-lifetime';
import { waitForReader } from '../../utils/panel/wait-for-reader';

// Gmail's content script: wxt.config.ts lists it in the manifest's content_scripts for
// https://mail.google.com/* at document_idle. It is an unlisted script, not WXT's
// defineContentScript, so that an idle inbox costs the page no more than a bare content script
// (utils/panel/page-lifetime.ts and wait-for-reader.ts say why). It holds none of the thread
// reader: once the URL may show a thread, the background runs entrypoints/gmail-reader in this
// page, which reads and reports from then on. Gmail moves between views by the URL's hash
// alone, so hashchange and popstate see every move, and the hash says where a thread may show.
export default defineUnlistedScript(() => {
  const own = globalThis as unknown as { browser?: typeof Extension; chrome?: typeof Extension };
  // The browser's own API, picked as WXT picks it without the polyfill: Firefox's `browser`,
  // else `chrome`. Either loses its id once the extension is gone from under the page.
  const api = () => (own.browser?.runtime?.id ? own.browser : own.chrome);
  waitForReader(pageLifetime(() => api()?.runtime?.id), {
    site: 'gmail',
    mayShow: () => location.pathname.startsWith('/mail/') && threadRefFromHash(location.hash) !== null,
    runtime: api()!.runtime,
  });
});
