// The sidebar paints at once from what the team knew last time, then refreshes. Entries are
// kept per organization and per question, and the oldest are forgotten past a bound so the
// cache never grows with browsing.
export interface CachedValue<T> {
  value: T;
  fetchedAt: number;
}

export interface CacheArea<T> {
  read(): Promise<Record<string, CachedValue<T>>>;
  write(entries: Record<string, CachedValue<T>>): Promise<void>;
}

export const LOOKUP_CACHE_LIMIT = 200;

/** One key for the same question however it was asked (order and case of emails). */
export function lookupKey(orgId: string, emails: readonly string[], linkedinUrl: string | null): string {
  const people = [...new Set(emails.map((email) => email.trim().toLowerCase()))].sort();
  return JSON.stringify([orgId, people, linkedinUrl?.toLowerCase() ?? null]);
}

export class LookupCache<T> {
  constructor(
    private readonly area: CacheArea<T>,
    private readonly limit = LOOKUP_CACHE_LIMIT,
  ) {}

  async get(key: string): Promise<CachedValue<T> | null> {
    return (await this.area.read())[key] ?? null;
  }

  async set(key: string, value: T, now: number): Promise<void> {
    const entries = await this.area.read();
    entries[key] = { value, fetchedAt: now };
    const keep = Object.entries(entries)
      .sort(([, a], [, b]) => b.fetchedAt - a.fetchedAt)
      .slice(0, this.limit);
    await this.area.write(Object.fromEntries(keep));
  }

  /** Forgets everything, e.g. on sign-out: another person may sign in next. */
  async clear(): Promise<void> {
    await this.area.write({});
  }
}
