// The team's last answer about the people in view, read straight from where the background
// keeps it (utils/lookup-cache.ts), so the panel paints it without a trip through the background:
// one trip fewer between a thread opening in the tab and its context showing.
import { entryId, lookupKey, type CacheEntry } from '../lookup-cache';
import type { LookupResult } from '../messages';
import { LOOKUP_KEY_PREFIX, readUnder } from '../storage';

const LISTS = ['contacts', 'accounts', 'entries', 'people'] as const;
const wellFormed = (value: unknown): value is LookupResult =>
  typeof value === 'object' && value !== null && LISTS.every((list) => Array.isArray((value as Record<string, unknown>)[list]));

export interface KeptLookup {
  result: LookupResult;
  fetchedAt: number;
}

/** The kept answer to this question in this organization, or null (none, or unreadable: the
 * background's own read decides then). */
export async function keptLookup(orgId: string, emails: readonly string[], linkedinUrl: string | null): Promise<KeptLookup | null> {
  const key = lookupKey(orgId, emails, linkedinUrl);
  try {
    const entry = await readUnder<CacheEntry<LookupResult>>(LOOKUP_KEY_PREFIX, entryId(key));
    // Two questions can share an id; the key settles which one this answers. The background
    // checked the answer before keeping it; one of another shape (an older version's) is left
    // to the background's own read, which fills what is missing.
    if (!entry || entry.key !== key || typeof entry.fetchedAt !== 'number' || !wellFormed(entry.value)) return null;
    return { result: entry.value, fetchedAt: entry.fetchedAt };
  } catch {
    return null;
  }
}
