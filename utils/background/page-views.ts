// The latest view per tab, as its content script reported it, in session storage (memory
// only, never synced or written to disk): the side panel reads it through handlers/page.ts.
import { browser } from 'wxt/browser';
import { pageViewSchema, type TabView } from '../messages';
import { PAGE_ASKS } from '../page-asks';
import { tabViewsItem } from '../storage';
import { forgetReaderProblem } from './readers';
import { inBackground } from './services';

/** Tabs remembered at most; the oldest reports are forgotten first. */
const TAB_LIMIT = 30;

/** What this worker last wrote: only it writes the views, so after one read per worker a report
 * costs one storage write, not a read and a write (a report is on the side panel's hot path).
 * Changed in place, so two reports at once both stay. The storage is the truth; the copy dies
 * with the worker. */
let views: Record<string, TabView> | null = null;
let loading: Promise<Record<string, TabView>> | null = null;
function keptViews(): Promise<Record<string, TabView>> {
  if (views) return Promise.resolve(views);
  loading ??= tabViewsItem.getValue().then(
    (stored) => (views ??= { ...stored }),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Forgets the worker's copy (tests that reset the browser's storage under it). */
export function forgetKeptViews(): void {
  views = null;
  loading = null;
}

export async function tabViewOf(tabId: number): Promise<TabView | null> {
  return (await keptViews())[String(tabId)] ?? null;
}

export async function keepTabView(tabId: number, view: TabView | null): Promise<void> {
  const all = await keptViews();
  if (view) all[String(tabId)] = view;
  else delete all[String(tabId)];
  const oldest = Object.entries(all)
    .sort(([, a], [, b]) => (b.reportedAt ?? 0) - (a.reportedAt ?? 0))
    .slice(TAB_LIMIT);
  for (const [id] of oldest) delete all[id];
  await tabViewsItem.setValue({ ...all });
}

/** Asks the content script in a tab; null when there is none (any other site, a new page
 * still loading, a page the browser does not let extensions read). */
export async function askTab(tabId: number, type: (typeof PAGE_ASKS)[keyof typeof PAGE_ASKS]): Promise<unknown> {
  try {
    return (await browser.tabs.sendMessage(tabId, { type }, { frameId: 0 })) ?? null;
  } catch {
    return null;
  }
}

/** A tab closed: its view goes. A tab loading a new document: its old view goes unless the
 * content script is still there to say what it shows (a single-page app's own navigation). */
export function followTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetReaderProblem(tabId);
    inBackground('forget a closed tab', keepTabView(tabId, null));
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    inBackground(
      'forget what a tab showed before',
      (async () => {
        if ((await tabViewOf(tabId)) === null) return;
        const asked = Date.now();
        const answer = (await askTab(tabId, PAGE_ASKS.read)) as { view?: unknown } | null;
        if (!answer) return keepTabView(tabId, null);
        // The content script counts a view it answered as reported and will not report it
        // again, so the answer is kept here, unless a report newer than the question came in.
        const parsed = pageViewSchema.nullable().safeParse(answer.view);
        if (!parsed.success || ((await tabViewOf(tabId))?.reportedAt ?? 0) > asked) return;
        await keepTabView(tabId, { view: parsed.data, reportedAt: Date.now() });
      })(),
    );
  });
}
