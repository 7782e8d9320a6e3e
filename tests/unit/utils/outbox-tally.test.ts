import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../utils/outbox';
import { UnsentTally } from '../../../utils/outbox/tally';

function item(id: string, status: OutboxItem['status'], nextAttemptAt: number | null = 1000): OutboxItem {
  return {
    id,
    filedBy: { userId: 'u1', email: 'u1@example.test' },
    capture: {} as OutboxItem['capture'],
    status,
    attempts: 0,
    nextAttemptAt,
    error: null,
    createdAt: 0,
    updatedAt: 0,
    result: null,
    settles: null,
    promise: null,
  };
}

function setup(items: OutboxItem[], viewer: { id: string | null } = { id: 'u1' }) {
  let reads = 0;
  const scheduled: Array<number | null> = [];
  let release: (() => void) | null = null;
  const tally = new UnsentTally({
    viewer: async () => viewer.id,
    mine: async () => {
      reads += 1;
      return items;
    },
    schedule: (when) => {
      scheduled.push(when);
      return release === null ? Promise.resolve() : new Promise<void>((done) => (release = done));
    },
  });
  return { tally, scheduled, reads: () => reads, holdSchedule: () => (release = () => undefined), releaseSchedule: () => release?.() };
}

describe('the unsent tally', () => {
  it('counts the viewer’s unsent items once and answers again from what it kept', async () => {
    const { tally, reads } = setup([item('a', 'pending'), item('b', 'sent'), item('c', 'needs_attention')]);
    expect(await tally.count()).toBe(2);
    expect(await tally.count()).toBe(2);
    expect(reads()).toBe(1);
  });

  it('counts again when someone else becomes the viewer', async () => {
    const viewer = { id: 'u1' as string | null };
    const { tally, reads } = setup([item('a', 'pending')], viewer);
    await tally.count();
    viewer.id = 'u2';
    await tally.count();
    expect(reads()).toBe(2);
  });

  it('adds a filed item to the viewer’s count before any recount, and not to another person’s', async () => {
    const { tally, reads } = setup([item('a', 'pending')]);
    await tally.count();
    tally.filed('u1');
    tally.filed('u2');
    expect(await tally.count()).toBe(2);
    expect(reads()).toBe(1);
  });

  it('folds changes made while a recount runs into one more recount, and schedules the earliest attempt', async () => {
    const { tally, scheduled, reads, holdSchedule, releaseSchedule } = setup([item('a', 'pending', 5000), item('b', 'pending', 3000)]);
    holdSchedule();
    const first = tally.changed();
    await Promise.resolve();
    await new Promise((done) => setTimeout(done, 0));
    const second = tally.changed();
    const third = tally.changed();
    releaseSchedule();
    await new Promise((done) => setTimeout(done, 0));
    releaseSchedule();
    await Promise.all([first, second, third]);
    expect(reads()).toBe(2);
    expect(scheduled).toEqual([3000, 3000]);
  });
});
