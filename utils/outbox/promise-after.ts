// "Add as a promise" on a message not filed yet survives the panel: the filing carries the
// promise, and once the message is on the server the outbox adds the promise with the entry
// the server made as its source. Exactly once: the promise keeps the id the form made, and
// add_plan_item returns the item it already made for that id, so a worker stopped between
// adding and noting it adds nothing new when it runs again. A refusal is kept on the item
// with the server's words and the promise's text, and reported: never dropped quietly.
import type { OutboxItem, PromiseToAdd } from '../messages';
import type { OutboxStore } from './store';

/** What adding the promise came to: added, refused (the server's words), or try on the next run. */
export type AddOutcome = { kind: 'added' } | { kind: 'refused'; message: string } | { kind: 'later' };

/** Where the promise goes: the filed entry's account when it has one, the panel's otherwise. */
export interface PromisePlace {
  orgId: string;
  accountId: string;
  /** The entry it was read from; null when the entry is on no account (it cannot be linked). */
  entryId: string | null;
}

/** Adds a promise of a filed message (add_plan_item). */
export type AddPromise = (promise: PromiseToAdd, place: PromisePlace) => Promise<AddOutcome>;

/** The promise an item still has to add, and where, once the server has the message. */
export function waitingToAdd(item: OutboxItem): { promise: PromiseToAdd; place: PromisePlace } | null {
  if (item.status !== 'sent' || !item.result || item.promise?.state !== 'waiting') return null;
  const account = item.result.account_id;
  return {
    promise: item.promise.item,
    place: { orgId: item.capture.org_id, accountId: account ?? item.promise.item.accountId, entryId: account ? item.result.id : null },
  };
}

/** Adds every filed item's waiting promise, oldest first. Stops at the first 'later' (offline,
 * signed out): the next run tries again. Answers what was refused, in words, or null. */
export async function addFiledPromises(store: OutboxStore, items: readonly OutboxItem[], add: AddPromise, now: number): Promise<string | null> {
  let problem: string | null = null;
  for (const listed of items) {
    if (!waitingToAdd(listed)) continue;
    const item = await store.get(listed.id);
    const waiting = item && waitingToAdd(item);
    if (!item?.promise || !waiting) continue;
    let outcome: AddOutcome;
    try {
      outcome = await add(waiting.promise, waiting.place);
    } catch {
      outcome = { kind: 'later' };
    }
    if (outcome.kind === 'later') return problem;
    const refused = outcome.kind === 'refused' ? outcome.message : null;
    await store.put({ ...item, promise: { ...item.promise, state: refused ? 'refused' : 'added', error: refused }, updatedAt: now });
    if (refused) problem = `the promise “${waiting.promise.body}” was not added to the plan (${refused}); its text is kept with the filed message`;
  }
  return problem;
}
