// The panel's kept answers (honest states): the last overview and first timeline
// page of the most recently opened accounts, and the For you list, per organization, so the
// panel paints at once with the answer's age, and keeps showing it when the server cannot be
// reached.
// Stale-while-revalidate like the panel's lookup cache (utils/lookup-cache.ts), whose store
// it reuses: one storage key per answer plus a small index; cleared on sign-out.
import { LookupCache, type CacheArea } from '../lookup-cache';
import { HighcardError, isNetworkKind, kindOf } from '../errors';
import { extensionPopupArea } from './storage-areas';

/** Accounts whose answers are kept; each has up to two (overview, first timeline page). */
export const POPUP_CACHE_ACCOUNTS = 30;

/** What the panel sees when the server cannot be reached and nothing is kept. */
export const UNREACHABLE_NOTHING_KEPT =
  'Highcard can’t reach your team’s server right now, and has nothing kept for this yet. It shows here once you’re back online.';

export type Prefer = 'cache' | 'network' | undefined;

/** An answer as the panel receives it: `cachedAt` only when it is a kept one. */
export type MaybeKept<T> = T & { cachedAt?: string };

export class PopupCache {
  private readonly cache: LookupCache<unknown>;

  constructor(area: CacheArea<unknown> = extensionPopupArea<unknown>(), accounts = POPUP_CACHE_ACCOUNTS) {
    this.cache = new LookupCache<unknown>(area, accounts * 2);
  }

  /**
   * `prefer: 'cache'` answers with the kept answer when there is one; otherwise the server is
   * asked and its answer kept. When the server cannot be reached, the kept answer stands in
   * for it (marked by `cachedAt`); with nothing kept the failure is one plain sentence.
   */
  async answer<T extends object>(key: string | null, prefer: Prefer, fetch: () => Promise<T>, now = () => Date.now()): Promise<MaybeKept<T>> {
    const kept = async () => {
      const found = key === null ? null : await this.cache.get(key);
      return found ? { ...(found.value as T), cachedAt: new Date(found.fetchedAt).toISOString() } : null;
    };
    if (prefer === 'cache') {
      const found = await kept();
      if (found) return found;
    }
    let fresh: T;
    try {
      fresh = await fetch();
    } catch (error) {
      const kind = kindOf(error);
      if (!isNetworkKind(kind)) throw error;
      const found = await kept();
      if (found) return found;
      throw new HighcardError(kind, UNREACHABLE_NOTHING_KEPT, { cause: error });
    }
    if (key !== null) await this.cache.set(key, fresh, now());
    return fresh;
  }

  /** The keys of the kept answers (see overviewKey, timelineKey, forYouKey). */
  async keys(): Promise<string[]> {
    return (await this.cache.entries()).map((entry) => entry.key);
  }

  /** Forgets these kept answers, e.g. of an account merged away since. */
  forget(keys: readonly string[]): Promise<void> {
    return this.cache.forget(keys);
  }

  /** Forgets every kept answer: the next person on this browser never sees them. */
  clear(): Promise<void> {
    return this.cache.clear();
  }
}

/** The key of an account's overview in an organization. */
export function overviewKey(orgId: string | null, accountId: string): string {
  return JSON.stringify(['overview', orgId, accountId]);
}

/** The key of the For you list in an organization (the kept one is cleared on sign-out). */
export function forYouKey(orgId: string): string {
  return JSON.stringify(['forYou', orgId]);
}

/** The key of an account's first timeline page; null (not kept) for any other page or filter. */
export function timelineKey(
  orgId: string | null,
  query: { accountId: string; signal?: string | null; kind?: string | null; from?: string | null; to?: string | null; after?: unknown; limit?: number },
): string | null {
  if (query.signal || query.kind || query.from || query.to || query.after) return null;
  return JSON.stringify(['timeline', orgId, query.accountId, query.limit ?? null]);
}

export const popupCache = new PopupCache();
