// Gmail's content script before the thread reader runs: in an idle inbox it follows the URL and
// says there is nothing to file, touching nothing of the page but window; the first time a
// thread may show, it has the background run the reader and hands the page over to it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageLifetime } from '../../../../utils/panel/page-lifetime';
import { PAGE_ASKS } from '../../../../utils/page-asks';
import { claimReader, readerClaimKey } from '../../../../utils/panel/reader-claim';
import { waitForReader } from '../../../../utils/panel/wait-for-reader';

const THREAD = '#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm';

type Listener = (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => false;
let listeners: Set<Listener>;
let sent: Array<{ type: string; payload: unknown }>;
let answer: () => Promise<unknown>;
let runtimeId: string | undefined;

const runtime = {
  sendMessage: vi.fn(async (message: { type: string; payload: unknown }) => {
    sent.push(message);
    return answer();
  }),
  onMessage: {
    addListener: (listener: Listener) => listeners.add(listener),
    removeListener: (listener: Listener) => listeners.delete(listener),
  },
};

/** What the page's listeners answer the background's ask, if any answers. */
const ask = (type: string) => {
  let answered: unknown;
  for (const listener of listeners) listener({ type }, {}, (reply) => (answered = reply));
  return answered;
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const moveTo = async (hash: string) => {
  location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  await settle();
};
const start = () =>
  waitForReader(pageLifetime(() => runtimeId), {
    site: 'gmail',
    mayShow: () => location.hash.startsWith('#inbox/'),
    runtime: runtime as never,
  });

beforeEach(() => {
  listeners = new Set();
  sent = [];
  answer = async () => ({ ok: true, data: {} });
  runtimeId = 'highcard';
  location.hash = '#inbox';
});

afterEach(() => {
  // Ends every script a test started, so that none hears the next test's moves.
  runtimeId = undefined;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  vi.unstubAllGlobals();
  delete (globalThis as Record<string, unknown>)[readerClaimKey('gmail')];
});

describe('Gmail’s content script before the reader', () => {
  it('in an inbox says once that there is nothing to file and answers the panel so, without touching the document', async () => {
    vi.stubGlobal('document', new Proxy({}, { get: () => { throw new Error('the document was touched in the inbox'); } }));
    start();
    await settle();
    await moveTo('#sent');
    await moveTo('#inbox');
    expect(sent).toEqual([{ type: 'page.report', payload: { view: null } }]);
    expect(ask(PAGE_ASKS.read)).toEqual({ view: null });
  });

  it('answers "Add selection" with the text the rep selected', async () => {
    document.body.innerHTML = '<p>Pilot starts in March</p>';
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p')!);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    start();
    expect(ask(PAGE_ASKS.selection)).toEqual({ text: 'Pilot starts in March' });
  });

  it('has the reader run once a thread may show, then leaves the page to it: no more reports, listeners or answers', async () => {
    const removed = vi.spyOn(window, 'removeEventListener');
    start();
    await settle();
    await moveTo(THREAD);
    expect(sent.map(({ type, payload }) => [type, payload])).toEqual([
      ['page.report', { view: null }],
      ['page.reader', { site: 'gmail' }],
    ]);
    expect(removed.mock.calls.map(([type]) => type).sort()).toEqual(['hashchange', 'popstate']);
    expect(listeners.size).toBe(0);
    await moveTo('#inbox');
    expect(sent).toHaveLength(2);
  });

  it('leaves the panel’s asks to the reader while it starts, and asks again on the next move if it could not run', async () => {
    let ran!: (answer: unknown) => void;
    answer = () => new Promise((resolve) => (ran = resolve));
    location.hash = THREAD;
    start();
    expect(sent.map(({ type }) => type)).toEqual(['page.reader']);
    expect(ask(PAGE_ASKS.read)).toBeUndefined();
    ran({ ok: false, error: 'Cannot access contents of the page.', kind: 'bug' });
    await settle();
    answer = async () => ({ ok: true, data: {} });
    await moveTo(`${THREAD}?compose=new`);
    expect(sent.map(({ type }) => type)).toEqual(['page.reader', 'page.reader']);
  });

  it('steps aside when the reader was run for the panel meanwhile: no answer, no report, no second ask for it', async () => {
    start();
    await settle();
    claimReader('gmail', () => true);
    expect(ask(PAGE_ASKS.read)).toBeUndefined();
    expect(listeners.size).toBe(0);
    await moveTo(THREAD);
    await moveTo('#sent');
    expect(sent.map(({ type }) => type)).toEqual(['page.report']);
  });

  it('asks for the reader again where the reader that ran was orphaned by a reload of the extension', async () => {
    let alive = true;
    claimReader('gmail', () => alive);
    alive = false;
    location.hash = THREAD;
    start();
    expect(sent.map(({ type }) => type)).toEqual(['page.reader']);
  });

  it('stops once the extension is gone from under the page', async () => {
    start();
    await settle();
    runtimeId = undefined;
    await moveTo(THREAD);
    runtimeId = 'highcard';
    await moveTo('#inbox');
    await moveTo(THREAD);
    expect(sent.map(({ type }) => type)).toEqual(['page.report']);
    expect(listeners.size).toBe(0);
  });
});
