// Reads when something was promised for from the sentence it was promised in ("I'll send it
// on Monday", "bis Ende des Monats"), relative to when the message was sent, so that the
// preview can offer the date for the rep to confirm. Dates are calendar days (YYYY-MM-DD) in
// the reader's own calendar, as utils/due-dates.ts reads them.
import { de, en, type Chrono, type ParsedResult } from 'chrono-node';

/** A due date read from the customer's words. */
export interface DueDateReading {
  /** YYYY-MM-DD. */
  due_on: string;
  /** The words it was read from: "on Monday". */
  words: string;
}

/** The last day of the reference's month: "end of month", "Ende des Monats", "Monatsende". */
function endOfMonthParser(pattern: RegExp) {
  return {
    pattern: () => pattern,
    extract: (context: { refDate: Date }) => {
      const ref = context.refDate;
      const last = new Date(ref.getFullYear(), ref.getMonth() + 1, 0);
      return { day: last.getDate(), month: last.getMonth() + 1, year: last.getFullYear() };
    },
  };
}

function withEndOfMonth(base: Chrono, pattern: RegExp): Chrono {
  const parser = base.clone();
  parser.parsers.push(endOfMonthParser(pattern));
  return parser;
}

// English already knows "end of (the) month"; German needs to be taught.
const PARSERS: readonly Chrono[] = [
  en.casual,
  withEndOfMonth(de.casual, /(?:(?:bis\s+)?(?:zum\s+)?(?:Ende\s+(?:des|dieses)\s+Monats)|(?:zum\s+)?Monatsende)/i),
];

function isoDay(result: ParsedResult): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const start = result.start;
  return `${start.get('year')}-${pad(start.get('month') ?? 1)}-${pad(start.get('day') ?? 1)}`;
}

/** A reading names a day when it says one (a date, a weekday, "tomorrow"); a time alone
 * ("at 3pm") or a month alone ("we march on", "in January") does not, and neither does a
 * word of three letters or fewer: "do" in English is not German "Do." (Thursday), nor is
 * "Sun" always Sunday. */
function namesADay(result: ParsedResult): boolean {
  if (result.text.trim().length <= 3) return false;
  return result.start.isCertain('day') || result.start.isCertain('weekday');
}

/**
 * The first date the sentence names, in English or German, read forward from `sentAt` (the
 * message's date): "Monday" is the Monday after it, "December 1" the next December 1. Null
 * when the sentence names no day.
 */
export function readDueDate(sentence: string, sentAt: Date): DueDateReading | null {
  let best: ParsedResult | null = null;
  for (const parser of PARSERS) {
    for (const result of parser.parse(sentence, sentAt, { forwardDate: true })) {
      if (!namesADay(result)) continue;
      const earlier = !best || result.index < best.index;
      const longer = best && result.index === best.index && result.text.length > best.text.length;
      if (earlier || longer) best = result;
      break;
    }
  }
  return best ? { due_on: isoDay(best), words: best.text } : null;
}
