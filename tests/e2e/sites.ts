// Gmail and LinkedIn served from fixture pages, shared by the specs that drive the sidebar.
import type { BrowserContext, Page } from '@playwright/test';
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

export const sidebarOf = (page: Page) => page.getByRole('complementary', { name: 'Highcard' });
