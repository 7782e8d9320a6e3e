// Chromium as the tests and benchmarks run it: headless, the system build when there is one,
// with or without the built extension loaded as a user would after "Load unpacked".
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

// The machine that runs CI has no outside network: everything Chromium would fetch on its
// own is switched off so that tests see only the pages they route.
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export async function launchChromium(
  /** `dir`: another unpacked extension to load instead (the benchmarks' floor). */
  options: { extension: boolean; dir?: string } = { extension: true },
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = options.dir ?? EXTENSION_DIR;
  if (options.extension && !existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'highcard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    // A fixed zone with an offset, so that dates read from pages are checked exactly.
    timezoneId: 'Europe/Berlin',
    locale: 'en-US',
    ...(existsSync(SYSTEM_CHROMIUM) && { executablePath: SYSTEM_CHROMIUM }),
    args: options.extension
      ? [...CHROMIUM_FLAGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`]
      : CHROMIUM_FLAGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
