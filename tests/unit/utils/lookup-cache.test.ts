import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extensionLookupArea } from '../../../utils/background/storage-areas';
import { entryId, LookupCache, lookupKey, type CacheArea, type CacheEntry, type CacheIndex } from '../../../utils/lookup-cache';

/** A memory area that counts what it is asked, like storage calls. */
function memoryArea<T>() {
  const area = {
    entries: new Map<string, CacheEntry<T>>(),
    index: [] as CacheIndex,
    reads: 0,
  };
  const api: CacheArea<T> = {
    get: async (id) => {
      area.reads += 1;
      return structuredClone(area.entries.get(id) ?? null);
    },
    index: async () => structuredClone(area.index),
    write: async ({ put, drop, index }) => {
      for (const [id, entry] of Object.entries(put)) area.entries.set(id, structuredClone(entry));
      for (const id of drop) area.entries.delete(id);
      area.index = structuredClone(index);
    },
  };
  return { area, api };
}

beforeEach(() => fakeBrowser.reset());

describe('the lookup cache', () => {
  it('asks the same question with one key whatever the order or case of the emails', () => {
    expect(lookupKey('org', ['B@acme.example', 'a@acme.example'], null)).toBe(
      lookupKey('org', ['a@acme.example', 'b@acme.example', 'A@ACME.example'], null),
    );
  });

  it('keeps organizations apart', () => {
    expect(lookupKey('org-1', ['a@acme.example'], null)).not.toBe(lookupKey('org-2', ['a@acme.example'], null));
    expect(entryId(lookupKey('org-1', ['a@acme.example'], null))).not.toBe(entryId(lookupKey('org-2', ['a@acme.example'], null)));
  });

  it('returns what was stored with the time it was fetched', async () => {
    const cache = new LookupCache<string>(memoryArea<string>().api);
    await cache.set('k', 'value', 42);
    expect(await cache.get('k')).toEqual({ value: 'value', fetchedAt: 42 });
    expect(await cache.get('other')).toBeNull();
  });

  it('never answers a question with another question’s answer, even if their ids collide', async () => {
    const { area, api } = memoryArea<string>();
    area.entries.set(entryId('asked'), { key: 'something else', value: 'wrong', fetchedAt: 1 });
    expect(await new LookupCache<string>(api).get('asked')).toBeNull();
  });

  it('forgets the oldest entries past its bound, by the index alone', async () => {
    const { area, api } = memoryArea<number>();
    const cache = new LookupCache<number>(api, 3);
    for (let i = 1; i <= 5; i += 1) await cache.set(`k${i}`, i, i);
    expect([...area.entries.values()].map((entry) => entry.key).sort()).toEqual(['k3', 'k4', 'k5']);
    expect(area.index.map(([id]) => id)).toEqual(['k5', 'k4', 'k3'].map(entryId));
  });

  it('keeps every answer when lookups are written at the same time', async () => {
    const { area, api } = memoryArea<number>();
    const cache = new LookupCache<number>(api);
    await Promise.all(Array.from({ length: 10 }, (_, i) => cache.set(`k${i}`, i, i)));
    expect(area.index).toHaveLength(10);
  });

  it('answers the threads the rep flips between from memory, without reading storage', async () => {
    const { area, api } = memoryArea<number>();
    const cache = new LookupCache<number>(api);
    await cache.set('k', 1, 1);
    await cache.get('k');
    await cache.get('k');
    expect(area.reads).toBe(0);
  });

  it('clears everything on sign-out', async () => {
    const { area, api } = memoryArea<number>();
    const cache = new LookupCache<number>(api);
    await cache.set('k', 1, 1);
    await cache.clear();
    expect(await cache.get('k')).toBeNull();
    expect(area.entries.size).toBe(0);
    expect(area.index).toEqual([]);
  });

  it('keeps one small storage value per answer in the extension, and reads one per lookup', async () => {
    const cache = new LookupCache<{ n: number }>(extensionLookupArea());
    for (let i = 0; i < 5; i += 1) await cache.set(`question ${i}`, { n: i }, i);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(stored).filter((key) => key.startsWith('lookup:'))).toHaveLength(5);
    expect(stored.lookupIndex).toHaveLength(5);
    expect(await new LookupCache<{ n: number }>(extensionLookupArea()).get('question 3')).toEqual({ value: { n: 3 }, fetchedAt: 3 });
    await cache.clear();
    const after = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(after).filter((key) => key.startsWith('lookup:'))).toEqual([]);
  });
});
