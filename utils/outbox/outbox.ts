// Pact rule 7: a filed item is written here before any network call, then synced through
// file_interaction. The capture's own id is the idempotency key, so a retry after any
// failure (a dropped connection, a killed service worker, a server restart) lands on the
// row that already exists instead of making a second one. What to do after each attempt is
// decided in decisions.ts, the sending is driven by drain.ts, and the badge and the alarm
// follow the items in tally.ts; this file is what the rest of the extension asks of the
// outbox: file, list, correct, retry, discard, count. Each of these
// concerns the items of the person the outbox is for now (owners.ts): nobody sends, changes or
// reads another person's items.
import { HighcardError } from '../errors';
import { oneSentence, parseCapture, type Capture, type FiledBy, type OthersWaiting, type OutboxItem, type PromiseToAdd } from '../messages';
import { KEEP_SENT_MS, type SendOutcome } from './decisions';
import { describe, Drain, ItemTurns, OutboxError } from './drain';
import { claimUnowned, isMine, othersWaiting, unownedIn, type RecordedUser, type Viewer } from './owners';
import type { AddPromise } from './promise-after';
import type { SettleStep } from './settle-after';
import type { OutboxStore } from './store';
import { UnsentTally } from './tally';

export { OutboxError } from './drain';

export interface OutboxDeps {
  store: OutboxStore;
  /** Sends a capture as `filedBy` (a user id): answers 'unauthorized' without sending when
   * someone else's session is the one in this browser. */
  send: (capture: Capture, filedBy: string | null) => Promise<SendOutcome>;
  /** Who the outbox is for now: the user signed in here, or signed out the last one who was
   * (null: nobody yet). Without it, the outbox is one person's (tests, benchmarks). */
  whose?: () => Promise<FiledBy | null>;
  /** Settles the plan step a filed reply carries, once the server has the reply. */
  settle?: SettleStep;
  /** Adds the promise a filed message carries, once the server has the message. */
  addPromise?: AddPromise;
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
  private readonly tally: UnsentTally;
  private readonly turns = new ItemTurns();
  private readonly driver: Drain;
  private sendTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: OutboxDeps) {
    this.now = deps.now ?? Date.now;
    this.tally = new UnsentTally({
      viewer: async () => (await this.viewer())?.userId ?? null,
      mine: () => this.mine(),
      schedule: deps.schedule,
      onChange: deps.onChange,
    });
    this.driver = new Drain({
      store: deps.store,
      send: deps.send,
      settle: deps.settle,
      addPromise: deps.addPromise,
      turns: this.turns,
      now: this.now,
      random: deps.random ?? Math.random,
      list: () => this.mine(),
      changed: () => this.changed(),
      report: (problem) => this.report(problem),
    });
  }

  /** Validates and stores the capture. Resolves once it is durable; sending comes later.
   * `settles` and `promise` ride along: the step it settles, the promise read from it. */
  async file(input: unknown, settles?: string | null, promise?: PromiseToAdd | null): Promise<OutboxItem> {
    const parsed = parseCapture(input);
    if (!parsed.ok) throw new OutboxError(oneSentence(parsed.errors));
    const viewer = await this.viewer();
    if (viewer === null) throw new HighcardError('signed_out', 'Sign in to Highcard first: an item is kept for the person who filed it. Nothing was filed.');
    const existing = await this.deps.store.get(parsed.capture.id);
    if (existing) return existing;
    const now = this.now();
    const item: OutboxItem = {
      id: parsed.capture.id,
      filedBy: viewer ?? null,
      capture: parsed.capture,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      error: null,
      createdAt: now,
      updatedAt: now,
      result: null,
      settles: settles ? { planItemId: settles, state: 'waiting' } : null,
      promise: promise ? { item: promise, state: 'waiting' } : null,
    };
    try {
      await this.deps.store.put(item);
    } catch (error) {
      throw new OutboxError(
        `Highcard could not keep this item in your browser (${describe(error)}). Nothing was filed; your text is still in the preview.`,
      );
    }
    // The item is durable: answer the rep now; the badge, the alarm and sending follow.
    this.tally.filed(viewer?.userId ?? null);
    if (this.deps.sendAfterMs !== undefined) this.sendSoon();
    else this.changed().catch((error) => this.report(`could not update the badge or the next attempt (${describe(error)})`));
    return item;
  }

  /** Every item in this browser, whoever filed it, oldest first: for housekeeping only. */
  async list(): Promise<OutboxItem[]> {
    const items = await this.deps.store.all();
    return items.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** The items of the person the outbox is for now, oldest first: what is shown, counted and sent. */
  async mine(): Promise<OutboxItem[]> {
    const [items, viewer] = await Promise.all([this.list(), this.viewer()]);
    return items.filter((item) => isMine(item, viewer));
  }

  /** How many unsent items of other people wait here, and whose; `asked`: the organizations
   * whose items without an owner the viewer is asked about instead (owners.ts). */
  async others(asked: readonly string[] = []): Promise<OthersWaiting> {
    const [items, viewer] = await Promise.all([this.list(), this.viewer()]);
    return othersWaiting(items, viewer, asked);
  }

  /** Items without an owner that `signedIn`, in `orgIds`, is asked about (owners.ts unownedIn). */
  async unowned(orgIds: readonly string[]): Promise<OutboxItem[]> {
    return unownedIn(await this.list(), orgIds);
  }

  /** Their answer: the items become theirs (sent by the next run) or are discarded. How many. */
  async decideUnowned(choice: 'send' | 'discard', signedIn: FiledBy, orgIds: readonly string[]): Promise<number> {
    let count = 0;
    for (const { id } of await this.unowned(orgIds)) {
      // Read again in its turn: another panel may have answered meanwhile.
      const decided = await this.turns.change(id, async () => {
        const item = unownedIn([await this.deps.store.get(id)].filter((found) => found !== null), orgIds)[0];
        if (item) await (choice === 'send' ? this.deps.store.put({ ...item, filedBy: signedIn }) : this.deps.store.remove(id));
        return Boolean(item);
      });
      if (decided) count += 1;
    }
    if (count) await this.changed();
    return count;
  }

  /** Gives items kept before owners were recorded to `signedIn` when owners.ts allows it. */
  async claimUnowned(signedIn: FiledBy | null, recorded: RecordedUser | null): Promise<number> {
    const claimed = claimUnowned(await this.list(), signedIn, recorded);
    for (const item of claimed) await this.deps.store.put(item);
    if (claimed.length) await this.changed();
    return claimed.length;
  }

  private viewer(): Promise<Viewer> {
    return this.deps.whose ? this.deps.whose() : Promise.resolve(undefined);
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

  /** Sends every due item, oldest first (drain.ts). Concurrent calls share one run; never rejects. */
  drain(): Promise<void> {
    return this.driver.run();
  }

  /** After sign-in or when the network returns: everything of the signed-in user's that waits
   * goes now; other people's items keep waiting for them. Never rejects. */
  async resume(): Promise<void> {
    const now = this.now();
    try {
      for (const item of await this.mine()) {
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
    return this.turns.change(id, () => this.updateNow(id, input));
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
    await this.turns.change(id, async () => {
      // Only the author may give up an item: discarding another person's would lose their work.
      if (await this.deps.store.get(id)) await this.require(id);
      await this.deps.store.remove(id);
      await this.changed();
    });
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

  /** One of the viewer's items: someone else's is theirs to send, correct or discard. */
  private async require(id: string): Promise<OutboxItem> {
    const [item, viewer] = await Promise.all([this.deps.store.get(id), this.viewer()]);
    if (!item) throw new OutboxError('That item is no longer in the outbox.');
    if (!isMine(item, viewer)) throw new HighcardError('refused', 'Someone else filed that item; it waits for them to sign in here.');
    return item;
  }

  /** The badge's number (tally.ts). */
  unsentCount(): Promise<number> {
    return this.tally.count();
  }

  private report(problem: string | null): void {
    try {
      this.deps.report?.(problem);
    } catch (error) {
      // Reporting is best effort; the outbox itself is unaffected, and the log keeps it.
      console.warn('Highcard could not keep a problem for Settings:', problem, error);
    }
  }

  /** The badge and the alarm after a change (tally.ts). */
  private changed(): Promise<void> {
    return this.tally.changed();
  }
}
