// The panel paints at once from what the team knew last time, then refreshes. Entries are
// kept per organization and per question, one storage key each with a small index of when
// each was fetched, so a lookup reads one small value (not the whole cache) and the oldest
// are forgotten past a bound so the cache never grows with browsing.
export interface CachedValue<T> {
  value: T;
  fetchedAt: number;
}

/** One stored answer, with the question it answers (ids are hashes; the key settles it). */
export interface CacheEntry<T> extends CachedValue<T> {
  key: string;
}

/** [entry id, fetchedAt]: enough to find the oldest without reading any answer. */
export type CacheIndex = Array<[string, number]>;

/** Where the cache keeps its entries: one value per id, plus the index. */
export interface CacheArea<T> {
  get(id: string): Promise<CacheEntry<T> | null>;
  index(): Promise<CacheIndex>;
  /** Writes `put` and the new index together, then removes `drop`. */
  write(change: { put: Record<string, CacheEntry<T>>; drop: string[]; index: CacheIndex }): Promise<void>;
}

export const LOOKUP_CACHE_LIMIT = 200;
/** Answers kept in memory too, for the worker's lifetime: the threads the rep flips between. */
const RECENT_IN_MEMORY = 20;

/** One key for the same question however it was asked (order and case of emails). */
export function lookupKey(orgId: string, emails: readonly string[], linkedinUrl: string | null): string {
  const people = [...new Set(emails.map((email) => email.trim().toLowerCase()))].sort();
  return JSON.stringify([orgId, people, linkedinUrl?.toLowerCase() ?? null]);
}

/** A short, storage-friendly id for a key (two 32-bit FNV-1a hashes). Not secret. */
export function entryId(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i += 1) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

export class LookupCache<T> {
  /** The last answers read or written, newest last. A cache of storage, never the truth. */
  private readonly recent = new Map<string, CacheEntry<T>>();
  /** Writes one after another, so that two lookups never write an index that forgets one. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: CacheArea<T>,
    private readonly limit = LOOKUP_CACHE_LIMIT,
  ) {}

  async get(key: string): Promise<CachedValue<T> | null> {
    const id = entryId(key);
    const entry = this.recent.get(id) ?? (await this.area.get(id));
    if (!entry || entry.key !== key) return null;
    this.remember(id, entry);
    return { value: entry.value, fetchedAt: entry.fetchedAt };
  }

  set(key: string, value: T, now: number): Promise<void> {
    return this.serially(async () => {
      const id = entryId(key);
      const entry: CacheEntry<T> = { key, value, fetchedAt: now };
      const index = (await this.area.index()).filter(([other]) => other !== id);
      index.push([id, now]);
      index.sort((x, y) => y[1] - x[1]);
      const drop = index.splice(this.limit).map(([old]) => old);
      await this.area.write({ put: { [id]: entry }, drop, index });
      for (const old of drop) this.recent.delete(old);
      this.remember(id, entry);
    });
  }

  /** Every kept answer with its question (bounded by the limit), for the background's mapping
   * of ids after merges (utils/background/kept-ids.ts). */
  async entries(): Promise<CacheEntry<T>[]> {
    const found = await Promise.all((await this.area.index()).map(([id]) => this.recent.get(id) ?? this.area.get(id)));
    return found.filter((entry): entry is CacheEntry<T> => entry !== null);
  }

  /** Forgets the answers to these questions; the next read asks the server again. */
  forget(keys: readonly string[]): Promise<void> {
    if (!keys.length) return Promise.resolve();
    return this.serially(async () => {
      const drop = new Set(keys.map(entryId));
      const index = (await this.area.index()).filter(([id]) => !drop.has(id));
      await this.area.write({ put: {}, drop: [...drop], index });
      for (const id of drop) this.recent.delete(id);
    });
  }

  /** Forgets everything, e.g. on sign-out: another person may sign in next. */
  clear(): Promise<void> {
    return this.serially(async () => {
      this.recent.clear();
      const drop = (await this.area.index()).map(([id]) => id);
      await this.area.write({ put: {}, drop, index: [] });
    });
  }

  private remember(id: string, entry: CacheEntry<T>): void {
    this.recent.delete(id);
    this.recent.set(id, entry);
    if (this.recent.size > RECENT_IN_MEMORY) this.recent.delete(this.recent.keys().next().value!);
  }

  private serially(task: () => Promise<void>): Promise<void> {
    const run = this.writing.then(task, task);
    this.writing = run.catch(() => undefined);
    return run;
  }
}
