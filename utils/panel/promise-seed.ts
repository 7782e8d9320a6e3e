// "Add as a promise" from a sentence in a message: what the form starts with. Every guess is
// shown for the rep to confirm or change (utils/plans reads the date and guesses the side).
import { readDueDate, type DueDateReading } from '../plans/due-date';
import { guessSide } from '../plans/side';
import type { PlanSide } from '../vocabulary';

export interface PromiseSeed {
  sentence: string;
  sideGuess: PlanSide | null;
  dueGuess: DueDateReading | null;
}

export interface SentenceSource {
  /** When the message was sent: "on Monday" is the Monday after it. */
  occurredAt: string | null;
  /** The rep's own message ("I will send…" is ours), or the customer's ("I will send…" is theirs). */
  mine: boolean;
}

const LIST_MARKER = /^(?:\d{1,3}[.)]|[-–•*])\s+/u;

export function promiseSeed(
  sentence: string,
  source: SentenceSource | null,
  names: { customerNames?: readonly string[]; ourNames?: readonly string[] } = {},
): PromiseSeed {
  // A selected list item comes with its marker ("1. ", "- "): the promise is the words after it.
  const text = sentence.replace(/\s+/g, ' ').trim().replace(LIST_MARKER, '');
  if (!text) return { sentence: '', sideGuess: null, dueGuess: null };
  const sentAt = source?.occurredAt ? new Date(source.occurredAt) : new Date();
  const reference = Number.isNaN(sentAt.getTime()) ? new Date() : sentAt;
  return {
    sentence: text,
    sideGuess: guessSide(text, { ...names, author: source && !source.mine ? 'customer' : 'us' }),
    dueGuess: readDueDate(text, reference),
  };
}
