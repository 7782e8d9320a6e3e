// Pact rule 7: a filed item is written here before any network call, then synced through
// file_interaction. The capture's own id is the idempotency key, so a retry after any
// failure (a dropped connection, a killed service worker, a server restart) lands on the
// row that already exists instead of making a second one.
import { oneSentence, parseCapture, type Capture, type FileResult, type OutboxItem } from './messages';

export type { FileResult, OutboxItem, OutboxStatus } from './messages';

/** What one attempt to send an item came to. */
export type SendOutcome =
  | { kind: 'sent'; result: FileResult }
  /** The server refused the capture: only the user can fix it. */
  | { kind: 'refused'; message: string }
  /** No session, or it expired: wait for sign-in, keep everything. */
  | { kind: 'unauthorized'; message: string }
  /** Offline (`offline`: the browser has no network), timed out, or the server failed: try again later. */
  | { kind: 'unavailable'; message: string; offline?: boolean };

export const BACKOFF = { baseMs: 5_000, capMs: 15 * 60_000 } as const;
/** Sent items stay listed this long so the sidebar can say "Filed". */
export const KEEP_SENT_MS = 7 * 24 * 60 * 60_000;

/** Exponential backoff with jitter between half and all of the step, so many browsers coming
 * back online at once do not retry in lockstep. */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

export function afterAttempt(
  item: OutboxItem,
  outcome: SendOutcome,
  now: number,
  random: () => number = Math.random,
): OutboxItem {
  const attempts = item.attempts + 1;
  const base = { ...item, attempts, updatedAt: now };
  switch (outcome.kind) {
    case 'sent':
      return { ...base, status: 'sent', result: outcome.result, error: null, errorKind: null, nextAttemptAt: null };
    case 'refused':
      return { ...base, status: 'needs_attention', error: outcome.message, errorKind: 'refused', nextAttemptAt: null };
    case 'unauthorized':
      // An expired session is not the item's fault: it does not count as an attempt.
      return { ...base, attempts: item.attempts, status: 'waiting_for_sign_in', error: outcome.message, errorKind: 'signed_out', nextAttemptAt: null };
    case 'unavailable':
      return {
        ...base,
        status: 'pending',
        error: outcome.message,
        errorKind: outcome.offline ? 'offline' : 'unreachable',
        nextAttemptAt: now + backoffDelay(attempts, random),
      };
  }
}

export function isDue(item: OutboxItem, now: number): boolean {
  return item.status === 'pending' && (item.nextAttemptAt ?? 0) <= now;
}

export function isUnsent(item: OutboxItem): boolean {
  return item.status !== 'sent';
}

/** The earliest automatic attempt still to come, for the alarm. */
export function nextWakeUp(items: readonly OutboxItem[]): number | null {
  const times = items.filter((item) => item.status === 'pending').map((item) => item.nextAttemptAt ?? 0);
  return times.length ? Math.min(...times) : null;
}

export interface OutboxStore {
  get(id: string): Promise<OutboxItem | null>;
  put(item: OutboxItem): Promise<void>;
  remove(id: string): Promise<void>;
  all(): Promise<OutboxItem[]>;
}

/** An outbox kept in memory, copied in and out as extension storage would: for Node-side
 * tests and benchmarks that drive the real outbox against the local stack. */
export function memoryOutboxStore(): OutboxStore {
  const items = new Map<string, OutboxItem>();
  return {
    get: async (id) => structuredClone(items.get(id) ?? null),
    put: async (item) => void items.set(item.id, structuredClone(item)),
    remove: async (id) => void items.delete(id),
    all: async () => [...items.values()].map((item) => structuredClone(item)),
  };
}

export class OutboxError extends Error {}

export interface OutboxDeps {
  store: OutboxStore;
  send: (capture: Capture) => Promise<SendOutcome>;
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
  private drainAgain = false;
  private changing: Promise<void> | null = null;
  private sendTimer: ReturnType<typeof setTimeout> | null = null;
  private changeAgain = false;

  constructor(private readonly deps: OutboxDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /** Validates and stores the capture. Resolves once it is durable; sending comes later. */
  async file(input: unknown): Promise<OutboxItem> {
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
      this.changed()
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
    for (const item of await this.list()) {
      if (!isDue(item, this.now())) continue;
      let outcome: SendOutcome;
      this.inFlight.add(item.id);
      try {
        outcome = await this.deps.send(item.capture);
      } catch (error) {
        outcome = { kind: 'unavailable', message: describe(error) };
      } finally {
        this.inFlight.delete(item.id);
      }
      try {
        // The user may have discarded or edited the item while it was on its way.
        const current = await this.deps.store.get(item.id);
        if (!current || current.updatedAt !== item.updatedAt) {
          if (current && outcome.kind === 'sent') await this.deps.store.put(afterAttempt(current, outcome, this.now(), this.random));
          continue;
        }
        await this.deps.store.put(afterAttempt(item, outcome, this.now(), this.random));
        if (outcome.kind === 'unauthorized') await this.holdForSignIn(outcome.message);
      } catch (error) {
        // The item stays as it was (pending): sending it again lands on the same row.
        problem = `could not note the outcome of an item in this browser (${describe(error)})`;
      }
      if (outcome.kind === 'unauthorized') break;
      // Offline or server down: the others would fail the same way; the alarm comes back.
      if (outcome.kind === 'unavailable') break;
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
    this.refuseWhileSending(id);
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
    this.refuseWhileSending(id);
    await this.deps.store.remove(id);
    await this.changed();
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
