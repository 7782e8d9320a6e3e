// Highcard in Firefox, end to end: the built Firefox extension in Firefox ESR, a throwaway
// local stack behind it, Gmail served from tests/fixtures. A rep signs in in Settings, opens a
// thread, files one message from Highcard's panel, sees it in the account's timeline, and the
// row is read back from the database. Prints one PASS or FAIL line; the exit code says the same.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import type { Page } from 'puppeteer-core';
import WebSocket from 'ws';
import { startStack, type RunningStack } from '../../supabase/local/stack';
import { manifestProblems } from '../e2e/manifest-rules';
import { FIREFOX_EXTENSION_DIR, launchFirefox, until, type Firefox } from './firefox';

// Two shared cores: every wait is generous, and each one waits for a state, never for time.
const STEP_MS = 60_000;
const TOTAL_MS = 8 * 60_000;

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm';
const THREAD_FIXTURE = join('tests/fixtures/gmail/thread-expanded-and-collapsed.html');
const SUBJECT = 'Acme Robotics — pilot rollout for the Hamburg warehouse';
/** Mia's expanded message in that fixture (Gmail's legacy message id). */
const MIAS_MESSAGE = 'msg-f:1849560000123456789';

/** A control found as people find it: by role and accessible name (puppeteer's ARIA query). */
const byRole = (page: Page, role: string, name: string) => page.locator(`::-p-aria([name="${name}"][role="${role}"])`);

/** Clicks a button found by its accessible name (its aria-label or text); `last` for the last
 * of several with that name. */
async function clickButton(page: Page, name: string, which: 'first' | 'last'): Promise<void> {
  await step(`clicking the button "${name}"`, () =>
    until(
      page,
      (wanted: string, pick: string) => {
        const named = [...document.querySelectorAll('button')].filter(
          (button) => !button.disabled && (button.getAttribute('aria-label') ?? button.textContent ?? '').trim() === wanted,
        );
        const button = pick === 'last' ? named[named.length - 1] : named[0];
        button?.click();
        return Boolean(button);
      },
      [name, which],
      STEP_MS,
    ),
  );
}

/** Runs one step; a failure says which step it was. */
async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}`, { cause: error });
  }
}

async function waitForText(page: Page, text: string): Promise<void> {
  await step(`waiting for "${text}"`, () => until(page, (wanted: string) => document.body.innerText.includes(wanted), [text], STEP_MS));
}

async function fill(page: Page, role: string, name: string, value: string): Promise<void> {
  await byRole(page, role, name).fill(value);
}

async function openSection(options: Page, title: string): Promise<void> {
  await byRole(options, 'link', title).click();
  await byRole(options, 'heading', title).wait();
}

/** The account the test signs in with, made through the stack's own sign-up endpoint. */
async function createUser(stack: RunningStack, email: string, password: string): Promise<void> {
  const response = await fetch(`${stack.apiUrl}/auth/v1/signup`, {
    method: 'POST',
    headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`Sign-up failed: ${response.status} ${await response.text()}`);
}

async function signIn(firefox: Firefox, stack: RunningStack, email: string, password: string, organization: string): Promise<Page> {
  const options = await firefox.openExtensionPage('options.html');
  await byRole(options, 'heading', 'Highcard settings').wait();
  await openSection(options, 'Connection');
  await fill(options, 'textbox', 'Supabase URL', stack.apiUrl);
  await fill(options, 'textbox', 'Anon key', stack.anonKey);
  await byRole(options, 'button', 'Save connection').click();
  await waitForText(options, `Connected to ${stack.apiUrl}.`);

  await openSection(options, 'Account');
  await fill(options, 'textbox', 'Email', email);
  await options.locator('input[type="password"]').fill(password);
  await byRole(options, 'button', 'Sign in').click();
  await waitForText(options, `Signed in as ${email}.`);

  await openSection(options, 'Organization');
  await fill(options, 'textbox', 'Name', organization);
  await byRole(options, 'button', 'Create organization').click();
  await until(
    options,
    (name: string) => [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')].some((radio) => radio.checked && radio.labels?.[0]?.textContent?.includes(name)),
    [organization],
    STEP_MS,
  );
  return options;
}

/** Gmail from the fixture; everything else Google serves answers 404 (there is no network). */
async function openGmail(firefox: Firefox): Promise<Page> {
  const html = readFileSync(THREAD_FIXTURE, 'utf8');
  const gmail = await firefox.browser.newPage();
  gmail.setDefaultTimeout(STEP_MS);
  await gmail.setRequestInterception(true);
  gmail.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (url.startsWith('https://mail.google.com/') && request.isNavigationRequest()) {
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    } else if (/^https:\/\/[^/]+\.(google|gstatic|googleusercontent)\.com\//.test(url)) {
      void request.respond({ status: 404, body: '' });
    } else {
      void request.continue();
    }
  });
  await gmail.goto(THREAD_URL, { timeout: STEP_MS });
  return gmail;
}

/** Highcard's panel beside the Gmail tab: the side panel page pinned to that tab, as Firefox's
 * sidebar shows it. */
async function openPanel(firefox: Firefox, options: Page): Promise<Page> {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    sidebar_action?: { default_panel?: string };
  };
  if (manifest.sidebar_action?.default_panel !== 'sidepanel.html') throw new Error('The Firefox build has no sidebar_action with sidepanel.html.');
  const problems = manifestProblems(manifest, 'firefox', FIREFOX_EXTENSION_DIR);
  if (problems.length) throw new Error(`The Firefox build's manifest: ${problems.join('; ')}.`);
  const tabId = await options.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: { url: string }): Promise<Array<{ id: number }>> } } }).browser;
    const [tab] = await api.tabs.query({ url: 'https://mail.google.com/*' });
    return tab?.id ?? null;
  });
  if (tabId === null) throw new Error('The extension cannot see the Gmail tab.');
  return firefox.openExtensionPage(`sidepanel.html?tab=${tabId}`);
}

async function scenario(firefox: Firefox, stack: RunningStack): Promise<string> {
  const stamp = Date.now();
  const email = `ana.ruiz+${stamp}@lumen-logistics.example`;
  const password = `firefox-${stamp}`;
  const organization = `Lumen Logistics ${stamp}`;
  await createUser(stack, email, password);
  const options = await signIn(firefox, stack, email, password, organization);

  const gmail = await openGmail(firefox);
  const panel = await openPanel(firefox, options);
  await step('waiting for the thread in the panel', () => byRole(panel, 'heading', SUBJECT).wait());
  // By now the content script has read the thread; from here on Gmail's page must not change.
  const gmailBefore = await gmail.evaluate(() => document.documentElement.outerHTML);

  // Mia's is the last message of the thread and the last "Add to customer record".
  await clickButton(panel, 'Add to customer record', 'last');
  await clickButton(panel, 'Pricing', 'first');
  await clickButton(panel, 'File to customer record', 'first');

  // The row lands once the outbox has sent it: exactly one, with what the preview showed.
  const admin = createClient(stack.apiUrl, stack.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
  const { data: org } = await admin.from('organizations').select('id').eq('name', organization).single();
  const stored = async () => {
    const { data, error } = await admin.from('interactions').select('kind, source_ref, title, signals').eq('org_id', (org as { id: string }).id);
    if (error) throw new Error(`Reading the stored rows failed: ${error.message}`);
    return data;
  };
  const end = Date.now() + STEP_MS * 2;
  while ((await stored()).length === 0 && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 500));
  const rows = await stored();
  const wanted = { kind: 'email', source_ref: MIAS_MESSAGE, title: SUBJECT, signals: ['pricing'] };
  if (JSON.stringify(rows) !== JSON.stringify([wanted])) {
    throw new Error(`Stored rows ${JSON.stringify(rows)}, expected exactly ${JSON.stringify([wanted])}.`);
  }

  // The panel shows it in the account's timeline: an entry (an article) named by its title.
  await step('waiting for the entry in the timeline', () =>
    until(
      panel,
      (title: string) => [...document.querySelectorAll('article')].some((article) => article.getAttribute('aria-label') === title),
      [SUBJECT],
      STEP_MS * 2,
    ),
  );

  // Pact rule 12: Highcard never changes the pages it reads; Gmail's DOM is as it was.
  const gmailAfter = await gmail.evaluate(() => document.documentElement.outerHTML);
  if (gmailAfter !== gmailBefore) throw new Error('Highcard changed the Gmail page it read.');
  return `signed in, filed "${SUBJECT}" from the side panel, saw it in the timeline, one row stored, Gmail's page untouched`;
}

async function main(): Promise<void> {
  const started = Date.now();
  let stack: RunningStack | null = null;
  let firefox: Firefox | null = null;
  const deadline = setTimeout(() => {
    console.error(`FAIL firefox: no result after ${TOTAL_MS / 1000} s`);
    process.exit(1);
  }, TOTAL_MS);
  try {
    stack = await startStack({ dataDir: null, apiPort: 0, dbPort: 0, log: () => {} });
    firefox = await launchFirefox(STEP_MS);
    const done = await scenario(firefox, stack);
    console.log(`PASS firefox: ${done} (${Math.round((Date.now() - started) / 1000)} s)`);
    process.exitCode = 0;
  } catch (error) {
    console.error(error);
    console.error(`FAIL firefox: ${(error as Error).message.split('\n')[0]}`);
    process.exitCode = 1;
  } finally {
    clearTimeout(deadline);
    await firefox?.close().catch(() => undefined);
    await stack?.stop().catch(() => undefined);
  }
}

await main();
