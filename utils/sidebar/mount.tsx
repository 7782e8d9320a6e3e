// Mounts the sidebar for one site: in a shadow root, once, following the site's navigation,
// docked beside the page (never over it), and gone without a trace when the page shows
// nothing to file. Every listener and observer is tied to WXT's content-script context, so
// nothing outlives the page or an update. The component to render is handed in by the
// entrypoint: utils/ never imports components/.
import { render, type ComponentType } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { SidebarSite } from '../messages';
import { routeActions } from '../route-actions';
import { RoutingContext } from '../routing-context';
import { send } from '../send';
import { isUnder, OUTBOX_KEY_PREFIX } from '../storage-keys';
import { addSelection, openClipFromPage } from './clip-actions';
import { DOCK_WIDTH, dockPage } from './dock';
import type { SiteView } from './types';
import { useSidebar, type SidebarModel } from './use-sidebar';

export const SIDEBAR_TAG = 'highcard-sidebar';
/** Alt+Shift+H: moves focus into the sidebar (showing it if hidden); pressed inside, hides it. */
export const TOGGLE_SHORTCUT = { key: 'H', altKey: true, shiftKey: true } as const;
/** How long to wait for a page to render what the URL promises before giving up. */
const RENDER_WAIT_MS = 10_000;
/** How long a page that looks like a thread may stay unreadable before the sidebar says so. */
const UNREADABLE_WAIT_MS = 2_500;

interface Options {
  /** Which site this is: whether the sidebar is hidden is remembered per site. */
  site: SidebarSite;
  /** The presentational sidebar (components/Sidebar.tsx). */
  component: ComponentType<SidebarModel>;
  /** Reads the page; null when there is nothing to file here. */
  readView: () => SiteView | null;
  /** Cheap URL check run before any DOM is read. */
  mayShow: (url: string) => boolean;
  /** The element the site renders its content into, observed only while waiting for it. */
  contentRoot: () => Element | null;
}

function subscribeOutbox(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((key) => isUnder(OUTBOX_KEY_PREFIX, key))) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Signed out: Settings opens at sign-in (a content script cannot open it itself). */
function openSignIn(): void {
  void send('sidebar.openSignIn', {});
}

/** What the page's shortcut listener can do to the mounted sidebar. */
interface HostControl {
  collapsed: boolean;
  setCollapsed: (collapsed: boolean) => void;
  focus: () => void;
}

interface HostProps {
  view: SiteView;
  initiallyCollapsed: boolean;
  component: ComponentType<SidebarModel>;
  onCollapsedChange: (collapsed: boolean) => void;
  register: (control: HostControl | null) => void;
}

function Host({ view, initiallyCollapsed, component: Sidebar, onCollapsedChange, register }: HostProps) {
  const [collapsed, setCollapsedState] = useState(initiallyCollapsed);
  const [focusRequest, setFocusRequest] = useState(0);
  const setCollapsed = useCallback(
    (value: boolean) => {
      setCollapsedState(value);
      onCollapsedChange(value);
    },
    [onCollapsedChange],
  );
  const onToggle = useCallback(() => setCollapsed(!collapsed), [collapsed, setCollapsed]);
  useEffect(() => {
    register({ collapsed, setCollapsed, focus: () => setFocusRequest((n) => n + 1) });
    return () => register(null);
  }, [collapsed, setCollapsed, register]);
  const model = useSidebar({ view, collapsed, onToggle, focusRequest, subscribeOutbox, openSignIn });
  // Entries in the sidebar offer "Bring to a colleague" (For you).
  return (
    <RoutingContext.Provider value={routeActions}>
      <Sidebar
        {...model}
        onClip={openClipFromPage}
        onAddSelection={() => addSelection(model.view, model.context.status === 'ready' ? model.context.result : null, model.onOpen)}
      />
    </RoutingContext.Provider>
  );
}

export async function mountSidebar(ctx: ContentScriptContext, options: Options): Promise<void> {
  let container: HTMLElement | null = null;
  let current: SiteView | null = null;
  let control: HostControl | null = null;
  // Asked alongside building the shadow root, not before it: the first paint waits for neither.
  const prefs = send('sidebar.prefs', {});
  let collapsed = false;
  let undock: (() => void) | null = null;

  const dock = (width: number | null) => {
    undock?.();
    undock = width === null ? null : dockPage(document.documentElement, width);
  };
  const onCollapsedChange = (value: boolean) => {
    collapsed = value;
    dock(value ? DOCK_WIDTH.collapsed : DOCK_WIDTH.open);
    void send('sidebar.setHidden', { site: options.site, hidden: value });
  };
  const register = (next: HostControl | null) => {
    control = next;
  };

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
      control = null;
      dock(null);
    },
  });
  const answer = await prefs;
  collapsed = answer.ok ? Boolean(answer.data.hidden[options.site]) : false;

  const show = (view: SiteView) => {
    if (!ui.mounted) ui.mount();
    if (!container) return;
    if (current?.id === view.id && sameSources(current, view)) return;
    current = view;
    dock(collapsed ? DOCK_WIDTH.collapsed : DOCK_WIDTH.open);
    render(
      <Host
        view={view}
        initiallyCollapsed={collapsed}
        component={options.component}
        onCollapsedChange={onCollapsedChange}
        register={register}
      />,
      container,
    );
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
    if (view && !view.unreadable) return show(view);
    hide();
    const root = options.contentRoot() ?? document.body;
    let scheduled = false;
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        const next = options.mayShow(location.href) ? options.readView() : null;
        if (next && !next.unreadable) {
          stopWaiting?.();
          show(next);
        }
      });
    });
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => stopWaiting?.(), RENDER_WAIT_MS);
    // Still unreadable after a moment: say so (and record which parts failed, locally), and
    // keep watching in case the page was only slow.
    const unreadableTimer = setTimeout(() => {
      const now = options.mayShow(location.href) ? options.readView() : null;
      if (!now?.unreadable) return;
      show(now);
      void send('readFailure.record', { site: options.site, ...now.unreadable });
    }, UNREADABLE_WAIT_MS);
    stopWaiting = () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(unreadableTimer);
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
      event.altKey !== TOGGLE_SHORTCUT.altKey ||
      event.shiftKey !== TOGGLE_SHORTCUT.shiftKey ||
      event.key.toUpperCase() !== TOGGLE_SHORTCUT.key ||
      !control
    ) {
      return;
    }
    event.preventDefault();
    // Focus inside a shadow root shows as its host in the page's document.
    const inside = Boolean(ui.shadowHost && document.activeElement === ui.shadowHost);
    if (control.collapsed) {
      control.setCollapsed(false);
      control.focus();
    } else if (!inside) {
      control.focus();
    } else {
      control.setCollapsed(true);
      control.focus();
    }
  });
  update();
}

function sameSources(a: SiteView, b: SiteView): boolean {
  const keys = (view: SiteView) => view.sources.map((s) => `${s.key}|${s.label}|${s.detail}|${s.notice ?? ''}`).join('\n');
  return keys(a) === keys(b);
}
