import { describe, expect, it } from 'vitest';
import { LookupCache, lookupKey, type CacheArea, type CachedValue } from '../../../utils/lookup-cache';

function memoryArea<T>(): CacheArea<T> & { entries: Record<string, CachedValue<T>> } {
  const area = {
    entries: {} as Record<string, CachedValue<T>>,
    read: async () => ({ ...area.entries }),
    write: async (entries: Record<string, CachedValue<T>>) => void (area.entries = entries),
  };
  return area;
}

describe('the lookup cache', () => {
  it('asks the same question with one key whatever the order or case of the emails', () => {
    expect(lookupKey('org', ['B@acme.example', 'a@acme.example'], null)).toBe(
      lookupKey('org', ['a@acme.example', 'b@acme.example', 'A@ACME.example'], null),
    );
  });

  it('keeps organizations apart', () => {
    expect(lookupKey('org-1', ['a@acme.example'], null)).not.toBe(lookupKey('org-2', ['a@acme.example'], null));
  });

  it('returns what was stored with the time it was fetched', async () => {
    const cache = new LookupCache<string>(memoryArea());
    await cache.set('k', 'value', 42);
    expect(await cache.get('k')).toEqual({ value: 'value', fetchedAt: 42 });
    expect(await cache.get('other')).toBeNull();
  });

  it('forgets the oldest entries past its bound', async () => {
    const area = memoryArea<number>();
    const cache = new LookupCache<number>(area, 3);
    for (let i = 1; i <= 5; i += 1) await cache.set(`k${i}`, i, i);
    expect(Object.keys(area.entries).sort()).toEqual(['k3', 'k4', 'k5']);
  });

  it('clears everything on sign-out', async () => {
    const area = memoryArea<number>();
    const cache = new LookupCache<number>(area);
    await cache.set('k', 1, 1);
    await cache.clear();
    expect(await cache.get('k')).toBeNull();
  });
});
