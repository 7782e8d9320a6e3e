// "This settles it" survives the panel: a filed reply can carry the plan step it settles, and
// once the reply is on the server the outbox settles the step with the entry the server made.
// The step is settled at most once per item: the item notes the outcome before it is done
// with it, and settle_plan_item settles a step already settled the same way as a no-op, so a
// worker stopped between the two steps does no harm when it settles again.
import type { OutboxItem, SettleAfterFiling } from '../messages';
import type { OutboxStore } from './store';

/** What settling the step came to: done, nothing to do any more, or try on the next run. */
export type SettleOutcome = 'settled' | 'skipped' | 'later';

/** Settles the step of the item the server filed. */
export type SettleStep = (planItemId: string, entryId: string) => Promise<SettleOutcome>;

/** The step an item still has to settle, once the server has the reply. */
export function waitingToSettle(item: OutboxItem): (SettleAfterFiling & { entryId: string }) | null {
  if (item.status !== 'sent' || !item.result || item.settles?.state !== 'waiting') return null;
  return { ...item.settles, entryId: item.result.id };
}

/** Settles every filed item's waiting step, oldest first. Stops at the first 'later' (offline,
 * signed out): the rest would fail the same way, and the next run tries again. */
export async function settleFiledSteps(store: OutboxStore, items: readonly OutboxItem[], settle: SettleStep, now: number): Promise<void> {
  for (const listed of items) {
    if (!waitingToSettle(listed)) continue;
    const item = await store.get(listed.id);
    const waiting = item && waitingToSettle(item);
    if (!item || !waiting) continue;
    let outcome: SettleOutcome;
    try {
      outcome = await settle(waiting.planItemId, waiting.entryId);
    } catch {
      outcome = 'later';
    }
    if (outcome === 'later') return;
    await store.put({ ...item, settles: { planItemId: waiting.planItemId, state: outcome }, updatedAt: now });
  }
}
