// Outbox benchmark.
// 1. Filing latency: in Chromium with the built extension, the time from a "capture.file"
//    message to the background's answer, which comes once the item is in extension storage,
//    as a ratio to the physical floor measured in the same run: a bare storage.local.set of
//    the same capture through a background that does nothing else (bench/floor-extension;
//    target ≤ 1.5×).
// 2. Drain throughput: the outbox sending N captures to the local stack, as a ratio to a bare
//    loop of the same file_interaction calls in the same run.
// Usage: npm run bench:outbox [-- --items 300]
import { join } from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { startStack } from '../supabase/local/stack';
import { fileInteraction } from '../utils/background/records/capture';
import { parseCapture, type CaptureInput } from '../utils/messages';
import { memoryOutboxStore, Outbox } from '../utils/outbox';
import { launchChromium } from '../tests/e2e/browser';

/** The least an extension can do for the same write (see its manifest's description). */
const FLOOR = join(import.meta.dirname, 'floor-extension');

const argItems = process.argv.indexOf('--items');
const ITEMS = argItems > 0 ? Number(process.argv[argItems + 1]) : 300;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function captureFor(orgId: string, n: number): CaptureInput {
  return {
    id: crypto.randomUUID(),
    org_id: orgId,
    kind: 'email',
    source_ref: `bench:${process.pid}:${n}:${Math.random()}`,
    occurred_at: new Date(Date.now() - n * 60_000).toISOString(),
    title: `Customer question ${n}`,
    body: 'Could we roll out to the support team first and add sales next quarter? '.repeat(8),
    signals: ['buying_signal'],
    contact: { full_name: `Contact ${n % 20}`, email: `contact${n % 20}@acme-robotics.example` },
  };
}

interface Latency {
  p50: number;
  p95: number;
  n: number;
}

/** An extension page of a freshly launched Chromium with the extension in `dir` (null: Highcard). */
async function extensionPage(dir: string | null, path: string) {
  const { context, close } = await launchChromium({ extension: true, ...(dir && { dir }) });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/${path}`);
  return { page, close };
}

/** One message's round trip from the page, in ms; the answer must be ok. */
async function roundTrip(page: Awaited<ReturnType<typeof extensionPage>>['page'], message: unknown): Promise<number> {
  return page.evaluate(async (message) => {
    const start = performance.now();
    // @ts-expect-error -- runs in the extension page, where chrome is defined.
    const answer = await chrome.runtime.sendMessage(message);
    const elapsed = performance.now() - start;
    if (!answer?.ok) throw new Error(JSON.stringify(answer));
    return elapsed;
  }, message);
}

const summary = (timings: number[]): Latency => {
  const sorted = timings.slice(20).sort((a, b) => a - b); // the first calls warm the workers up
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
};

/** Highcard's filing and the floor's bare write, one after the other for each capture, so
 * both see the same load on the machine. */
async function filingLatency(): Promise<{ highcard: Latency; floor: Latency }> {
  const floor = await extensionPage(FLOOR, 'page.html');
  // A page of Highcard's that sends nothing of its own, like the floor's.
  const highcard = await extensionPage(null, 'privacy.html');
  try {
    const orgId = crypto.randomUUID();
    const times = { highcard: [] as number[], floor: [] as number[] };
    for (let n = 0; n < 200; n += 1) {
      const capture = captureFor(orgId, n);
      times.floor.push(await roundTrip(floor.page, { type: 'set', key: `outbox:${capture.id}`, value: capture }));
      times.highcard.push(await roundTrip(highcard.page, { type: 'capture.file', payload: { capture } }));
    }
    return { highcard: summary(times.highcard), floor: summary(times.floor) };
  } finally {
    await floor.close();
    await highcard.close();
  }
}

async function drainThroughput(): Promise<{ bare: number; outbox: number }> {
  const stack = await startStack({ dataDir: null, apiPort: 0, dbPort: 0, log: () => {} });
  try {
    const client: SupabaseClient = createClient(stack.apiUrl, stack.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never },
    });
    const { error } = await client.auth.signUp({ email: 'bench@acme-robotics.example', password: 'bench-password' });
    if (error) throw error;
    const org = await client.rpc('create_organization', { name: 'Bench Co' });
    if (org.error) throw new Error(org.error.message);
    const orgId = org.data as string;

    // Warm both paths up the same way.
    for (let n = 0; n < 20; n += 1) await client.rpc('file_interaction', { capture: captureFor(orgId, n) });

    const bareCaptures = Array.from({ length: ITEMS }, (_, n) => {
      const parsed = parseCapture(captureFor(orgId, n));
      if (!parsed.ok) throw new Error(parsed.errors.join());
      return parsed.capture;
    });
    let start = performance.now();
    for (const capture of bareCaptures) {
      const { error: rpcError } = await client.rpc('file_interaction', { capture });
      if (rpcError) throw new Error(rpcError.message);
    }
    const bare = ITEMS / ((performance.now() - start) / 1000);

    const outbox = new Outbox({ store: memoryOutboxStore(), send: (c) => fileInteraction(client, c), schedule: async () => {} });
    for (let n = 0; n < ITEMS; n += 1) await outbox.file(captureFor(orgId, n));
    start = performance.now();
    await outbox.drain();
    const elapsed = performance.now() - start;
    const sent = (await outbox.list()).filter((i) => i.status === 'sent').length;
    if (sent !== ITEMS) throw new Error(`only ${sent} of ${ITEMS} items were sent`);
    return { bare, outbox: ITEMS / (elapsed / 1000) };
  } finally {
    await stack.stop();
  }
}

const { highcard: latency, floor } = await filingLatency();
const drain = await drainThroughput();
const ratio = drain.outbox / drain.bare;
const writeRatio = latency.p50 / floor.p50;
console.log('\nOutbox benchmark');
console.log(`  file message → durable write: ${writeRatio.toFixed(2)}× the floor (p50; p95 ${(latency.p95 / floor.p95).toFixed(2)}×)  (target ≤ 1.5×) ${writeRatio <= 1.5 ? 'ok' : 'MISSED'}`);
console.log(`    Highcard 'capture.file' (Chromium, ${latency.n} items): p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms`);
console.log(`    floor: bare storage.local.set of the capture through the background: p50 ${floor.p50.toFixed(1)} ms, p95 ${floor.p95.toFixed(1)} ms`);
console.log(`  drain of ${ITEMS} items: outbox ${drain.outbox.toFixed(0)}/s vs bare RPC loop ${drain.bare.toFixed(0)}/s = ${ratio.toFixed(2)}×  (target ≥ 0.8) ${ratio >= 0.8 ? 'ok' : 'MISSED'}`);
