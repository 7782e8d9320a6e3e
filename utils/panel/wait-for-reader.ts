// The first part of a content script whose site reader is large (Gmail's): while the URL
// cannot show anything to read (an inbox, a label, settings) it only follows the URL, reports
// that there is nothing to file and answers the panel's asks, touching nothing of the page but
// `window` and its location. The first time the URL may show something, it asks the background
// to run the site's reader in this page (`page.reader`: watchPage with the site's readers, which
// follows the page from then on, inbox included) and ends. So an idle inbox holds none of the
// reader: a content script keeps all that its bundle defines for as long as any of its
// listeners lives, which cost an idle Gmail inbox 42 KB of heap.
//
// It talks through the browser's own extension API (Firefox's `browser`, else `chrome`), not
// webextension-polyfill's: importing the polyfill copies every API namespace into a new object
// (6 KB more). Both answer sendMessage with a promise; a reply goes by sendResponse, which both
// support.
import type { browser as Extension } from 'wxt/browser';
import { readSelectedText } from '../capture/selection';
import type { MessageType, Payload, ReaderSite } from '../messages';
import { PAGE_ASKS } from '../page-asks';
import type { pageLifetime } from './page-lifetime';
import { readerRuns } from './reader-claim';

type Runtime = Pick<typeof Extension.runtime, 'sendMessage' | 'onMessage'>;

interface Options {
  site: ReaderSite;
  /** Cheap check of `location`: true where the site's reader is needed. */
  mayShow: () => boolean;
  /** The browser's own runtime API. */
  runtime: Runtime;
}

export function waitForReader(lifetime: ReturnType<typeof pageLifetime>, options: Options): void {
  const { runtime } = options;
  let reported = false;
  /** Asked for the reader and waiting for it: the reader answers from now on. */
  let handingOver = false;

  /** True when the background took the message; a failure may mean the extension is gone. */
  const ask = <K extends MessageType>(type: K, payload: Payload<K>): Promise<boolean> =>
    (runtime.sendMessage({ type, payload }) as Promise<{ ok?: unknown } | undefined>).then(
      (answer) => answer?.ok === true || !lifetime.isValid,
      () => !lifetime.isValid,
    );

  /** The reader runs in this page (asked for here, or by the panel opening on the tab): it
   * follows the page and answers from now on, so this script steps aside. */
  const handedOver = () => {
    if (!readerRuns(options.site)) return false;
    lifetime.end();
    return true;
  };

  const update = () => {
    if (handingOver || !lifetime.isValid || handedOver()) return;
    if (!options.mayShow()) {
      if (reported) return;
      reported = true;
      void ask('page.report', { view: null });
      return;
    }
    handingOver = true;
    void ask('page.reader', { site: options.site }).then((ran) => {
      // The reader runs in this page now and has reported what it shows.
      if (ran) return lifetime.end();
      // Not run (the background could not): try again on the next move.
      handingOver = false;
      reported = false;
    });
  };

  const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void): false => {
    if (handingOver || handedOver()) return false;
    const type = (message as { type?: unknown } | null)?.type;
    if (type === PAGE_ASKS.read) sendResponse({ view: null });
    // "Add selection": the text the rep selected, read only because they asked.
    if (type === PAGE_ASKS.selection) sendResponse({ text: readSelectedText(document) ?? '' });
    return false;
  };
  runtime.onMessage.addListener(onMessage);
  lifetime.onInvalidated(() => runtime.onMessage.removeListener(onMessage));
  lifetime.addEventListener(window, 'hashchange', update);
  lifetime.addEventListener(window, 'popstate', update);
  update();
}
