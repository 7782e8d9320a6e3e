import { defineContentScript } from 'wxt/utils/define-content-script';
import '../../components/sidebar.css';
import { Sidebar } from '../../components/Sidebar';
import { isOutlookMessageView, OUTLOOK_MATCHES, readOpenOutlookMessage } from '../../utils/capture/outlook';
import { mountSidebar } from '../../utils/sidebar/mount';
import { outlookView } from '../../utils/sidebar/outlook-view';

export default defineContentScript({
  // Opt-in: registered at runtime (utils/background/outlook.ts) only after the user switched
  // Outlook on in Settings and the browser granted these hosts; never in the manifest.
  registration: 'runtime',
  matches: OUTLOOK_MATCHES,
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  // Pact rule 1: the page is read only when a message or conversation is open.
  main: (ctx) =>
    mountSidebar(ctx, {
      site: 'outlook',
      component: Sidebar,
      mayShow: isOutlookMessageView,
      readView: () => {
        const conversation = readOpenOutlookMessage(document, location.href);
        return conversation && outlookView(conversation, { url: location.href, reread: () => readOpenOutlookMessage(document, location.href) });
      },
      // Outlook swaps the reading pane on every message: watch the whole page while waiting.
      contentRoot: () => document.body,
    }),
});
