// What the rest of the browser shows of the outbox between runs: the toolbar badge (how many
// of the viewer's items are unsent) and the alarm that wakes the worker for the next attempt.
// Both follow every change to the items; a burst of changes is folded into as few recounts as
// possible, and the badge's number is kept so that asking it does not read every item again.
import type { OutboxItem } from '../messages';
import { isUnsent, nextWakeUp } from './decisions';

export interface TallyDeps {
  /** Whose items are counted now: a user id, or null for nobody yet. */
  viewer: () => Promise<string | null>;
  /** That person's items. */
  mine: () => Promise<OutboxItem[]>;
  schedule: (when: number | null) => Promise<void>;
  onChange?: (items: OutboxItem[]) => void;
}

export class UnsentTally {
  /** How many of the viewer's items are not yet sent, as of the last change; null until first
   * counted, and counted again for another viewer. */
  private unsent: { viewer: string | null; count: number } | null = null;
  private changing: Promise<void> | null = null;
  private changeAgain = false;

  constructor(private readonly deps: TallyDeps) {}

  /** One more unsent item of `viewer`'s is durable: the badge can say so before the recount. */
  filed(viewer: string | null): void {
    if (this.unsent && this.unsent.viewer === viewer) this.unsent.count += 1;
  }

  /** The badge's number, without reading every item again on each question. */
  async count(): Promise<number> {
    const viewer = await this.deps.viewer();
    if (this.unsent?.viewer !== viewer) this.unsent = { viewer, count: (await this.deps.mine()).filter(isUnsent).length };
    return this.unsent.count;
  }

  /** The badge and the alarm after a change; calls while one runs share one more run, so a
   * burst of filings costs two, not one per item. */
  changed(): Promise<void> {
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
    const viewer = await this.deps.viewer();
    const items = await this.deps.mine();
    this.unsent = { viewer, count: items.filter(isUnsent).length };
    await this.deps.schedule(nextWakeUp(items));
    this.deps.onChange?.(items);
  }
}
