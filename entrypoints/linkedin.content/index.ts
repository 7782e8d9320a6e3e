import { defineContentScript } from 'wxt/utils/define-content-script';
import '../../components/sidebar.css';
import { Sidebar } from '../../components/Sidebar';
import { mountSidebar } from '../../utils/sidebar/mount';
import {
  isMessagingThread,
  isProfilePage,
  readConversation,
  readProfile,
  readViewerName,
} from '../../utils/capture/linkedin';
import { conversationView, profileView } from '../../utils/sidebar/site-views';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  // LinkedIn is a single-page app: the sidebar follows wxt:locationchange, shows on a
  // profile or a messaging thread, and is gone everywhere else.
  main: (ctx) =>
    mountSidebar(ctx, {
      site: 'linkedin',
      component: Sidebar,
      mayShow: (url) => isProfilePage(url) || isMessagingThread(url),
      readView: () => {
        const url = location.href;
        if (isProfilePage(url)) {
          const profile = readProfile(document, url);
          return profile && profileView(profile, { url, reread: () => readProfile(document, location.href) });
        }
        const conversation = readConversation(document, url);
        return (
          conversation &&
          conversationView(conversation, {
            url,
            viewer: readViewerName(document),
            reread: () => readConversation(document, location.href),
          })
        );
      },
      // LinkedIn replaces its whole application outlet on navigation, so only the body lasts.
      contentRoot: () => document.body,
    }),
});
