// A content script's whole job: read the page and tell the background what it shows, for the
// side panel beside it (pact rule 12: it inserts nothing, changes no style, covers nothing).
// It reads on navigation and when the site changes its own DOM, reports only when what it
// read changed, and answers the background when the panel asks for the page as it is now.
// Every listener, observer and timer ends with the script's lifetime (utils/panel/page-lifetime.ts).
// Until the URL may show something to read, it touches nothing of the page but `window`'s
// location and events: an idle inbox or feed costs the page no more than a bare content script.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readSelectedText } from '../capture/selection';
import type { PageSite } from '../messages';
import type { Lifetime } from './page-lifetime';
import { PAGE_ASKS } from '../page-asks';
import { send } from '../send';
import type { SiteView } from './types';

/** How long a page that looks like a thread may stay unreadable before the panel says so. */
const UNREADABLE_WAIT_MS = 2_500;
/** The site's DOM changes in bursts: read at most this often while it does. */
const SETTLE_MS = 150;


interface Options {
  site: PageSite;
  /** Reads the page; null when there is nothing to file here. */
  readView: () => SiteView | null;
  /** Cheap URL check run before any DOM is read. */
  mayShow: (url: string) => boolean;
  /** The element the site renders its content into (observed for the site's own changes). */
  contentRoot: () => Element | null;
  /** Calls `update` on the site's other moves, for a site that navigates by the History API
   * (LinkedIn, Outlook); one routed by the URL's hash alone (Gmail) is followed by hashchange
   * and popstate and needs none. */
  followLocation?: (update: () => void) => void;
}

export function watchPage(lifetime: Lifetime, options: Options): void {
  let reported: string | null = null;
  let unreadableTimer: ReturnType<typeof setTimeout> | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | null = null;
  let observer: MutationObserver | null = null;
  let observed: Element | null = null;
  let recordedFor: string | null = null;

  const read = (): SiteView | null => (options.mayShow(location.href) ? options.readView() : null);

  const report = (view: SiteView | null) => {
    const text = JSON.stringify(view);
    if (text === reported || !lifetime.isValid) return;
    reported = text;
    void send('page.report', { view }).then(stopIfGone);
  };

  // A report that failed may have found the extension gone: asking the lifetime ends it then.
  const stopIfGone = (result: { ok: boolean }) => result.ok || lifetime.isValid;

  const update = () => {
    if (!lifetime.isValid) return;
    watch();
    const view = read();
    if (!view?.unreadable) {
      if (unreadableTimer) clearTimeout(unreadableTimer);
      unreadableTimer = null;
      return report(view);
    }
    // Looks like a thread but cannot be read yet: the page may only be slow. Say so (and keep
    // which parts failed, locally) only once it stays that way.
    if (unreadableTimer) return;
    unreadableTimer = setTimeout(() => {
      unreadableTimer = null;
      const now = read();
      if (!now?.unreadable) return;
      report(now);
      // Once per page: the site changing its DOM again is not another failure.
      if (recordedFor === location.href) return;
      recordedFor = location.href;
      void send('readFailure.record', { site: options.site, ...now.unreadable }).then(stopIfGone);
    }, UNREADABLE_WAIT_MS);
  };

  // At most one read per SETTLE_MS however busy the site is.
  const scheduled = () => {
    if (settleTimer) return;
    settleTimer = setTimeout(() => {
      settleTimer = null;
      update();
    }, SETTLE_MS);
  };

  /** Observes the site's content root; sites replace it on navigation, so it is found again.
   * Only while the URL may show something: elsewhere (an inbox, a feed) the site's own DOM
   * churn is none of our business, and navigating back here reads and observes again. */
  const watch = () => {
    if (!options.mayShow(location.href)) {
      observer?.disconnect();
      observer = null;
      observed = null;
      return;
    }
    const root = options.contentRoot() ?? document.body;
    if (root === observed) return;
    observer?.disconnect();
    observed = root;
    observer = new MutationObserver(scheduled);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  };

  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === PAGE_ASKS.read) {
      const view = read();
      // Not readable yet, but the page may only be slow: answer what was last reported until
      // the wait is over (the report then says so, and the failure is recorded once).
      if (view?.unreadable) return Promise.resolve({ view: reported ? (JSON.parse(reported) as SiteView | null) : null });
      reported = JSON.stringify(view);
      return Promise.resolve({ view });
    }
    // "Add selection": the text the rep selected, read only because they asked.
    if (type === PAGE_ASKS.selection) return Promise.resolve({ text: readSelectedText(document) ?? '' });
    return undefined;
  };
  // The browser waits on the returned promise for the answer (webextension-polyfill); the
  // promises here are already resolved, so none can reject unseen.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener(onMessage);

  lifetime.onInvalidated(() => {
    observer?.disconnect();
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the listener added above
    browser.runtime.onMessage.removeListener(onMessage);
    if (unreadableTimer) clearTimeout(unreadableTimer);
    if (settleTimer) clearTimeout(settleTimer);
  });
  lifetime.addEventListener(window, 'hashchange', update);
  lifetime.addEventListener(window, 'popstate', update);
  options.followLocation?.(update);
  update();
}

/** Follows a site that navigates by the History API through WXT's location watcher. WXT 0.20
 * fires wxt:locationchange from the Navigation API's navigate event, before the new URL is
 * committed: `update` reads the page once the navigation has happened. */
export function followHistory(ctx: ContentScriptContext, update: () => void): void {
  ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(update, 0));
}
