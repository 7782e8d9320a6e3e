import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  isMessagingThread,
  isProfilePage,
  readConversation,
  readProfile,
  readViewerName,
} from '../../utils/capture/linkedin';
import { conversationView, profileView } from '../../utils/panel/site-views';
import { followHistory, watchPage } from '../../utils/panel/watch-page';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  // LinkedIn is a single-page app: the report follows wxt:locationchange, names a profile or
  // a messaging thread, and is empty everywhere else. Nothing is ever inserted in LinkedIn's
  // pages: its User Agreement forbids it (pact rule 12).
  main: (ctx) =>
    watchPage(ctx, {
      site: 'linkedin',
      mayShow: (url) => isProfilePage(url) || isMessagingThread(url),
      readView: () => {
        const url = location.href;
        if (isProfilePage(url)) {
          const profile = readProfile(document, url);
          return profile && profileView(profile, { url });
        }
        const conversation = readConversation(document, url);
        return conversation && conversationView(conversation, { url, viewer: readViewerName(document) });
      },
      // LinkedIn replaces its whole application outlet on navigation, so only the body lasts.
      contentRoot: () => document.body,
      followLocation: (update) => followHistory(ctx, update),
    }),
});
