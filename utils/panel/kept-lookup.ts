// The team's last answer about the people in view, read straight from where the background
// keeps it (utils/lookup-cache.ts), so the panel paints it without a trip through the background.
// The answers read are remembered for the panel's lifetime and follow every change the
// background writes: a thread the rep opens again paints its context with the thread itself.
import { browser } from 'wxt/browser';
import { entryId, lookupKey, type CacheEntry } from '../lookup-cache';
import type { LookupResult } from '../messages';
import { LOOKUP_KEY_PREFIX, readUnder } from '../storage';
import { bare, isUnder } from '../storage-keys';

const LISTS = ['contacts', 'accounts', 'entries', 'people'] as const;
const wellFormed = (value: unknown): value is LookupResult =>
  typeof value === 'object' && value !== null && LISTS.every((list) => Array.isArray((value as Record<string, unknown>)[list]));

export interface KeptLookup {
  result: LookupResult;
  fetchedAt: number;
}

/** Answers remembered, by entry id, newest last; as many as the background keeps in memory. */
const remembered = new Map<string, CacheEntry<LookupResult> | null>();
const REMEMBERED = 20;
/** Bumped by every change to a kept answer: a read that started before one is not remembered. */
let changes = 0;
let following = false;

function remember(id: string, entry: CacheEntry<LookupResult> | null): void {
  remembered.delete(id);
  remembered.set(id, entry);
  if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
}

/** What the background writes (a fresh answer, ids mapped after a merge, all forgotten on
 * sign-out) replaces what is remembered. */
function follow(): void {
  if (following || !browser.storage?.onChanged) return;
  following = true;
  browser.storage.onChanged.addListener((changed, area) => {
    if (area !== 'local') return;
    for (const [key, change] of Object.entries(changed)) {
      if (!isUnder(LOOKUP_KEY_PREFIX, key)) continue;
      changes += 1;
      const id = key.slice(bare(LOOKUP_KEY_PREFIX).length);
      if (remembered.has(id)) remember(id, (change.newValue as CacheEntry<LookupResult> | undefined) ?? null);
    }
  });
}

/** Forgets what was remembered and listens afresh (tests reset the browser under it). */
export function forgetKeptLookups(): void {
  remembered.clear();
  following = false;
}

/** The kept answer to this question in this organization, or null (none, or unreadable: the
 * background's own read decides then). */
export async function keptLookup(orgId: string, emails: readonly string[], linkedinUrl: string | null): Promise<KeptLookup | null> {
  follow();
  const key = lookupKey(orgId, emails, linkedinUrl);
  const id = entryId(key);
  let entry: CacheEntry<LookupResult> | null;
  if (remembered.has(id)) {
    entry = remembered.get(id)!;
  } else {
    const before = changes;
    try {
      entry = await readUnder<CacheEntry<LookupResult>>(LOOKUP_KEY_PREFIX, id);
    } catch {
      return null;
    }
    if (changes === before) remember(id, entry);
  }
  // Two questions can share an id; the key settles which one this answers. The background
  // checked the answer before keeping it; one of another shape (an older version's) is left
  // to the background's own read, which fills what is missing.
  if (!entry || entry.key !== key || typeof entry.fetchedAt !== 'number' || !wellFormed(entry.value)) return null;
  return { result: entry.value, fetchedAt: entry.fetchedAt };
}
