// The side panel's view of a tab: content scripts report what their page shows, the background
// keeps the latest per tab (memory only), and the panel asks for the tab it shows.
import { pageViewSchema, type TabView } from '../../messages';
import type { TopicHandlers } from './types';
import { askTab, keepTabView, tabViewOf } from '../page-views';
import { latestClipId } from '../clip';
import { PAGE_ASKS } from '../../page-asks';
import { HighcardError } from '../../errors';
import { READERS, readyReader, runReader } from '../readers';

export const pageHandlers = {
  'page.report': async ({ view }, sender) => {
    const tabId = sender?.tab?.id;
    // Only a page's own content script reports about its tab, and only its main frame.
    if (tabId === undefined || tabId < 0 || (sender?.frameId ?? 0) !== 0) return {};
    await keepTabView(tabId, { view, reportedAt: Date.now() });
    return {};
  },

  'page.reader': async ({ site }, sender) => {
    const tabId = sender?.tab?.id;
    const reader = READERS[site];
    // Only into the asking page's own main frame, and only on the reader's own site. Declining
    // is a failure, not a success: the content script then asks again on its next move (a
    // prerendered page's frame is main only once shown) instead of leaving the tab unread.
    if (tabId === undefined || tabId < 0 || (sender?.frameId ?? 0) !== 0 || !reader.runsOn(sender?.url ?? '')) {
      throw new HighcardError('refused', 'The reader runs only in a Gmail tab’s main frame.');
    }
    // A failure answers the content script (it asks again on the next move); the panel asking
    // about the tab runs the reader again (page.get) and shows what that run says, with "Try again".
    // Aimed at the asking document where the browser names it (Chrome), so a tab that moved on
    // meanwhile does not get Gmail's reader in another site's page.
    await runReader(tabId, site, sender?.documentId);
    return {};
  },

  'page.get': async ({ tabId, fresh }) => {
    const kept = await tabViewOf(tabId);
    // The panel is open on this tab: a site whose reader runs only when needed (Gmail's) gets it
    // now, unless the tab shows something read already, so the first thread opened here paints
    // as fast as the next. The reader reports what the page shows itself.
    if (!kept?.view) await readyReader(tabId);
    if (kept && !fresh) return kept;
    // Nothing known yet (the worker restarted, the panel opened first) or the rep is about to
    // file: read the page now. A tab without Highcard's content script has nothing to file.
    const answer = await askTab(tabId, PAGE_ASKS.read);
    const parsed = pageViewSchema.nullable().safeParse((answer as { view?: unknown } | null)?.view);
    if (!answer || !parsed.success) return kept ?? { view: null, reportedAt: null };
    const now: TabView = { view: parsed.data, reportedAt: Date.now() };
    await keepTabView(tabId, now);
    return now;
  },

  'page.selection': async ({ tabId }) => {
    const answer = (await askTab(tabId, PAGE_ASKS.selection)) as { text?: unknown } | null;
    return { text: typeof answer?.text === 'string' ? answer.text : '' };
  },

  'clip.pending': async () => ({ clipId: await latestClipId() }),
} satisfies TopicHandlers;
