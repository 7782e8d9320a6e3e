// Pact rule 7: a filed item is written here before any network call, then synced through
// file_interaction. The capture's own id is the idempotency key, so a retry after any
// failure (a dropped connection, a killed service worker, a server restart) lands on the
// row that already exists instead of making a second one. What to do after each attempt is
// decided in decisions.ts; this file keeps the items and drives the sending.
import { oneSentence, parseCapture, type Capture, type OutboxItem } from '../messages';
import { afterAttempt, isDue, isUnsent, KEEP_SENT_MS, nextWakeUp, type SendOutcome } from './decisions';
import { settleFiledSteps, type SettleStep } from './settle-after';
import type { OutboxStore } from './store';

export class OutboxError extends Error {}

export interface OutboxDeps {
  store: OutboxStore;
  send: (capture: Capture) => Promise<SendOutcome>;
  /** Settles the plan step a filed reply carries, once the server has the reply. */
  settle?: SettleStep;
  /** Asks to be woken at `when` (epoch ms), or cancels the wake-up with null. */
  schedule: (when: number | null) => Promise<void>;
  /** Told whenever the number of unsent items may have changed (the toolbar badge). */
  onChange?: (items: OutboxItem[]) => void;
  /** Told what failed behind the user's back (storage, the alarm), in words for the user;
   * told null once a run of the outbox went through without a failure. */
  report?: (problem: string | null) => void;
  /** With a value (ms), filing answers and then, once no other item came for that long, one
   * run sends what waits and updates the badge and the alarm (the background); without,
   * filing updates the badge and the alarm at once and sending is the caller's (tests). */
  sendAfterMs?: number;
  now?: () => number;
  random?: () => number;
}

export class Outbox {
  private readonly now: () => number;
  private readonly random: () => number;
  private draining: Promise<void> | null = null;
  /** How many items are not yet sent, as of the last change; null until first counted. */
  private unsent: number | null = null;
  /** Items on their way to the server: not to be edited or discarded until they land. */
  private readonly inFlight = new Set<string>();
  /** Items the rep is editing or discarding right now: a drain waits for the change to land,
   * then reads the item again, so it never sends what the rep just took back or corrected. */
  private readonly changingItems = new Map<string, Promise<unknown>>();
  private drainAgain = false;
  private changing: Promise<void> | null = null;
  private sendTimer: ReturnType<typeof setTimeout> | null = null;
  private changeAgain = false;

  constructor(private readonly deps: OutboxDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /** Validates and stores the capture. Resolves once it is durable; sending comes later. */
  async file(input: unknown, settles?: string | null): Promise<OutboxItem> {
    const parsed = parseCapture(input);
    if (!parsed.ok) throw new OutboxError(oneSentence(parsed.errors));
    const existing = await this.deps.store.get(parsed.capture.id);
    if (existing) return existing;
    const now = this.now();
    const item: OutboxItem = {
      id: parsed.capture.id,
      capture: parsed.capture,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      error: null,
      createdAt: now,
      updatedAt: now,
      result: null,
      settles: settles ? { planItemId: settles, state: 'waiting' } : null,
    };
    try {
      await this.deps.store.put(item);
    } catch (error) {
      throw new OutboxError(
        `Highcard could not keep this item in your browser (${describe(error)}). Nothing was filed; your text is still in the preview.`,
      );
    }
    // The item is durable: answer the rep now; the badge, the alarm and sending follow.
    if (this.unsent !== null) this.unsent += 1;
    if (this.deps.sendAfterMs !== undefined) this.sendSoon();
    else this.changed().catch((error) => this.report(`could not update the badge or the next attempt (${describe(error)})`));
    return item;
  }

  async list(): Promise<OutboxItem[]> {
    const items = await this.deps.store.all();
    return items.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** Sends what waits once filing has paused for `sendAfterMs`: a burst of filings (several
   * messages of a thread) costs one run, after every answer went out. Nothing depends on the
   * timer: the items are durable, and a worker stopped before it fires sends at its next start. */
  sendSoon(): void {
    if (this.sendTimer !== null) clearTimeout(this.sendTimer);
    this.sendTimer = setTimeout(() => {
      this.sendTimer = null;
      // The badge and the alarm first: they must not wait for a slow server. drain() never rejects.
      void this.changed()
        .catch((error) => this.report(`could not update the badge or the next attempt (${describe(error)})`))
        .then(() => this.drain());
    }, this.deps.sendAfterMs ?? 0);
  }

  /** Sends every due item, oldest first. Concurrent calls share one run. Never rejects: a
   * storage or alarm failure is reported and the next wake-up (alarm, filing, sign-in, the
   * network coming back, the worker starting) tries again; items are never dropped. */
  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        let problem: string | null = null;
        do {
          this.drainAgain = false;
          problem = (await this.drainOnce().catch((error) => `could not read the outbox (${describe(error)})`)) ?? problem;
        } while (this.drainAgain);
        this.report(problem);
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  /** One pass over the due items; answers what went wrong behind the user's back, if anything. */
  private async drainOnce(): Promise<string | null> {
    let problem: string | null = null;
    // The list says which items to look at and in what order; each is read again just before
    // it goes, since the rep may discard or correct one while an earlier one is on its way.
    for (const listed of await this.list()) {
      if (!isDue(listed, this.now())) continue;
      // A change the rep started lands first; from here until the answer is noted, changes
      // to this item are refused (inFlight), so what is sent is what is stored.
      while (this.changingItems.has(listed.id)) await this.changingItems.get(listed.id);
      this.inFlight.add(listed.id);
      let outcome: SendOutcome;
      try {
        const item = await this.deps.store.get(listed.id);
        if (!item || !isDue(item, this.now())) continue;
        try {
          outcome = await this.deps.send(item.capture);
        } catch (error) {
          outcome = { kind: 'unavailable', message: describe(error) };
        }
        try {
          await this.deps.store.put(afterAttempt(item, outcome, this.now(), this.random));
          if (outcome.kind === 'unauthorized') await this.holdForSignIn(outcome.message);
        } catch (error) {
          // The item stays as it was (pending): sending it again lands on the same row.
          problem = `could not note the outcome of an item in this browser (${describe(error)})`;
        }
      } catch (error) {
        problem = `could not read an item again before sending it (${describe(error)})`;
        continue;
      } finally {
        this.inFlight.delete(listed.id);
      }
      if (outcome.kind === 'unauthorized') break;
      // Offline or server down: the others would fail the same way; the alarm comes back.
      if (outcome.kind === 'unavailable') break;
    }
    if (this.deps.settle) {
      problem = await settleFiledSteps(this.deps.store, await this.list(), this.deps.settle, this.now()).then(
        () => problem,
        (error) => `could not settle a step with the reply it was filed with (${describe(error)})`,
      );
    }
    try {
      await this.changed();
    } catch (error) {
      problem = `could not set the next attempt (${describe(error)}); it will follow the next filing or sign-in`;
    }
    return problem;
  }

  private async holdForSignIn(message: string): Promise<void> {
    for (const item of await this.deps.store.all()) {
      if (item.status !== 'pending') continue;
      await this.deps.store.put({ ...item, status: 'waiting_for_sign_in', error: message, errorKind: 'signed_out', nextAttemptAt: null, updatedAt: this.now() });
    }
  }

  /** After sign-in or when the network returns: everything waiting goes now. Never rejects. */
  async resume(): Promise<void> {
    const now = this.now();
    try {
      for (const item of await this.deps.store.all()) {
        if (item.status === 'waiting_for_sign_in' || (item.status === 'pending' && (item.nextAttemptAt ?? 0) > now)) {
          await this.deps.store.put({ ...item, status: 'pending', nextAttemptAt: now, updatedAt: now });
        }
      }
    } catch (error) {
      this.report(`could not wake the waiting items (${describe(error)})`);
      return;
    }
    await this.drain();
  }

  async retry(id: string): Promise<OutboxItem> {
    const item = await this.require(id);
    if (item.status === 'sent') return item;
    const now = this.now();
    const next: OutboxItem = { ...item, status: 'pending', nextAttemptAt: now, updatedAt: now };
    await this.deps.store.put(next);
    await this.drain();
    return (await this.deps.store.get(id)) ?? next;
  }

  /** The user's correction of a refused item: same id, so still exactly one row. */
  async update(id: string, input: unknown): Promise<OutboxItem> {
    return this.changeItem(id, () => this.updateNow(id, input));
  }

  private async updateNow(id: string, input: unknown): Promise<OutboxItem> {
    const item = await this.require(id);
    if (item.status === 'sent') throw new OutboxError('This item is already filed; edit it from “What I have shared”.');
    const parsed = parseCapture(input);
    if (!parsed.ok) throw new OutboxError(oneSentence(parsed.errors));
    if (parsed.capture.id !== id) throw new OutboxError('id: cannot change while the item waits to be sent');
    const now = this.now();
    const next: OutboxItem = { ...item, capture: parsed.capture, status: 'pending', error: null, errorKind: null, nextAttemptAt: now, updatedAt: now };
    await this.deps.store.put(next);
    await this.changed();
    return next;
  }

  async discard(id: string): Promise<void> {
    await this.changeItem(id, async () => {
      await this.deps.store.remove(id);
      await this.changed();
    });
  }

  /** The rep's change to one item: refused while it is on its way, and awaited by a drain
   * that reaches it meanwhile. Two changes to one item run one after the other. */
  private async changeItem<T>(id: string, change: () => Promise<T>): Promise<T> {
    this.refuseWhileSending(id);
    while (this.changingItems.has(id)) await this.changingItems.get(id)?.catch(() => undefined);
    this.refuseWhileSending(id);
    const run = change();
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.changingItems.set(id, settled);
    try {
      return await run;
    } finally {
      if (this.changingItems.get(id) === settled) this.changingItems.delete(id);
    }
  }

  /** Forgets sent items after a week; unsent items are never pruned. */
  async prune(): Promise<void> {
    const cutoff = this.now() - KEEP_SENT_MS;
    try {
      for (const item of await this.deps.store.all()) {
        if (item.status === 'sent' && item.updatedAt < cutoff) await this.deps.store.remove(item.id);
      }
    } catch (error) {
      // Only housekeeping: sent items linger a little longer.
      this.report(`could not forget sent items (${describe(error)})`);
    }
  }

  private refuseWhileSending(id: string): void {
    if (this.inFlight.has(id)) {
      throw new OutboxError('This item is being sent right now. Try again in a moment.');
    }
  }

  private async require(id: string): Promise<OutboxItem> {
    const item = await this.deps.store.get(id);
    if (!item) throw new OutboxError('That item is no longer in the outbox.');
    return item;
  }

  /** The badge's number, without reading every item again on each question. */
  async unsentCount(): Promise<number> {
    this.unsent ??= (await this.deps.store.all()).filter(isUnsent).length;
    return this.unsent;
  }

  private report(problem: string | null): void {
    try {
      this.deps.report?.(problem);
    } catch (error) {
      // Reporting is best effort; the outbox itself is unaffected, and the log keeps it.
      console.warn('Highcard could not keep a problem for Settings:', problem, error);
    }
  }

  /** The badge and the alarm after a change; calls while one runs share one more run, so a
   * burst of filings costs two, not one per item. */
  private changed(): Promise<void> {
    if (this.changing) {
      this.changeAgain = true;
      return this.changing;
    }
    this.changing = (async () => {
      try {
        do {
          this.changeAgain = false;
          await this.changedOnce();
        } while (this.changeAgain);
      } finally {
        this.changing = null;
      }
    })();
    return this.changing;
  }

  private async changedOnce(): Promise<void> {
    const items = await this.list();
    this.unsent = items.filter(isUnsent).length;
    await this.deps.schedule(nextWakeUp(items));
    this.deps.onChange?.(items);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
