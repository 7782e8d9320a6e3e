// Firefox ESR driven over WebDriver BiDi (puppeteer-core), with the built Firefox extension
// installed as a temporary add-on, the way a developer loads it from about:debugging.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
export const FIREFOX = process.env.HIGHCARD_FIREFOX ?? '/usr/bin/firefox-esr';
/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const ADDON_ID = 'highcard@highcard.example';
// Firefox gives each install a random internal UUID; presetting it is the documented way to
// know the extension's moz-extension:// origin without reading about:debugging.
const ADDON_UUID = '3f6e2b1c-8a4d-4c7e-9b2f-5d1a0e6c7b84';

/** Polls `check` in the page until it returns true: a plain evaluate on a timer, which Firefox
 * 153 ESR over BiDi answers reliably (puppeteer's waitForFunction missed states there). Keep
 * `check` free of named inner functions: tsx wraps them in a helper the page does not have. */
export async function until<A extends unknown[]>(page: Page, check: (...args: A) => boolean, args: A, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  let problem = '';
  for (;;) {
    // A page between two documents answers with an error; the next poll sees the new one.
    const met = await page.evaluate(check as (...args: unknown[]) => boolean, ...args).catch((error: Error) => {
      problem = ` (last error: ${error.message.split('\n')[0]})`;
      return false;
    });
    if (met) return;
    if (Date.now() > end) throw new Error(`Still not so after ${Math.round(timeoutMs / 1000)} s${problem}.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface Firefox {
  browser: Browser;
  origin: string;
  /** Opens an extension page in a new tab and waits until its document has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(timeoutMs: number): Promise<Firefox> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built Firefox extension in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: true,
    timeout: timeoutMs,
    protocolTimeout: timeoutMs,
    // Firefox 153 lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // The machine has no outside network: nothing Firefox fetches on its own.
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
    env: { ...process.env, TZ: 'Europe/Berlin' },
  });
  try {
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== ADDON_ID) throw new Error(`Installed ${id}, expected ${ADDON_ID}.`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${ADDON_UUID}`;

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeoutMs);
    const url = `${origin}/${path}`;
    // Firefox 153 ESR: the navigation to an extension page commits, but puppeteer never sees
    // it finish (the page moves to the extension process), so wait for the document itself.
    page.goto(url, { timeout: timeoutMs }).catch(() => undefined);
    await until(page, (wanted) => location.href === wanted && document.readyState === 'complete', [url], timeoutMs);
    return page;
  };

  return { browser, origin, openExtensionPage, close: () => browser.close() };
}
