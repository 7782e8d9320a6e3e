import { defineContentScript } from 'wxt/utils/define-content-script';
import { isOutlookMessageView, OUTLOOK_MATCHES, readOpenOutlookMessage } from '../../utils/capture/outlook';
import { outlookView } from '../../utils/panel/outlook-view';
import { followHistory, watchPage } from '../../utils/panel/watch-page';

export default defineContentScript({
  // Opt-in: registered at runtime (utils/background/outlook.ts) only after the user switched
  // Outlook on in Settings and the browser granted these hosts; never in the manifest.
  registration: 'runtime',
  matches: OUTLOOK_MATCHES,
  runAt: 'document_idle',
  // Pact rule 1: the page is read only when a message or conversation is open; rule 12: it
  // reports to the side panel and renders nothing in Outlook.
  main: (ctx) =>
    watchPage(ctx, {
      site: 'outlook',
      mayShow: isOutlookMessageView,
      readView: () => {
        const conversation = readOpenOutlookMessage(document, location.href);
        return conversation && outlookView(conversation, { url: location.href });
      },
      // Outlook swaps the reading pane on every message: watch the whole page.
      contentRoot: () => document.body,
      followLocation: (update) => followHistory(ctx, update),
    }),
});
