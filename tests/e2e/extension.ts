// The built extension in Chromium, and the Playwright fixtures every spec starts from.
import { test as base, type BrowserContext, type Worker } from '@playwright/test';
import { launchChromium } from './browser';

export { EXTENSION_DIR } from './browser';

export const launchWithExtension = () => launchChromium({ extension: true });

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export const test = base.extend<{ context: BrowserContext; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's parameters.
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension();
    await use(context);
    await close();
  },
  extensionId: async ({ context }, use) => {
    const worker = await serviceWorkerOf(context);
    await use(new URL(worker.url()).host);
  },
});

export { expect } from '@playwright/test';
