import { defineContentScript } from 'wxt/utils/define-content-script';
import '../../components/sidebar.css';
import { Sidebar } from '../../components/Sidebar';
import { mountSidebar } from '../../utils/sidebar/mount';
import { isThreadView, readAccountEmail, readOpenThread } from '../../utils/capture/gmail';
import { MAIN_PANE } from '../../utils/capture/gmail/selectors';
import { gmailView } from '../../utils/sidebar/site-views';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  // Pact rule 1: the page is read only when a thread is open, and nothing leaves the
  // browser before the rep presses the file button but the lookup of who is in view.
  main: (ctx) =>
    mountSidebar(ctx, {
      site: 'gmail',
      component: Sidebar,
      mayShow: isThreadView,
      readView: () => {
        const thread = readOpenThread(document);
        if (!thread) return null;
        return gmailView(thread, { url: location.href, me: readAccountEmail(document), reread: () => readOpenThread(document) });
      },
      contentRoot: () => MAIN_PANE.map((selector) => document.querySelector(selector)).find(Boolean) ?? null,
    }),
});
