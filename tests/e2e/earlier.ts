// Items as versions before owners were recorded kept them, put into a browser's outbox the
// way an update finds them.
import type { BrowserContext, Page } from '@playwright/test';

/** An item as versions before owners were recorded kept it: no `filedBy`. */
export function legacyItem<Capture extends { id: string; source_ref: string }>(capture: Capture) {
  const at = Date.now() - 3_600_000;
  return {
    id: capture.id,
    capture,
    status: 'waiting_for_sign_in',
    attempts: 1,
    nextAttemptAt: null,
    error: null,
    createdAt: at,
    updatedAt: at,
    result: null,
  };
}

interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Puts `item` in this browser's outbox as an earlier version left it, then stops the worker
 * as the browser does after an update: the next one reads the outbox again and, unless it
 * already did, runs the one-time check of whose such items are. */
export async function keepFromEarlierVersion(context: BrowserContext, page: Page, item: ReturnType<typeof legacyItem>, checked: boolean): Promise<void> {
  await page.evaluate(
    async ([item, checked]) => {
      const chrome = (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome;
      const { outboxIndex } = await chrome.storage.local.get('outboxIndex');
      await chrome.storage.local.set({
        [`outbox:${item.id}`]: item,
        outboxIndex: [...((outboxIndex as string[] | undefined) ?? []), item.id],
        outboxOwnersChecked: checked,
      });
    },
    [item, checked] as const,
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

export async function keptIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(key: null): Promise<Record<string, unknown>> } } } }).chrome;
    return Object.keys(await chrome.storage.local.get(null))
      .filter((key) => key.startsWith('outbox:'))
      .map((key) => key.slice('outbox:'.length));
  });
}
