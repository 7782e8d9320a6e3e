// The content scripts' watcher on its own lifetime (the Gmail script's, without WXT's context):
// it reads nothing of the page until the URL may show something, and it stops for good once the
// extension is reloaded or updated under the page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageLifetime } from '../../../../utils/panel/page-lifetime';
import type { SiteView } from '../../../../utils/panel/types';
import { watchPage } from '../../../../utils/panel/watch-page';

const THREAD = '#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm';
const view = { site: 'gmail', heading: 'Pilot rollout' } as unknown as SiteView;

let reports: unknown[];
let runtimeId: string | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  reports = [];
  runtimeId = 'highcard';
  Object.defineProperty(fakeBrowser.runtime, 'id', { configurable: true, get: () => runtimeId });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    reports.push((message as { payload: { view: unknown } }).payload.view);
    return { ok: true, data: null };
  });
  location.hash = '#inbox';
});

afterEach(() => {
  // Ends every watcher a test started, so that none hears the next test's moves.
  runtimeId = undefined;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const moveTo = async (hash: string) => {
  location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  await Promise.resolve();
};

const watchGmail = (readView: () => SiteView | null) =>
  watchPage(pageLifetime(() => fakeBrowser.runtime.id), {
    site: 'gmail',
    mayShow: () => location.hash.startsWith('#inbox/'),
    readView,
    contentRoot: () => document.body,
  });

describe('a content script on its own lifetime', () => {
  it('reports an inbox as nothing to file without touching the document, and reads a thread once one opens', async () => {
    const readView = vi.fn(() => view);
    vi.stubGlobal(
      'document',
      new Proxy({}, { get: () => { throw new Error('the document was touched in the inbox'); } }),
    );
    watchGmail(readView);
    await Promise.resolve();
    expect(reports).toEqual([null]);
    expect(readView).not.toHaveBeenCalled();

    vi.unstubAllGlobals();
    await moveTo(THREAD);
    expect(readView).toHaveBeenCalled();
    expect(reports).toEqual([null, view]);
  });

  it('stops following the page and reporting once the extension is gone from under it', async () => {
    const readView = vi.fn(() => view);
    const removed = vi.spyOn(window, 'removeEventListener');
    watchGmail(readView);
    await Promise.resolve();
    runtimeId = undefined;
    await moveTo(THREAD);
    expect(removed.mock.calls.map(([type]) => type).sort()).toEqual(['hashchange', 'popstate']);

    // Even with a runtime again (a new script's), the old one stays stopped.
    runtimeId = 'highcard';
    await moveTo('#inbox');
    await moveTo(THREAD);
    expect(reports).toEqual([null]);
    expect(readView).not.toHaveBeenCalled();
  });

  it('stops when a report fails because the extension was reloaded', async () => {
    const readView = vi.fn(() => view);
    watchGmail(readView);
    await Promise.resolve();
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation(async () => {
      runtimeId = undefined;
      throw new Error('Extension context invalidated.');
    });
    const removed = vi.spyOn(window, 'removeEventListener');
    await moveTo(THREAD);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // It noticed on the failed report, before any other move: its listeners are already gone.
    expect(removed.mock.calls.map(([type]) => type).sort()).toEqual(['hashchange', 'popstate']);
    runtimeId = 'highcard';
    vi.mocked(fakeBrowser.runtime.sendMessage).mockResolvedValue({ ok: true, data: null });
    await moveTo('#inbox');
    expect(readView).toHaveBeenCalledTimes(1);
    expect(reports).toEqual([null]);
  });
});
