// Whose an item is (pact rule 4: authors own their entries). Each item records who filed it,
// and only that person's session sends it, to the organization it was filed to: someone else
// who signs in to this browser neither sends, changes nor reads it (pact rule 7: it waits for
// its author, untouched). Pure: who is signed in is asked by the caller.
import type { FiledBy, OthersWaiting, OutboxItem } from '../messages';
import { isUnsent } from './decisions';

/** Who the outbox is for now: the person signed in (or, signed out, the last one who was),
 * null when nobody ever signed in here, and undefined for an outbox with no users at all
 * (tests and benchmarks that drive it as one person). */
export type Viewer = FiledBy | null | undefined;

export function isMine(item: OutboxItem, viewer: Viewer): boolean {
  if (viewer === undefined) return true;
  // An item without an owner is nobody's until claimUnowned() decides: it waits.
  return !!viewer && item.filedBy?.userId === viewer.userId;
}

/** Someone else's unsent items, as counts per author: their text stays theirs. Items without
 * an owner that the viewer is asked about (`asked`: their organizations, see unownedIn) are
 * left to that question. */
export function othersWaiting(items: readonly OutboxItem[], viewer: Viewer, asked: readonly string[] = []): OthersWaiting {
  const counts = new Map<string, { email: string | null; count: number }>();
  for (const item of items) {
    if (!isUnsent(item) || isMine(item, viewer) || (!item.filedBy && asked.includes(item.capture.org_id))) continue;
    const key = item.filedBy?.userId ?? '';
    const entry = counts.get(key) ?? { email: item.filedBy?.email ?? null, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()];
}

/** What this browser recorded about its user before items recorded who filed them: the user
 * id the organizations were last fetched for, and those organizations. */
export interface RecordedUser {
  userId: string;
  orgIds: readonly string[];
}

/**
 * Items kept before this change have no owner. They are given to the person signed in when
 * the upgraded extension first starts only if that is the user this browser had recorded as
 * signed in before the upgrade (the organizations cache, which sign-out clears), and only for
 * items filed to one of that user's organizations. Anything else is held for no one: sending
 * it as whoever signs in next could make one person's notes another's entries, which is the
 * harm this guards against; holding it loses nothing (it stays in this browser, counted).
 * The decision is taken once (the caller keeps that it was), because later the same cache
 * names whoever signed in since.
 */
export function claimUnowned(items: readonly OutboxItem[], signedIn: FiledBy | null, recorded: RecordedUser | null): OutboxItem[] {
  if (!signedIn || !recorded || recorded.userId !== signedIn.userId) return [];
  return items
    .filter((item) => !item.filedBy && isUnsent(item) && recorded.orgIds.includes(item.capture.org_id))
    .map((item) => ({ ...item, filedBy: signedIn }));
}

/**
 * What the first start could not decide is asked of a person, never done for them: the items
 * still without an owner that were filed to one of the signed-in person's organizations
 * (`orgIds`) and not yet sent. They choose to send them as theirs (they say they filed them) or
 * to discard them; until someone does, they wait, counted. Only how many is shown: if they
 * are a colleague's, their text is not this person's to read.
 */
export function unownedIn(items: readonly OutboxItem[], orgIds: readonly string[]): OutboxItem[] {
  return items.filter((item) => !item.filedBy && isUnsent(item) && orgIds.includes(item.capture.org_id));
}
