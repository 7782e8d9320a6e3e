import { defineContentScript } from 'wxt/utils/define-content-script';
import { isThreadView, readAccountEmail, readOpenThread } from '../../utils/capture/gmail';
import { MAIN_PANE } from '../../utils/capture/gmail/selectors';
import { gmailView } from '../../utils/panel/site-views';
import { watchPage } from '../../utils/panel/watch-page';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  // Pact rule 1: the page is read only when a thread is open, and nothing leaves the browser
  // before the rep presses the file button but the lookup of who is in view. Pact rule 12:
  // this reads and reports to the side panel; it renders nothing in Gmail.
  main: (ctx) =>
    watchPage(ctx, {
      site: 'gmail',
      mayShow: isThreadView,
      readView: () => {
        const thread = readOpenThread(document);
        return thread && gmailView(thread, { url: location.href, me: readAccountEmail(document) });
      },
      contentRoot: () => MAIN_PANE.map((selector) => document.querySelector(selector)).find(Boolean) ?? null,
      hashRouted: true,
    }),
});
