// The outbox and the lookup cache in extension storage: one key per item or answer plus a
// small index, so the hot paths touch only what they need. Filing writes the item and, for a
// new one, the index in ONE storage call (no window where an item exists but is not listed);
// listing reads the index and those keys, never every key in storage; a lookup reads one answer.
import { storage } from 'wxt/utils/storage';
import type { CacheArea, CacheEntry } from '../lookup-cache';
import type { OutboxItem, OutboxStore } from '../outbox';
import { entriesUnder, LOOKUP_KEY_PREFIX, lookupIndexItem, OUTBOX_KEY_PREFIX, outboxIndexItem } from '../storage';

const outboxKey = (id: string) => `${OUTBOX_KEY_PREFIX}${id}` as const;

/** Index changes one after another: two new items filed at once must both be listed. */
let indexWrites: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = indexWrites.then(task, task);
  indexWrites = run.catch(() => undefined);
  return run;
}

/** The outbox's ids; written the first time from the keys themselves (items filed by an
 * earlier version of the extension, before there was an index). */
async function outboxIds(): Promise<string[]> {
  const known = await outboxIndexItem.getValue();
  if (known) return known;
  const ids = (await entriesUnder<OutboxItem>(OUTBOX_KEY_PREFIX)).map(([, item]) => item.id);
  await outboxIndexItem.setValue(ids);
  return ids;
}

export const extensionOutboxStore: OutboxStore = {
  get: (id) => storage.getItem<OutboxItem>(outboxKey(id)),
  put: (item) =>
    serially(async () => {
      const ids = await outboxIds();
      if (ids.includes(item.id)) return storage.setItem(outboxKey(item.id), item);
      await storage.setItems([
        { key: outboxKey(item.id), value: item },
        { item: outboxIndexItem, value: [...ids, item.id] },
      ]);
    }),
  remove: (id) =>
    serially(async () => {
      const ids = await outboxIds();
      // The index first: an item that is listed but gone is skipped; never the other way.
      await outboxIndexItem.setValue(ids.filter((other) => other !== id));
      await storage.removeItem(outboxKey(id));
    }),
  async all() {
    const ids = await outboxIds();
    if (!ids.length) return [];
    const found = await storage.getItems(ids.map(outboxKey));
    return found.map(({ value }) => value as OutboxItem | null).filter((item): item is OutboxItem => item !== null);
  },
};

const lookupKeyOf = (id: string) => `${LOOKUP_KEY_PREFIX}${id}` as const;

export function extensionLookupArea<T>(): CacheArea<T> {
  return {
    get: (id) => storage.getItem<CacheEntry<T>>(lookupKeyOf(id)),
    index: () => lookupIndexItem.getValue(),
    async write({ put, drop, index }) {
      await storage.setItems([
        ...Object.entries(put).map(([id, entry]) => ({ key: lookupKeyOf(id), value: entry })),
        { item: lookupIndexItem, value: index },
      ]);
      if (drop.length) await storage.removeItems(drop.map(lookupKeyOf));
    },
  };
}
