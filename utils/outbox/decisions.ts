// What the outbox decides, as pure functions of an item, an outcome and the time: what an
// attempt comes to, when the next one is due, what counts as unsent. No storage, no network.
import type { FileResult, OutboxItem } from '../messages';

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
/** Sent items stay listed this long so the panel can say "Filed". */
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
