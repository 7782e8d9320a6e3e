// Due dates as people read them. A due date is a calendar day (YYYY-MM-DD, the database's
// `date`), never a moment: it is read and compared as a day in the reader's own calendar, so
// a step due on Monday is due on Monday wherever the reader is.

/** Today in the reader's calendar, as YYYY-MM-DD. */
export function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function asLocalDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date!);
}

/** The day `days` after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  const date = asLocalDate(day);
  date.setDate(date.getDate() + days);
  return localDay(date);
}

export type DueState = 'overdue' | 'today' | 'upcoming';

/** YYYY-MM-DD strings compare as their days do. */
export function dueState(dueOn: string, today: string): DueState {
  if (dueOn < today) return 'overdue';
  return dueOn === today ? 'today' : 'upcoming';
}

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/** "Mon, Dec 8" in the reader's language. */
export function formatDay(day: string): string {
  return dayFormat.format(asLocalDate(day));
}

/** What is said beside a step: overdue is said in words, never only by a colour. */
export function dueWords(dueOn: string, today: string): string {
  const state = dueState(dueOn, today);
  if (state === 'overdue') return `Overdue — was due ${formatDay(dueOn)}`;
  if (state === 'today') return 'Due today';
  if (dueOn === addDays(today, 1)) return 'Due tomorrow';
  return `Due ${formatDay(dueOn)}`;
}

/** Soonest due first, undated last; equal dates keep their order. */
export function bySoonestDue<T extends { due_on: string | null }>(a: T, b: T): number {
  if (a.due_on === b.due_on) return 0;
  if (a.due_on === null) return 1;
  if (b.due_on === null) return -1;
  return a.due_on < b.due_on ? -1 : 1;
}
