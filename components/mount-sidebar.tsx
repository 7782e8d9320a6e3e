// Mounts the sidebar for one site: in a shadow root, once, following the site's navigation,
// and gone without a trace when the page shows nothing to file. Every listener and observer
// is tied to WXT's content-script context, so nothing outlives the page or an update.
import { render } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { OUTBOX_KEY_PREFIX } from '../utils/storage';
import { Sidebar, type SiteView } from './Sidebar';

export const SIDEBAR_TAG = 'highcard-sidebar';
/** Alt+Shift+H shows and hides the sidebar. */
export const TOGGLE_SHORTCUT = { key: 'H', altKey: true, shiftKey: true } as const;
/** How long to wait for a page to render what the URL promises before giving up. */
const RENDER_WAIT_MS = 10_000;

interface Options {
  /** Reads the page; null when there is nothing to file here. */
  readView: () => SiteView | null;
  /** Cheap URL check run before any DOM is read. */
  mayShow: (url: string) => boolean;
  /** The element the site renders its content into, observed only while waiting for it. */
  contentRoot: () => Element | null;
}

const outboxKey = OUTBOX_KEY_PREFIX.slice('local:'.length);

function subscribeOutbox(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((key) => key.startsWith(outboxKey))) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

function Host({ view, initiallyCollapsed }: { view: SiteView; initiallyCollapsed: boolean }) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const toggle = useCallback(() => setCollapsed((value) => !value), []);
  hostToggle = toggle;
  return <Sidebar view={view} collapsed={collapsed} onToggle={toggle} subscribeOutbox={subscribeOutbox} />;
}

let hostToggle: (() => void) | null = null;

export async function mountSidebar(ctx: ContentScriptContext, options: Options): Promise<void> {
  let container: HTMLElement | null = null;
  let current: SiteView | null = null;

  const ui = await createShadowRootUi(ctx, {
    name: SIDEBAR_TAG,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount: (uiContainer) => {
      container = uiContainer;
      return uiContainer;
    },
    onRemove: () => {
      if (container) render(null, container);
      container = null;
      hostToggle = null;
    },
  });

  const show = (view: SiteView) => {
    if (!ui.mounted) ui.mount();
    if (!container) return;
    if (current?.id === view.id && sameSources(current, view)) return;
    current = view;
    render(<Host view={view} initiallyCollapsed={false} />, container);
  };

  const hide = () => {
    current = null;
    if (ui.mounted) ui.remove();
  };

  let stopWaiting: (() => void) | null = null;

  /** Reads the page now, or watches the site's content root until what the URL promises has
   * rendered (at most RENDER_WAIT_MS); the observer is gone as soon as it has. */
  const update = () => {
    stopWaiting?.();
    stopWaiting = null;
    if (!ctx.isValid) return;
    if (!options.mayShow(location.href)) return hide();
    const view = options.readView();
    if (view) return show(view);
    hide();
    const root = options.contentRoot() ?? document.body;
    let scheduled = false;
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        const next = options.mayShow(location.href) ? options.readView() : null;
        if (next) {
          stopWaiting?.();
          show(next);
        }
      });
    });
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => stopWaiting?.(), RENDER_WAIT_MS);
    stopWaiting = () => {
      observer.disconnect();
      clearTimeout(timer);
      stopWaiting = null;
    };
  };

  ctx.onInvalidated(() => {
    stopWaiting?.();
    hide();
  });
  ctx.addEventListener(window, 'hashchange', update);
  ctx.addEventListener(window, 'popstate', update);
  // WXT 0.20 fires this from the Navigation API's navigate event, before the new URL is
  // committed: read the page once the navigation has happened.
  ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(update, 0));
  ctx.addEventListener(window, 'keydown', (event: KeyboardEvent) => {
    if (
      event.altKey === TOGGLE_SHORTCUT.altKey &&
      event.shiftKey === TOGGLE_SHORTCUT.shiftKey &&
      event.key.toUpperCase() === TOGGLE_SHORTCUT.key &&
      hostToggle
    ) {
      event.preventDefault();
      hostToggle();
    }
  });
  update();
}

function sameSources(a: SiteView, b: SiteView): boolean {
  const keys = (view: SiteView) => view.sources.map((s) => `${s.key}|${s.label}|${s.detail}`).join('\n');
  return keys(a) === keys(b);
}
