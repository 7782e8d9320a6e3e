// The outbox's driver: one run sends every due item, oldest first, and notes each answer
// (decisions.ts says what follows it). Items stay in the store throughout; the rep's changes
// to an item and its sending take turns (ItemTurns), so what is sent is what is stored.
import type { Capture, OutboxItem } from '../messages';
import { afterAttempt, isDue, type SendOutcome } from './decisions';
import { addFiledPromises, type AddPromise } from './promise-after';
import { settleFiledSteps, type SettleStep } from './settle-after';
import type { OutboxStore } from './store';

export class OutboxError extends Error {}

export function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Whose turn an item is: on its way to the server, or being changed by the rep. */
export class ItemTurns {
  /** Items on their way to the server: not to be edited or discarded until they land. */
  private readonly inFlight = new Set<string>();
  /** Items the rep is editing or discarding right now: a run waits for the change to land,
   * then reads the item again, so it never sends what the rep just took back or corrected. */
  private readonly changing = new Map<string, Promise<unknown>>();

  /** The rep's change to one item: refused while it is on its way, and awaited by a run that
   * reaches it meanwhile. Two changes to one item run one after the other. */
  async change<T>(id: string, change: () => Promise<T>): Promise<T> {
    this.refuseWhileSending(id);
    while (this.changing.has(id)) await this.changing.get(id)?.catch(() => undefined);
    this.refuseWhileSending(id);
    const run = change();
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.changing.set(id, settled);
    try {
      return await run;
    } finally {
      if (this.changing.get(id) === settled) this.changing.delete(id);
    }
  }

  /** Sends one item once any change the rep started has landed; from then until the answer
   * is noted, changes to it are refused. */
  async send<T>(id: string, sending: () => Promise<T>): Promise<T> {
    while (this.changing.has(id)) await this.changing.get(id);
    this.inFlight.add(id);
    try {
      return await sending();
    } finally {
      this.inFlight.delete(id);
    }
  }

  private refuseWhileSending(id: string): void {
    if (this.inFlight.has(id)) {
      throw new OutboxError('This item is being sent right now. Try again in a moment.');
    }
  }
}

export interface DrainDeps {
  store: OutboxStore;
  send: (capture: Capture, filedBy: string | null) => Promise<SendOutcome>;
  settle?: SettleStep;
  addPromise?: AddPromise;
  turns: ItemTurns;
  now: () => number;
  random: () => number;
  /** The items this run may send (the signed-in user's: owners.ts), oldest first. */
  list: () => Promise<OutboxItem[]>;
  /** The badge and the alarm after a run. */
  changed: () => Promise<void>;
  report: (problem: string | null) => void;
}

export class Drain {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly deps: DrainDeps) {}

  /** Sends every due item, oldest first. Concurrent calls share one run. Never rejects: a
   * storage or alarm failure is reported and the next wake-up (alarm, filing, sign-in, the
   * network coming back, the worker starting) tries again; items are never dropped. */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        let problem: string | null = null;
        do {
          this.again = false;
          problem = (await this.once().catch((error) => `could not read the outbox (${describe(error)})`)) ?? problem;
        } while (this.again);
        this.deps.report(problem);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** One pass over the due items; answers what went wrong behind the user's back, if anything. */
  private async once(): Promise<string | null> {
    const { store, now } = this.deps;
    let problem: string | null = null;
    // The list says which items to look at and in what order; each is read again just before
    // it goes, since the rep may discard or correct one while an earlier one is on its way.
    for (const listed of await this.deps.list()) {
      if (!isDue(listed, now())) continue;
      let outcome: SendOutcome | null = null;
      try {
        outcome = await this.deps.turns.send(listed.id, async () => {
          const item = await store.get(listed.id);
          if (!item || !isDue(item, now())) return null;
          let answer: SendOutcome;
          try {
            answer = await this.deps.send(item.capture, item.filedBy?.userId ?? null);
          } catch (error) {
            answer = { kind: 'unavailable', message: describe(error) };
          }
          try {
            await store.put(afterAttempt(item, answer, now(), this.deps.random));
            if (answer.kind === 'unauthorized') await this.holdForSignIn(answer.message);
          } catch (error) {
            // The item stays as it was (pending): sending it again lands on the same row.
            problem = `could not note the outcome of an item in this browser (${describe(error)})`;
          }
          return answer;
        });
      } catch (error) {
        problem = `could not read an item again before sending it (${describe(error)})`;
        continue;
      }
      if (outcome?.kind === 'unauthorized') break;
      // Offline or server down: the others would fail the same way; the alarm comes back.
      if (outcome?.kind === 'unavailable') break;
    }
    if (this.deps.settle) {
      problem = await settleFiledSteps(store, await this.deps.list(), this.deps.settle, now()).then(
        () => problem,
        (error) => `could not settle a step with the reply it was filed with (${describe(error)})`,
      );
    }
    if (this.deps.addPromise) {
      const refused = await addFiledPromises(store, await this.deps.list(), this.deps.addPromise, now()).catch(
        (error) => `could not add a promise with the message it was filed with (${describe(error)})`,
      );
      problem = refused ?? problem;
    }
    try {
      await this.deps.changed();
    } catch (error) {
      problem = `could not set the next attempt (${describe(error)}); it will follow the next filing or sign-in`;
    }
    return problem;
  }

  private async holdForSignIn(message: string): Promise<void> {
    // Only the items this run may send: another person's keep their own state for them.
    for (const item of await this.deps.list()) {
      if (item.status !== 'pending') continue;
      await this.deps.store.put({ ...item, status: 'waiting_for_sign_in', error: message, errorKind: 'signed_out', nextAttemptAt: null, updatedAt: this.deps.now() });
    }
  }
}
