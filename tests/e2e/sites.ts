// Gmail and LinkedIn served from fixture pages, shared by the specs that drive the sidebar.
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { serviceWorkerOf } from './extension';
import { divByOpeningTag, fixture } from './fixtures';

export const GMAIL_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm';

/** Serves Gmail from fixtures: the page for documents, nothing for images and the rest. */
export async function serveGmail(context: BrowserContext, page: () => string): Promise<void> {
  await context.route('https://mail.google.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: page() })
      : route.fulfill({ status: 404, body: '' }),
  );
  await context.route(/^https:\/\/(?!mail\.google\.com)[^/]+\.(google|gstatic|googleusercontent)\.com\//, (route) =>
    route.fulfill({ status: 404, body: '' }),
  );
}

export const LINKEDIN = {
  feed: '/feed/',
  profile: '/in/lena-brandt-7a3b21/',
  thread: '/messaging/thread/2-ZTk4YjNmMmEtNGQ1Yy00ZTZmLWI3YTgtOWMwZDFlMmYzYTRiXzEwMA==/',
} as const;

export const LINKEDIN_PAGES: Record<string, string> = {
  [LINKEDIN.feed]: 'linkedin/feed.html',
  [LINKEDIN.profile]: 'linkedin/profile-classic.html',
  [LINKEDIN.thread]: 'linkedin/messaging-thread.html',
};

export async function serveLinkedIn(context: BrowserContext): Promise<void> {
  await context.route('https://www.linkedin.com/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    const page = LINKEDIN_PAGES[path];
    return route.request().resourceType() === 'document' && page
      ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture(page) })
      : route.fulfill({ status: 404, body: '' });
  });
  await context.route(/^https:\/\/[^/]*licdn\.com\//, (route) => route.fulfill({ status: 404, body: '' }));
}

/** What LinkedIn does on a click: swap the application outlet and push the new URL. */
export async function navigateInApp(page: Page, path: string): Promise<void> {
  const outlet = divByOpeningTag(fixture(LINKEDIN_PAGES[path]!), /<div class="application-outlet">/);
  await page.evaluate(
    ([html, to]) => {
      document.querySelector('div.application-outlet')!.outerHTML = html;
      history.pushState({}, '', to);
    },
    [outlet, path] as const,
  );
}

/** The id of the tab a page is in, asked of the extension's own background. Tabs on sites
 * Highcard may read show their address; any other tab is found as the active one. */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  const worker = await serviceWorkerOf(context);
  await page.bringToFront();
  const id = await worker.evaluate(async (wanted) => {
    // The worker's own global: Chrome's extension API (no types for it in the test's scope).
    type Tab = { id?: number; url?: string; active?: boolean };
    const api = (globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<Tab[]> } } }).chrome;
    const tabs = await api.tabs.query({});
    const exact = tabs.filter((tab) => tab.url === wanted);
    if (exact.length > 0) return exact.at(-1)!.id ?? null;
    const active = tabs.filter((tab) => tab.active && (tab.url === undefined || tab.url === wanted));
    return active.length === 1 ? (active[0]!.id ?? null) : null;
  }, page.url());
  if (id === null) throw new Error(`No tab shows ${page.url()}`);
  return id;
}

/** Highcard's side panel pinned to the tab `page` is in, opened as a page of its own (as a
 * panel popped out into a window is): `sidepanel.html?tab=<id>`. */
export async function openPanel(context: BrowserContext, page: Page): Promise<Page> {
  const worker = await serviceWorkerOf(context);
  const extensionId = new URL(worker.url()).host;
  const tabId = await tabIdOf(context, page);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

/** The panel's main landmark, "Highcard". */
export const highcardIn = (panel: Page): Locator => panel.getByRole('main', { name: 'Highcard' });

/** The region "This page" of the panel beside `page` (opened now). */
export async function thisPageBeside(context: BrowserContext, page: Page): Promise<Locator> {
  return thisPageIn(await openPanel(context, page));
}

export const thisPageIn = (panel: Page): Locator => highcardIn(panel).getByRole('region', { name: 'This page', exact: true });
