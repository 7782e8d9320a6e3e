// The outbox and the lookup cache in extension storage: one key per item or answer plus a
// small index, so the hot paths touch only what they need. Filing writes the item and, for a
// new one, the index in ONE storage call (no window where an item exists but is not listed);
// listing reads the index and those keys, never every key in storage; a lookup reads one answer.
import { storage } from 'wxt/utils/storage';
import type { CacheArea, CacheEntry } from '../lookup-cache';
import type { OutboxItem, OutboxStore } from '../outbox';
import {
  entriesUnder,
  LOOKUP_KEY_PREFIX,
  lookupIndexItem,
  OUTBOX_KEY_PREFIX,
  outboxIndexItem,
  POPUP_KEY_PREFIX,
  popupIndexItem,
  type LocalKey,
} from '../storage';

const outboxKey = (id: string) => `${OUTBOX_KEY_PREFIX}${id}` as const;

/**
 * The outbox in extension storage, with a write-through copy in the worker's memory: only
 * the background writes these keys, so after the first read (one index read plus one read of
 * the items) listing costs no storage call, and filing a new item is exactly one storage call
 * (the item and the index together). The storage is the truth; the copy dies with the worker.
 */
export function createExtensionOutboxStore(): OutboxStore {
  let items: Map<string, OutboxItem> | null = null;
  let loading: Promise<Map<string, OutboxItem>> | null = null;
  /** Index changes one after another: two new items filed at once must both be listed. */
  let writes: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = writes.then(task, task);
    writes = run.catch(() => undefined);
    return run;
  };

  async function read(): Promise<Map<string, OutboxItem>> {
    let ids = await outboxIndexItem.getValue();
    if (!ids) {
      // Items filed by an earlier version, before there was an index: listed from their keys once.
      ids = (await entriesUnder<OutboxItem>(OUTBOX_KEY_PREFIX)).map(([, item]) => item.id);
      await outboxIndexItem.setValue(ids);
    }
    const found = ids.length ? await storage.getItems(ids.map(outboxKey)) : [];
    const map = new Map<string, OutboxItem>();
    for (const { value } of found) if (value) map.set((value as OutboxItem).id, value as OutboxItem);
    return map;
  }

  function load(): Promise<Map<string, OutboxItem>> {
    if (items) return Promise.resolve(items);
    loading ??= read().then(
      (map) => (items = map),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  }

  return {
    get: async (id) => (await load()).get(id) ?? null,
    put: (item) =>
      serially(async () => {
        const map = await load();
        if (map.has(item.id)) await storage.setItem(outboxKey(item.id), item);
        else await storage.setItems([
          { key: outboxKey(item.id), value: item },
          { item: outboxIndexItem, value: [...map.keys(), item.id] },
        ]);
        map.set(item.id, item);
      }),
    remove: (id) =>
      serially(async () => {
        const map = await load();
        // The index first: an item that is listed but gone is skipped; never the other way.
        await outboxIndexItem.setValue([...map.keys()].filter((other) => other !== id));
        map.delete(id);
        await storage.removeItem(outboxKey(id));
      }),
    all: async () => [...(await load()).values()],
  };
}

/** A cache (utils/lookup-cache.ts) kept one key per answer under `prefix`, with its index. */
function extensionCacheArea<T>(prefix: LocalKey, indexItem: typeof lookupIndexItem): CacheArea<T> {
  const keyOf = (id: string) => `${prefix}${id}` as const;
  return {
    get: (id) => storage.getItem<CacheEntry<T>>(keyOf(id)),
    index: () => indexItem.getValue(),
    async write({ put, drop, index }) {
      await storage.setItems([
        ...Object.entries(put).map(([id, entry]) => ({ key: keyOf(id), value: entry })),
        { item: indexItem, value: index },
      ]);
      if (drop.length) await storage.removeItems(drop.map(keyOf));
    },
  };
}

export function extensionLookupArea<T>(): CacheArea<T> {
  return extensionCacheArea<T>(LOOKUP_KEY_PREFIX, lookupIndexItem);
}

/** The panel's kept answers (utils/background/popup-cache.ts). */
export function extensionPopupArea<T>(): CacheArea<T> {
  return extensionCacheArea<T>(POPUP_KEY_PREFIX, popupIndexItem);
}
