import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageHandlers } from '../../../../utils/background/handlers/page';
import { followTabs, forgetKeptViews } from '../../../../utils/background/page-views';
import { tabViewsItem } from '../../../../utils/storage';
import type { PageView } from '../../../../utils/messages';
import { PAGE_ASKS } from '../../../../utils/page-asks';

beforeEach(() => {
  fakeBrowser.reset();
  forgetKeptViews();
  vi.restoreAllMocks();
});

const view = (heading: string): PageView => ({
  site: 'gmail',
  id: `gmail:${heading}`,
  heading,
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  lookup: { emails: ['mia@acme-robotics.example'], linkedinUrl: null },
  subject: 'acme-robotics.example',
  sources: [],
});
const fromTab = (tabId: number, frameId = 0) => ({ tab: { id: tabId } as never, frameId });

describe('the view of each tab, for the side panel', () => {
  it('keeps what each tab reported, per tab, and answers the panel from it', async () => {
    await pageHandlers['page.report']({ view: view('Pilot') }, fromTab(3));
    await pageHandlers['page.report']({ view: view('Invoice') }, fromTab(4));
    const ask = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    expect((await pageHandlers['page.get']({ tabId: 3, fresh: false })).view?.heading).toBe('Pilot');
    expect((await pageHandlers['page.get']({ tabId: 4, fresh: false })).view?.heading).toBe('Invoice');
    expect(ask).not.toHaveBeenCalled();
  });

  it('writes each report to storage once, reading what it keeps only once per worker', async () => {
    await pageHandlers['page.report']({ view: view('Pilot') }, fromTab(3));
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    await pageHandlers['page.report']({ view: view('Invoice') }, fromTab(4));
    await pageHandlers['page.report']({ view: view('Renewal') }, fromTab(3));
    expect(get).not.toHaveBeenCalled();
    expect(set).toHaveBeenCalledTimes(2);
    const stored = await tabViewsItem.getValue();
    expect(Object.fromEntries(Object.entries(stored).map(([tab, kept]) => [tab, kept.view?.heading]))).toEqual({ 3: 'Renewal', 4: 'Invoice' });
  });

  it('keeps both of two reports that arrive at once', async () => {
    await Promise.all([pageHandlers['page.report']({ view: view('Pilot') }, fromTab(3)), pageHandlers['page.report']({ view: view('Invoice') }, fromTab(4))]);
    expect(Object.keys(await tabViewsItem.getValue()).sort()).toEqual(['3', '4']);
  });

  it('runs Gmail’s thread reader in the asking Gmail page’s main frame, and nowhere else', async () => {
    const run = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    const gmail = (frameId = 0, url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm') => ({ ...fromTab(3, frameId), url });
    expect(await pageHandlers['page.reader']({ site: 'gmail' }, gmail())).toEqual({});
    expect(run).toHaveBeenCalledWith({ target: { tabId: 3, frameIds: [0] }, files: ['/gmail-reader.js'] });
    run.mockClear();
    const declined = { name: 'HighcardError', kind: 'refused' };
    await expect(pageHandlers['page.reader']({ site: 'gmail' }, gmail(5))).rejects.toMatchObject(declined);
    await expect(
      pageHandlers['page.reader']({ site: 'gmail' }, gmail(0, 'https://mail.google.com.evil.example/mail/u/0/#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm')),
    ).rejects.toMatchObject(declined);
    await expect(pageHandlers['page.reader']({ site: 'gmail' }, { frameId: 0, url: 'https://mail.google.com/mail/u/0/' })).rejects.toMatchObject(declined);
    expect(run).not.toHaveBeenCalled();
  });

  it('runs the reader only in the asking document when the browser names it', async () => {
    const run = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm';
    await pageHandlers['page.reader']({ site: 'gmail' }, { ...fromTab(3), url, documentId: 'DOC-GMAIL' });
    expect(run).toHaveBeenCalledWith({ target: { tabId: 3, documentIds: ['DOC-GMAIL'] }, files: ['/gmail-reader.js'] });
    expect(run).not.toHaveBeenCalledWith(expect.objectContaining({ target: expect.objectContaining({ frameIds: [0] }) }));
  });

  it('answers a declined reader request with a refusal, so the content script asks again on its next move', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    const prerendered = { ...fromTab(3, 7), url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm' };
    await expect(pageHandlers['page.reader']({ site: 'gmail' }, prerendered)).rejects.toMatchObject({ kind: 'refused' });
  });

  it('takes no report from a frame inside the page', async () => {
    await pageHandlers['page.report']({ view: view('Ad frame') }, fromTab(3, 5));
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    expect(await pageHandlers['page.get']({ tabId: 3, fresh: false })).toEqual({ view: null, reportedAt: null });
  });

  it('reads the page again when asked fresh, or when nothing is known, and keeps the answer', async () => {
    await pageHandlers['page.report']({ view: view('Before') }, fromTab(3));
    const ask = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ view: view('Now') } as never);
    expect((await pageHandlers['page.get']({ tabId: 3, fresh: true })).view?.heading).toBe('Now');
    expect(ask).toHaveBeenCalledWith(3, { type: PAGE_ASKS.read }, { frameId: 0 });
    expect((await pageHandlers['page.get']({ tabId: 9, fresh: false })).view?.heading).toBe('Now');
    ask.mockClear();
    expect((await pageHandlers['page.get']({ tabId: 3, fresh: false })).view?.heading).toBe('Now');
    expect(ask).not.toHaveBeenCalled();
  });

  it('answers nothing to file for a tab without Highcard’s content script, and keeps no malformed answer', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    expect(await pageHandlers['page.get']({ tabId: 5, fresh: false })).toEqual({ view: null, reportedAt: null });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ view: { heading: 42 } } as never);
    expect(await pageHandlers['page.get']({ tabId: 5, fresh: true })).toEqual({ view: null, reportedAt: null });
  });

  it('reads the selection only of the tab asked about', async () => {
    const ask = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ text: 'we need SSO' } as never);
    expect(await pageHandlers['page.selection']({ tabId: 6 })).toEqual({ text: 'we need SSO' });
    expect(ask).toHaveBeenCalledWith(6, { type: PAGE_ASKS.selection }, { frameId: 0 });
  });
});

describe('a tab that starts loading', () => {
  const loading = (tabId: number) => fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, { id: tabId } as never);
  const kept = async (tabId: number) => (await tabViewsItem.getValue())[String(tabId)]?.view?.heading ?? null;

  it('keeps the view the content script answers, which it will not report again', async () => {
    followTabs();
    await pageHandlers['page.report']({ view: view('Pilot') }, fromTab(3));
    const ask = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ view: view('Renewal') } as never);
    await loading(3);
    await vi.waitFor(async () => expect(await kept(3)).toBe('Renewal'));
    expect(ask).toHaveBeenCalledWith(3, { type: PAGE_ASKS.read }, { frameId: 0 });
  });

  it('forgets what the tab showed when no content script answers (a new document)', async () => {
    followTabs();
    await pageHandlers['page.report']({ view: view('Pilot') }, fromTab(3));
    const ask = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    await loading(3);
    await vi.waitFor(() => expect(ask).toHaveBeenCalled());
    await vi.waitFor(async () => expect(await tabViewsItem.getValue()).toEqual({}));
  });

  it('keeps a report that arrives while the question is out over the older answer', async () => {
    followTabs();
    await pageHandlers['page.report']({ view: view('Pilot') }, fromTab(3));
    let answer: (value: unknown) => void = () => undefined;
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockReturnValue(new Promise((resolve) => (answer = resolve)) as never);
    await loading(3);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await pageHandlers['page.report']({ view: view('Newest') }, fromTab(3));
    answer({ view: view('Older') });
    // The older answer is handled within a few turns of the event loop; give it them all.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await kept(3)).toBe('Newest');
  });
});
