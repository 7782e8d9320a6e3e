import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { isGmailUrl, isThreadView, readAccountEmail, readOpenThread } from '../../utils/capture/gmail';
import { MAIN_PANE } from '../../utils/capture/gmail/selectors';
import { pageLifetime } from '../../utils/panel/page-lifetime';
import { claimReader } from '../../utils/panel/reader-claim';
import { gmailView } from '../../utils/panel/site-views';
import { watchPage } from '../../utils/panel/watch-page';

// Gmail's thread reader: run in the page by the background (`page.reader`) the first time the
// Gmail content script (entrypoints/gmail) sees a URL that may show a thread, and from then on
// the page's only watcher, in the inbox too. Pact rule 1: the page is read only when a thread
// is open, and nothing leaves the browser before the rep presses the file button but the lookup
// of who is in view. Pact rule 12: this reads and reports to the side panel; it renders nothing
// in Gmail. Gmail moves between views by the URL's hash alone: hashchange and popstate see every move.
// Run twice in one document (the content script asked and the panel opened on the tab, or a
// restored page asked again), the second run finds the page claimed and does nothing.
// The background checks the tab's URL before running this, but the tab may have moved on to
// another site by the time it runs (and Firefox cannot aim at one document): anywhere but Gmail
// it does nothing, or it would report "nothing to file" over that page's own content script.
export default defineUnlistedScript(() => {
  if (!isGmailUrl(location.href)) return;
  const lifetime = pageLifetime(() => browser.runtime?.id);
  if (!claimReader('gmail', () => lifetime.isValid)) return;
  watchPage(lifetime, {
    site: 'gmail',
    mayShow: isThreadView,
    readView: () => {
      const thread = readOpenThread(document);
      return thread && gmailView(thread, { url: location.href, me: readAccountEmail(document) });
    },
    contentRoot: () => MAIN_PANE.map((selector) => document.querySelector(selector)).find(Boolean) ?? null,
  });
});
