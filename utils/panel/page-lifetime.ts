// How long a content script may act: until the extension is reloaded, updated or removed under
// the page. The browser then takes the old script's runtime away (`browser.runtime.id` is gone,
// and each message it sends fails "Extension context invalidated"), and the script must stop so
// that it never reports again. WXT's ContentScriptContext knows the same, but it also listens on
// and dispatches an event to `document`, and touching `document` at all makes the browser build
// the document's wrappers for the script: a quarter of what Highcard added to an idle Gmail
// inbox's heap. This lifetime touches only `window`, so a page that shows nothing to read costs
// the page no more than a bare content script.
import { browser } from 'wxt/browser';

/** What watchPage needs of a content script's lifetime; WXT's ContentScriptContext has it too. */
export interface Lifetime {
  /** False once the extension is gone from under the page; asking is what notices it. */
  readonly isValid: boolean;
  onInvalidated(callback: () => void): void;
  /** A listener removed when the lifetime ends. */
  addEventListener(target: Window, type: 'hashchange' | 'popstate', handler: () => void): void;
}

export function pageLifetime(): Lifetime {
  const ends: Array<() => void> = [];
  let valid = true;
  return {
    get isValid() {
      if (valid && browser.runtime?.id == null) {
        valid = false;
        for (const end of ends.splice(0)) end();
      }
      return valid;
    },
    onInvalidated(callback) {
      if (valid) ends.push(callback);
    },
    addEventListener(target, type, handler) {
      target.addEventListener(type, handler);
      ends.push(() => target.removeEventListener(type, handler));
    },
  };
}
