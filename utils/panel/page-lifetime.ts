// How long a content script may act: until the extension is reloaded, updated or removed under
// the page. The browser then takes the old script's runtime away (`browser.runtime.id` is gone,
// and each message it sends fails "Extension context invalidated"), and the script must stop so
// that it never reports again. WXT's ContentScriptContext knows the same, but it also listens on
// and dispatches an event to `document`, and touching `document` at all makes the browser build
// the document's wrappers for the script (37 KB of an idle Gmail inbox's heap). This lifetime
// touches only `window`.

/** What watchPage needs of a content script's lifetime; WXT's ContentScriptContext has it too. */
export interface Lifetime {
  /** False once the extension is gone from under the page; asking is what notices it. */
  readonly isValid: boolean;
  onInvalidated(callback: () => void): void;
  /** A listener removed when the lifetime ends. */
  addEventListener(target: Window, type: 'hashchange' | 'popstate', handler: () => void): void;
}

/** The lifetime of a script whose extension's id `runtimeId` reads (through webextension-polyfill
 * or the browser's own API); it also ends when told to (`end`), for a script that hands the page
 * over to another. */
export function pageLifetime(runtimeId: () => string | undefined): Lifetime & { end(): void } {
  const ends: Array<() => void> = [];
  let valid = true;
  const end = () => {
    valid = false;
    for (const callback of ends.splice(0)) callback();
  };
  return {
    get isValid() {
      if (valid && runtimeId() == null) end();
      return valid;
    },
    onInvalidated(callback) {
      if (valid) ends.push(callback);
    },
    addEventListener(target, type, handler) {
      target.addEventListener(type, handler);
      ends.push(() => target.removeEventListener(type, handler));
    },
    end,
  };
}
