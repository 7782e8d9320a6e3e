// Running Gmail's thread reader in a tab, and what the panel shows when it cannot run: the tab
// closed or went elsewhere meanwhile (nothing to say), the browser does not let Highcard read
// Gmail (say so, offer Try again), anything else (say so, offer Try again); and never a second
// reader in one document.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageHandlers } from '../../../../utils/background/handlers/page';
import { followTabs, forgetKeptViews } from '../../../../utils/background/page-views';
import { HighcardError } from '../../../../utils/errors';
import type { PageView } from '../../../../utils/messages';
import { tabViewProblem } from '../../../../utils/panel/states';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm';
const INBOX_URL = 'https://mail.google.com/mail/u/0/#inbox';
const fromGmail = (tabId: number, url = THREAD_URL) => ({ tab: { id: tabId } as never, frameId: 0, url });

/** The tab as the browser describes it now: null once it is closed; url undefined where the
 * browser hides it (Firefox without the host permission). */
let tabs: Map<number, { id: number; url?: string }>;
/** What each executeScript call does: the probe for a running reader, then the reader's file. */
let probe: () => Promise<unknown>;
let inject: () => Promise<unknown>;
let run: { mock: { calls: Array<[object]> } } & ReturnType<typeof vi.fn>;
const injected = () => run.mock.calls.filter(([options]) => 'files' in (options as object)).length;

/** Whether the panel asking about tab 3, its URL hidden as Firefox hides it, runs the reader:
 * only a failure the background remembers tells it the tab is Gmail's. */
async function panelRetriesHiddenTab(): Promise<boolean> {
  tabs.set(3, { id: 3 });
  inject = async () => [{ result: undefined }];
  run.mockClear();
  await pageHandlers['page.get']({ tabId: 3, fresh: false }).catch(() => undefined);
  return injected() > 0;
}

beforeEach(() => {
  fakeBrowser.reset();
  forgetKeptViews();
  vi.restoreAllMocks();
  tabs = new Map([[3, { id: 3, url: THREAD_URL }]]);
  probe = async () => [{ result: false }];
  inject = async () => [{ result: undefined }];
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (tabId: number) => {
    const tab = tabs.get(tabId);
    if (!tab) throw new Error(`No tab with id: ${tabId}.`);
    return tab as never;
  });
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
  run = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(((options: object) => ('files' in options ? inject() : probe())) as never) as never;
});

const view = (heading: string): PageView => ({
  site: 'gmail',
  id: `gmail:${heading}`,
  heading,
  url: THREAD_URL,
  lookup: { emails: ['mia@acme-robotics.example'], linkedinUrl: null },
  subject: 'acme-robotics.example',
  sources: [],
});

describe('running the thread reader when the browser cannot', () => {
  it('says nothing when the tab was closed meanwhile, and the panel keeps no failure for it', async () => {
    inject = async () => {
      tabs.delete(3);
      throw new Error('No tab with id: 3.');
    };
    await expect(pageHandlers['page.reader']({ site: 'gmail' }, fromGmail(3))).resolves.toEqual({});
    expect(await panelRetriesHiddenTab()).toBe(false);
  });

  it('says nothing when the tab went to another page meanwhile, in Gmail or elsewhere: the new page’s script asks itself', async () => {
    inject = async () => {
      throw new Error('Frame with ID 0 was removed.');
    };
    await expect(pageHandlers['page.reader']({ site: 'gmail' }, fromGmail(3))).resolves.toEqual({});
    tabs.set(3, { id: 3, url: 'https://example.com/' });
    inject = async () => {
      throw new Error('Cannot access contents of url "https://example.com/". Extension manifest must request permission to access this host.');
    };
    await expect(pageHandlers['page.reader']({ site: 'gmail' }, fromGmail(3))).resolves.toEqual({});
    expect(await panelRetriesHiddenTab()).toBe(false);
  });

  it('tells the panel that Highcard may not read Gmail, with Try again, and runs the reader once the rep allowed it', async () => {
    // Firefox, where MV3 host permissions are the user's to grant: the URL is hidden too.
    tabs.set(3, { id: 3 });
    inject = async () => {
      throw new Error('Missing host permission for the tab');
    };
    const refused = await pageHandlers['page.reader']({ site: 'gmail' }, fromGmail(3)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HighcardError);
    expect((refused as HighcardError).kind).toBe('refused');
    const shown = await pageHandlers['page.get']({ tabId: 3, fresh: false }).catch((error: unknown) => error as HighcardError);
    expect(shown).toBeInstanceOf(HighcardError);
    const problem = tabViewProblem((shown as HighcardError).kind, (shown as HighcardError).message, true);
    expect(problem.action).toBe('retry');
    expect(problem.text).toMatch(/not allowed to read mail\.google\.com.*permissions/);

    // Allowed now: "Try again" asks the background about the tab again, and the reader runs.
    inject = async () => [{ result: undefined }];
    run.mockClear();
    await expect(pageHandlers['page.get']({ tabId: 3, fresh: false })).resolves.toEqual({ view: null, reportedAt: null });
    expect(injected()).toBe(1);
    // Past it: the tab's failure is forgotten, so nothing runs again for a hidden URL.
    expect(await panelRetriesHiddenTab()).toBe(false);
  });

  it('says the reader did not start on any other failure, with Try again, and the content script is told so to ask again', async () => {
    inject = async () => {
      throw new Error('Could not load file: "gmail-reader.js".');
    };
    const failed = await pageHandlers['page.reader']({ site: 'gmail' }, fromGmail(3)).catch((error: unknown) => error as HighcardError);
    expect(failed).toBeInstanceOf(HighcardError);
    expect((failed as HighcardError).kind).toBe('bug');
    const problem = tabViewProblem((failed as HighcardError).kind, (failed as HighcardError).message, true);
    expect(problem).toEqual({ text: expect.stringContaining('reader did not start'), action: 'retry' });
  });

  it('forgets a failure when its tab closes', async () => {
    followTabs();
    inject = async () => {
      throw new Error('Missing host permission for the tab');
    };
    await pageHandlers['page.reader']({ site: 'gmail' }, fromGmail(3)).catch(() => undefined);
    // Kept while the tab is open: the panel's question runs the reader again (and gets past it).
    expect(await panelRetriesHiddenTab()).toBe(true);

    tabs.set(3, { id: 3, url: THREAD_URL });
    inject = async () => {
      throw new Error('Missing host permission for the tab');
    };
    await pageHandlers['page.reader']({ site: 'gmail' }, fromGmail(3)).catch(() => undefined);
    await fakeBrowser.tabs.onRemoved.trigger(3, { windowId: 1, isWindowClosing: false });
    expect(await panelRetriesHiddenTab()).toBe(false);
  });
});

describe('the reader for a tab the panel opens on', () => {
  it('runs in a Gmail tab the panel opens on, even in the inbox, so the first thread paints without waiting for it', async () => {
    tabs.set(3, { id: 3, url: INBOX_URL });
    await pageHandlers['page.report']({ view: null }, fromGmail(3, INBOX_URL));
    await pageHandlers['page.get']({ tabId: 3, fresh: false });
    expect(run).toHaveBeenCalledWith({ target: { tabId: 3, frameIds: [0] }, files: ['/gmail-reader.js'] });
  });

  it('runs in a Gmail tab left without Highcard’s script by a reload of the extension', async () => {
    // No kept view and no content script to answer: the reader is run, and it reports.
    await pageHandlers['page.get']({ tabId: 3, fresh: false });
    expect(injected()).toBe(1);
  });

  it('is not run for a tab that shows a thread already read, nor for a tab on another site', async () => {
    await pageHandlers['page.report']({ view: view('Pilot') }, fromGmail(3));
    tabs.set(4, { id: 4, url: 'https://example.com/' });
    await pageHandlers['page.get']({ tabId: 3, fresh: false });
    await pageHandlers['page.get']({ tabId: 4, fresh: false });
    expect(run).not.toHaveBeenCalled();
  });

  it('is never run into a document where a live reader runs already, however often it is asked', async () => {
    probe = async () => [{ result: true }];
    await pageHandlers['page.reader']({ site: 'gmail' }, fromGmail(3));
    await pageHandlers['page.reader']({ site: 'gmail' }, fromGmail(3));
    await pageHandlers['page.get']({ tabId: 3, fresh: false });
    expect(run).toHaveBeenCalledTimes(3);
    expect(injected()).toBe(0);
  });
});
