// Gmail → side panel benchmark, measured in Chromium on the fixture with the built extension:
// 1. what Gmail is sent, gzipped: the content script and the thread reader the background runs
//    in the page once a thread may show (target ≤ 15 KB: they read and report, no UI), beside
//    @inboxsdk/core's bundle, the reference a peer extension would ship;
// 2. the panel's hot path: from a thread opening in the tab (the hash change) to the side panel
//    (sidepanel.html?tab=<id>, another page) painted from cache — the thread's subject, then
//    "What the team knows" from the lookup cache — as p50 and p95 ratios to the physical floor
//    measured in the same run, rounds taken in turn: a bare content script telling a bare
//    extension page through the background, which paints a div (bench/floor-extension;
//    target ≤ 1.5×);
// 3. the JavaScript heap the extension adds to an idle inbox, against the same page in a
//    browser without it, samples taken in turn (target ≤ +0.2 MB); the floor's bare content
//    script beside it says what any content script costs there; and, for what stays, the same
//    page back in the inbox after a thread was open in it.
// 4. the first thread in a fresh tab: the tab opens on the inbox with the panel pinned to it,
//    then a thread opens; the time until the panel shows its subject (the path that runs the
//    thread reader in the page first), as a ratio to the floor's same path in a fresh tab.
//    With BEFORE=<dir of another chrome-mv3 build>[,<dir>…] each build runs the same rounds in
//    turn, in a browser of its own, so that two builds compare within one run and one load.
// Any failure (a panel that never paints, a step that times out, a teardown that fails) is
// printed and the run exits non-zero; a missed target prints MISSED.
// Usage: npm run bench:gmail (ROUNDS=n to change the 20 rounds; FIRST_ROUNDS=n the 5 fresh
// tabs; HEAP_ONLY=1 measures the heap alone, without the paint rounds, e.g. to compare builds
// quickly; BEFORE=<dir> adds another build to the first-thread rounds)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { startStack } from '../supabase/local/stack';
import { EXTENSION_DIR as EXTENSION, launchChromium } from '../tests/e2e/browser';
import { tabIdOf } from '../tests/e2e/sites';

/** The least an extension can do for the same paint (see its manifest's description). */
const FLOOR = join(import.meta.dirname, 'floor-extension');

const THREAD_HASH = '#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm';
const ROUNDS = Number(process.env.ROUNDS ?? 20);
const HEAP_ONLY = process.env.HEAP_ONLY === '1';
const HEAP_SAMPLES = 5;
const FIRST_ROUNDS = Number(process.env.FIRST_ROUNDS ?? 5);
/** Other builds for the first-thread rounds (BEFORE=<dir>[,<dir>…]). */
const BEFORE = (process.env.BEFORE ?? '').split(',').filter(Boolean).map((dir) => resolve(dir));
/** How long one paint may take before the round counts as a failure. */
const PAINT_TIMEOUT_MS = 15_000;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** What Gmail is sent, gzipped: the content script and the thread reader it has run (and both). */
function contentScriptSize(): { script: number; reader: number; size: number } {
  const script = gzipSync(readFileSync(join(EXTENSION, 'gmail.js'))).length;
  const reader = gzipSync(readFileSync(join(EXTENSION, 'gmail-reader.js'))).length;
  return { script, reader, size: script + reader };
}

/** @inboxsdk/core's largest script, gzipped, from the registry tarball; null when offline. */
function inboxSdkSize(): number | null {
  const dir = mkdtempSync(join(tmpdir(), 'inboxsdk-'));
  try {
    execFileSync('npm', ['pack', '@inboxsdk/core', '--silent', '--pack-destination', dir], { stdio: 'ignore', timeout: 60_000 });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!tarball) return null;
    execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir]);
    const scripts: string[] = [];
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.js')) scripts.push(path);
      }
    };
    walk(join(dir, 'package'));
    const largest = scripts.sort((a, b) => statSync(b).size - statSync(a).size)[0];
    return largest ? gzipSync(readFileSync(largest)).length : null;
  } catch (error) {
    // Only a comparison: the run goes on, but says why it has none.
    console.warn(`  (no @inboxsdk/core to compare with: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fixture = (name: string) => readFileSync(`tests/fixtures/gmail/${name}`, 'utf8');

async function launch(withExtension: boolean, dir?: string): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const { context, close } = await launchChromium({ extension: withExtension, dir });
  await context.route('https://mail.google.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture('thread-expanded-and-collapsed.html') })
      : route.fulfill({ status: 404, body: '' }),
  );
  return { context, close };
}

async function signIn(context: BrowserContext, apiUrl: string, anonKey: string): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
  // Passed as source text: tsx would wrap named functions in a helper the page lacks.
  const steps = [
    ['connection.set', { url: apiUrl, anonKey }],
    ['session.signUp', { email: `bench+${Date.now()}@lumen-logistics.example`, password: 'bench-password' }],
    ['org.create', { name: 'Bench Logistics' }],
  ];
  const answer = await options.evaluate(`(async () => {
    for (const [type, payload] of ${JSON.stringify(steps)}) {
      const result = await chrome.runtime.sendMessage({ type, payload });
      if (!result || !result.ok) return type + ': ' + (result && result.error);
    }
    return 'ok';
  })()`);
  if (answer !== 'ok') throw new Error(`Signing the bench's user in failed at ${String(answer)}`);
  await options.close();
}

const SUBJECT = 'Acme Robotics — pilot rollout for the Hamburg warehouse';
/** What the panel (and the floor's page) says while the tab shows no thread. */
const NOTHING = 'Nothing to file on this page';

/** The marks a round waits for in the panel, as expressions over `document` (source text). */
const MARKS = {
  /** The thread's subject is shown. */
  subject: `document.body.textContent.includes(${JSON.stringify(SUBJECT)})`,
  /** "What the team knows" holds an answer (its region is busy only while refreshing it). */
  context: `!!document.querySelector('[aria-labelledby="hc-known"] [aria-busy]')`,
} as const;

/** Arms an observer in the panel that resolves window.__marks with the moment each mark is
 * first met while the page is not "nothing to file", or rejects after PAINT_TIMEOUT_MS with
 * what the panel shows. The expression's value is undefined: evaluate() would otherwise wait
 * for the promise, before the thread is even opened. */
const ARM = (marks: Record<string, string>) => `void (window.__marks = new Promise((done, fail) => {
  const now = () => performance.timeOrigin + performance.now();
  const checks = ${`{${Object.entries(marks)
    .map(([name, test]) => `${JSON.stringify(name)}: () => ${test}`)
    .join(', ')}}`};
  const seen = {};
  const look = () => {
    if (document.body.textContent.includes(${JSON.stringify(NOTHING)})) return false;
    for (const [name, check] of Object.entries(checks)) if (!(name in seen) && check()) seen[name] = now();
    return Object.keys(seen).length === Object.keys(checks).length;
  };
  if (look()) return done(seen);
  const timer = setTimeout(() => {
    observer.disconnect();
    fail(new Error('the panel did not show ' + Object.keys(checks).filter((name) => !(name in seen)).join(' and ') + ' within ${PAINT_TIMEOUT_MS} ms; it shows: ' + document.body.innerText.slice(0, 600)));
  }, ${PAINT_TIMEOUT_MS});
  // Mutation observers see the paint the moment the DOM holds it, with no frame rounding.
  const observer = new MutationObserver(() => {
    if (look()) { clearTimeout(timer); observer.disconnect(); done(seen); }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
}))`;

/** Waits until `panel` says there is nothing to file, or fails saying what it shows instead. */
async function nothingShown(panel: Page, who: string): Promise<void> {
  try {
    await panel.waitForFunction((text) => document.body.textContent?.includes(text), NOTHING, { timeout: PAINT_TIMEOUT_MS });
  } catch {
    const shows = await panel.evaluate(() => document.body.innerText.slice(0, 600)).catch(() => '(unreadable)');
    throw new Error(`${who}: the tab went back to #inbox but the panel never said “${NOTHING}”; it shows: ${shows}`);
  }
}

/** The thread opening in `gmail` until `panel` (another page) meets each mark, in ms. The two
 * pages share the browser's clock: timeOrigin + now() is comparable across them. */
async function paintOnce(gmail: Page, panel: Page, marks: Record<string, string>, who: string): Promise<Record<string, number>> {
  await gmail.evaluate(() => (location.hash = '#inbox'));
  await nothingShown(panel, who);
  await panel.evaluate(ARM(marks));
  const start = (await gmail.evaluate(`(() => {
    const start = performance.timeOrigin + performance.now();
    location.hash = ${JSON.stringify(THREAD_HASH)};
    return start;
  })()`)) as number;
  let seen: Record<string, number>;
  try {
    seen = (await panel.evaluate('window.__marks')) as Record<string, number>;
  } catch (error) {
    throw new Error(`${who}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return Object.fromEntries(Object.entries(seen).map(([name, end]) => [name, end - start]));
}

/** A page of the extension in `context` pinned to the tab `gmail` is in: `<path>?tab=<id>`. */
async function pinnedPage(context: BrowserContext, gmail: Page, path: string): Promise<Page> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const tabId = await tabIdOf(context, gmail);
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 800 });
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/${path}?tab=${tabId}`);
  return page;
}

/** A fresh tab on the inbox with `panelPath` pinned to it, saying there is nothing to file;
 * then the first thread opens in it: the time until the panel shows the subject, in ms. */
async function firstThread(context: BrowserContext, panelPath: string, who: string): Promise<number> {
  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
  const panel = await pinnedPage(context, gmail, panelPath);
  return finallyAll(
    async () => {
      await nothingShown(panel, who);
      await panel.evaluate(ARM({ subject: MARKS.subject }));
      // The page has sat idle a moment, as an inbox does before the rep opens a thread.
      await gmail.waitForTimeout(500);
      const start = (await gmail.evaluate(`(() => {
        const start = performance.timeOrigin + performance.now();
        location.hash = ${JSON.stringify(THREAD_HASH)};
        return start;
      })()`)) as number;
      try {
        return ((await panel.evaluate('window.__marks')) as { subject: number }).subject - start;
      } catch (error) {
        throw new Error(`${who}, first thread: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    () => teardown([['closing the first-thread tabs', () => Promise.all([gmail.close(), panel.close()])]]),
  );
}

/** The heap of an inbox (no thread open) that has sat idle, after a full collection; with
 * `afterThread`, of the page back in the inbox after a thread was open in it (Highcard's reader,
 * run for the thread, stays). */
async function idleHeap(context: BrowserContext, afterThread = false): Promise<number> {
  const page = await context.newPage();
  await page.route('https://mail.google.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture(afterThread ? 'thread-expanded-and-collapsed.html' : 'inbox.html') })
      : route.fulfill({ status: 404, body: '' }),
  );
  await page.goto(`https://mail.google.com/mail/u/0/${afterThread ? THREAD_HASH : '#inbox'}`);
  if (afterThread) {
    await page.waitForTimeout(1500);
    await page.evaluate(() => (location.hash = '#inbox'));
  }
  await page.waitForTimeout(1500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  await page.close();
  return usedSize;
}

/** Runs every step however the ones before it ended, and throws all their failures together. */
async function teardown(steps: Array<[string, () => Promise<unknown>]>): Promise<void> {
  const failures: string[] = [];
  for (const [name, step] of steps) {
    try {
      await step();
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length) throw new Error(`teardown failed — ${failures.join('; ')}`);
}

/** Runs `body`, then `after`; a failure of either is thrown, the body's first, neither lost. */
async function finallyAll<T>(body: () => Promise<T>, after: () => Promise<void>): Promise<T> {
  let result: T;
  try {
    result = await body();
  } catch (error) {
    await after().catch((late: unknown) => console.error(`  and then ${late instanceof Error ? late.message : String(late)}`));
    throw error;
  }
  await after();
  return result;
}

interface Figures {
  paints: Record<keyof typeof MARKS, number[]>;
  floorPaints: number[];
  withHeap: number[];
  floorHeap: number[];
  withoutHeap: number[];
  withAfterThread: number[];
  withoutAfterThread: number[];
  first: number[];
  floorFirst: number[];
  beforeFirst: number[][];
}

async function measure(): Promise<Figures> {
  const figures: Figures = { paints: { subject: [], context: [] }, floorPaints: [], withHeap: [], floorHeap: [], withoutHeap: [], withAfterThread: [], withoutAfterThread: [], first: [], floorFirst: [], beforeFirst: [] };
  const stack = await startStack({ dataDir: null, apiPort: 0, dbPort: 0, log: () => {} });
  await finallyAll(
    async () => {
      // Both browsers at once, their rounds taken in turn, so both see the same load.
      const floor = await launch(true, FLOOR);
      const withExtension = await launch(true);
      await finallyAll(
        async () => {
          const floorGmail = await floor.context.newPage();
          await floorGmail.goto(`https://mail.google.com/mail/u/0/${THREAD_HASH}`);
          const floorPanel = await pinnedPage(floor.context, floorGmail, 'page.html');

          await signIn(withExtension.context, stack.apiUrl, stack.anonKey);
          const gmail = await withExtension.context.newPage();
          await gmail.goto(`https://mail.google.com/mail/u/0/${THREAD_HASH}`);
          const panel = await pinnedPage(withExtension.context, gmail, 'sidepanel.html');
          await panel.waitForFunction((text) => document.body.textContent?.includes(text), SUBJECT, { timeout: 30_000 }).catch(async () => {
            throw new Error(`Highcard: the panel never showed the thread; it shows: ${await panel.evaluate(() => document.body.innerText.slice(0, 600))}`);
          });
          for (let round = 0; round <= (HEAP_ONLY ? -1 : ROUNDS); round += 1) {
            const floorTime = await paintOnce(floorGmail, floorPanel, { subject: MARKS.subject }, 'floor');
            const time = await paintOnce(gmail, panel, MARKS, 'Highcard');
            // Round 0 fills the lookup cache.
            if (round === 0) continue;
            figures.floorPaints.push(floorTime.subject!);
            figures.paints.subject.push(time.subject!);
            figures.paints.context.push(time.context!);
          }
          await Promise.all([gmail.close(), panel.close(), floorGmail.close(), floorPanel.close()]);

          if (!HEAP_ONLY) {
            const before: Array<Awaited<ReturnType<typeof launch>>> = [];
            await finallyAll(
              async () => {
                for (const dir of BEFORE) {
                  before.push(await launch(true, dir));
                  await signIn(before.at(-1)!.context, stack.apiUrl, stack.anonKey);
                  figures.beforeFirst.push([]);
                }
                for (let round = 0; round < FIRST_ROUNDS; round += 1) {
                  figures.floorFirst.push(await firstThread(floor.context, 'page.html', 'floor'));
                  figures.first.push(await firstThread(withExtension.context, 'sidepanel.html', 'Highcard'));
                  for (const [n, build] of before.entries()) figures.beforeFirst[n]!.push(await firstThread(build.context, 'sidepanel.html', BEFORE[n]!));
                }
              },
              () => teardown(before.map((build, n) => [`closing the browser of ${BEFORE[n]}`, () => build.close()])),
            );
          }

          // The idle inbox with Highcard (signed in), with the floor, and in a browser without
          // any extension, sampled in turn.
          const without = await launch(false);
          await finallyAll(
            async () => {
              for (let n = 0; n < HEAP_SAMPLES; n += 1) {
                figures.withHeap.push(await idleHeap(withExtension.context));
                figures.floorHeap.push(await idleHeap(floor.context));
                figures.withoutHeap.push(await idleHeap(without.context));
                figures.withAfterThread.push(await idleHeap(withExtension.context, true));
                figures.withoutAfterThread.push(await idleHeap(without.context, true));
              }
            },
            () => without.close(),
          );
        },
        () =>
          teardown([
            ['closing the floor browser', () => floor.close()],
            ['closing the Highcard browser', () => withExtension.close()],
          ]),
      );
    },
    () => teardown([['stopping the local stack', () => stack.stop()]]),
  );
  return figures;
}

function report({ script, reader, size }: ReturnType<typeof contentScriptSize>, reference: number | null, figures: Figures): void {
  const { paints, floorPaints } = figures;
  const without = percentile(figures.withoutHeap, 50);
  const extra = percentile(figures.withHeap, 50) - without;
  const floorExtra = percentile(figures.floorHeap, 50) - without;
  // Two decimals for the target, and the kilobytes, which are stable from run to run.
  const mb = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes >= 0 ? '+' : ''}${kb(bytes)})`;
  console.log(`\nGmail → side panel benchmark (Chromium, tests/fixtures/gmail, ${HEAP_ONLY ? 'heap only' : `${floorPaints.length} rounds`}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
  console.log(`  content script and thread reader gzipped: ${kb(size)} (${kb(script)} + ${kb(reader)})  (target ≤ 15 KB) ${size <= 15 * 1024 ? 'ok' : 'MISSED'}`);
  if (!HEAP_ONLY) {
    console.log(`  @inboxsdk/core gzipped: ${reference === null ? 'n/a' : `${kb(reference)}  (ours is ${(size / reference).toFixed(2)}× of it)`}`);
    const ratio = (values: number[], p: number) => percentile(values, p) / percentile(floorPaints, p);
    const ms = (values: number[]) => `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms`;
    const met = ratio(paints.context, 50) <= 1.5 && ratio(paints.context, 95) <= 1.5;
    console.log(
      `  thread open → panel painted from cache: p50 ${ratio(paints.context, 50).toFixed(2)}×, p95 ${ratio(paints.context, 95).toFixed(2)}× the floor  (target ≤ 1.5×) ${met ? 'ok' : 'MISSED'}`,
    );
    console.log(`    Highcard, "What the team knows" from cache: ${ms(paints.context)}`);
    console.log(`    Highcard, the thread's subject:             ${ms(paints.subject)}  (${ratio(paints.subject, 50).toFixed(2)}× / ${ratio(paints.subject, 95).toFixed(2)}×)`);
    console.log(`    floor: content script → background → extension page, a div: ${ms(floorPaints)}`);
    const first = (values: number[]) =>
      `p50 ${(percentile(values, 50) / percentile(figures.floorFirst, 50)).toFixed(2)}× the floor (${percentile(values, 50).toFixed(1)} ms; slowest ${Math.max(...values).toFixed(1)} ms)`;
    console.log(`  first thread in a fresh tab → panel shows its subject (${figures.first.length} tabs each):`);
    console.log(`    Highcard: ${first(figures.first)}`);
    for (const [n, values] of figures.beforeFirst.entries()) console.log(`    ${BEFORE[n]}: ${first(values)}`);
    console.log(`    floor: p50 ${percentile(figures.floorFirst, 50).toFixed(1)} ms`);
  }
  console.log(
    `  JS heap idle in the inbox (median of ${figures.withHeap.length}): ${kb(percentile(figures.withHeap, 50))} with Highcard vs ${kb(without)} without = ${mb(extra)}  (target ≤ +0.2 MB) ${extra <= 0.2 * 1024 * 1024 ? 'ok' : 'MISSED'}`,
  );
  console.log(`    floor's bare content script: ${kb(percentile(figures.floorHeap, 50))} = ${mb(floorExtra)}; Highcard is ${(extra / floorExtra).toFixed(2)}× what a bare content script adds`);
  const afterThread = percentile(figures.withAfterThread, 50) - percentile(figures.withoutAfterThread, 50);
  console.log(`    back in the inbox after a thread was open (the reader stays): ${mb(afterThread)}`);
  const spread = (values: number[]) => kb(Math.max(...values) - Math.min(...values));
  console.log(`    samples differ by at most: ${spread(figures.withHeap)} with Highcard, ${spread(figures.floorHeap)} the floor, ${spread(figures.withoutHeap)} without`);
}

try {
  const size = contentScriptSize();
  const reference = HEAP_ONLY ? null : inboxSdkSize();
  report(size, reference, await measure());
} catch (error) {
  console.error(`\nbench:gmail FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
// Whatever a failed step left open (a browser, the stack) must not keep the run waiting.
process.exit();
