// The panel's honest states, as words for the rep. Pure, so each state is tested as text:
// what a filed item waits for and when it tries again, and offline said as offline, never as
// the browser's "TypeError: Failed to fetch".
import { isNetworkKind, type ErrorKind } from '../errors';
import type { OthersWaiting, OutboxItem } from '../messages';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "You're offline — 1 item will be sent when you're back". */
export function offlineLine(unsent: number): string {
  return unsent > 0
    ? `You're offline — ${plural(unsent, 'item', 'items')} will be sent when you're back`
    : "You're offline — what the team knows shows again when you're back";
}

/** "Your session ended — 1 item waits to be sent", or without unsent items just that it ended. */
export function sessionEndedLine(unsent: number): string {
  if (unsent <= 0) return 'Your session ended.';
  return `Your session ended — ${plural(unsent, 'item waits', 'items wait')} to be sent`;
}

/** The warning before signing out while filed items wait: sign-out keeps them in this browser,
 * and only their author's sign-in sends them (someone else signing in here sees only a count). */
export function signOutWarning(unsent: number): string {
  return unsent === 1
    ? '1 item you filed has not reached the team yet. Signing out keeps it in this browser until you sign in again. It is sent only as yours: anyone else who signs in here sees only that it waits, and cannot send it.'
    : `${unsent} items you filed have not reached the team yet. Signing out keeps them in this browser until you sign in again. They are sent only as yours: anyone else who signs in here sees only how many wait, and cannot send them.`;
}

/** Other people's unsent items in this browser, said once: how many and whose, never what
 * they say, and nothing to send them with (only their author's sign-in does). */
export function othersWaitingLine(others: OthersWaiting): string | null {
  const lines = others
    .filter((other) => other.count > 0)
    .map((other) =>
      other.email
        ? `${plural(other.count, 'item', 'items')} filed by ${other.email} ${other.count === 1 ? 'waits' : 'wait'} for them to sign in here.`
        : `${plural(other.count, 'item', 'items')} filed before Highcard recorded who filed ${other.count === 1 ? 'it waits' : 'them wait'} in this browser; ${other.count === 1 ? 'it is' : 'they are'} not sent as anyone else.`,
    );
  return lines.length ? lines.join(' ') : null;
}

/** Signed out after someone signed in here before (the session ended, or they signed out):
 * the panel says it ended and what waits, instead of greeting a new user. */
export function sessionEnded(session: { user: unknown; signInMethod?: string | null }): boolean {
  return !session.user && !!session.signInMethod;
}

/** An error for the rep, chosen by its kind (`Failure.kind` from send()), never by its text:
 * no network is not the same as a server that does not answer, and an ended session says so. */
export function errorForRep(message: string, online: boolean, kind?: ErrorKind | null): string {
  if (!online || kind === 'offline') return "You're offline — this shows again when you're back.";
  if (isNetworkKind(kind)) return "Server unreachable — Highcard can't reach your team's server right now.";
  if (kind === 'signed_out') return 'Your session ended — sign in again to see this.';
  return message;
}

/** What "This page" says when the tab beside it could not be asked about, and what it offers:
 * a panel cut off from its background needs a reload, anything else may work on a retry. */
export function tabViewProblem(kind: ErrorKind, message: string, online: boolean): { text: string; action: 'reload' | 'retry' | null } {
  switch (kind) {
    case 'disconnected':
      return { text: 'Highcard was updated or restarted. Reload this panel to reconnect; nothing you filed is lost.', action: 'reload' };
    case 'not_found':
      return { text: 'The tab this panel showed is no longer there.', action: null };
    case 'bug':
      return { text: `Highcard could not read what this tab shows. ${message}`, action: 'retry' };
    default:
      return { text: errorForRep(message, online, kind), action: 'retry' };
  }
}

/** "in 40 s", "in 3 min", "at 14:05": when the outbox tries again. */
export function nextTryText(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((at - now) / 1000));
  if (seconds < 5) return 'now';
  if (seconds < 60) return `in ${seconds} s`;
  if (seconds < 60 * 60) return `in ${Math.round(seconds / 60)} min`;
  return `at ${new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
}

export type FiledTone = 'done' | 'waiting' | 'problem';

/** How long a new item may say "sending" before it says what it waits for. */
export const SENDING_MS = 30_000;

/** What a filed item is waiting for, in words: never "sending" forever. */
export function filedStateText(item: OutboxItem, now: number, online: boolean): { text: string; tone: FiledTone } {
  switch (item.status) {
    case 'sent':
      return { text: 'Filed', tone: 'done' };
    case 'waiting_for_sign_in':
      return { text: 'Filed · waiting for you to sign in; sent as soon as you do', tone: 'waiting' };
    case 'needs_attention':
      return { text: `Needs attention: ${item.error ?? 'the server refused it'}`, tone: 'problem' };
    case 'pending': {
      // "Sending" only for a moment: an item not sent after that says what it waits for.
      if (item.attempts === 0 && online && now - item.createdAt < SENDING_MS) return { text: 'Filed · sending', tone: 'waiting' };
      const when = item.nextAttemptAt === null ? '' : `; next try ${nextTryText(item.nextAttemptAt, now)}`;
      if (item.attempts === 0 && online) return { text: `Filed · kept in this browser, not sent yet${when}`, tone: 'waiting' };
      const waitsFor = !online || item.errorKind === 'offline' ? 'the network' : 'the server';
      return { text: `Filed · kept in this browser, waiting for ${waitsFor}${when}`, tone: 'waiting' };
    }
  }
}

/** Items filed in this browser that have not reached the server yet. */
export function unsentCount(items: readonly OutboxItem[]): number {
  return items.filter((item) => item.status !== 'sent').length;
}

/** The rep's own new entry in "What the team knows": "By you · sending", "By you · on record". */
export function justFiledMeta(item: OutboxItem, now: number, online: boolean): string {
  if (item.status === 'sent') return 'By you · on record';
  return `By you · ${filedStateText(item, now, online).text.replace(/^Filed · /, '')}`;
}
