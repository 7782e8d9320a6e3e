// Coaching periods as people read them (pact rule 9): who sees a period, until when notes can
// be written, and when everything is deleted. Pure functions; the database decides the same
// things in supabase/migrations/20261129120000_coaching.sql (a test keeps them together).
// Days are UTC days, as in the database: a period's last day ends at midnight UTC.

import { LIMITS } from './limits';

/** Length limits the database enforces (open_coaching_period, add_coaching_note, thank_author). */
export const COACHING_LIMITS = {
  purpose: LIMITS.coachingPurpose,
  note: LIMITS.coachingNote,
  maxDays: 90,
  keepDaysAfterEnd: 30,
} as const;
export const THANKS_NOTE_MAX = LIMITS.thanksNote;

/** What these functions need of a period (a row of coaching_periods). */
export interface PeriodDays {
  starts_on: string;
  ends_on: string;
  ended_at: string | null;
}

export interface PeriodPeople {
  manager_id: string;
  manager_name: string | null;
  employee_id: string;
  employee_name: string | null;
}

const DAY_MS = 86_400_000;

/** Today's UTC day as YYYY-MM-DD. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A UTC day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The end days a manager may choose: from tomorrow to 90 days ahead. */
export function endDayRange(now: Date = new Date()): { min: string; max: string } {
  const today = utcToday(now);
  return { min: addDays(today, 1), max: addDays(today, COACHING_LIMITS.maxDays) };
}

/** Notes can be written while today is between the first and last day and nobody ended it. */
export function isOpen(period: PeriodDays, now: Date = new Date()): boolean {
  const today = utcToday(now);
  return period.ended_at === null && period.starts_on <= today && today <= period.ends_on;
}

/** When the period ended or will end: the early end, or the end of its last day. */
export function endMoment(period: PeriodDays): Date {
  return period.ended_at ? new Date(period.ended_at) : new Date(Date.parse(`${addDays(period.ends_on, 1)}T00:00:00Z`));
}

/** When the period and its notes are deleted (private.coaching_delete_after). */
export function deletionMoment(period: PeriodDays): Date {
  return new Date(endMoment(period).getTime() + COACHING_LIMITS.keepDaysAfterEnd * DAY_MS);
}

/** The other person of the period, seen from `userId`. */
export function otherPerson(period: PeriodPeople, userId: string): { id: string; name: string } {
  const managerSide = period.manager_id === userId;
  const name = managerSide ? period.employee_name : period.manager_name;
  return { id: managerSide ? period.employee_id : period.manager_id, name: name ?? 'a former member' };
}

/** "Only you and Maria see this." */
export function whoSees(period: PeriodPeople, userId: string): string {
  return `Only you and ${otherPerson(period, userId).name} see this.`;
}

const utcDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });

/** A UTC day or moment as a date people read ("12 January 2027"), the same everywhere. */
export function formatDay(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  return Number.isNaN(date.getTime()) ? '' : utcDay.format(date);
}

/** When it ends or ended, in words. */
export function endsText(period: PeriodDays, now: Date = new Date()): string {
  if (period.ended_at) return `Ended early on ${formatDay(period.ended_at)}.`;
  if (isOpen(period, now)) return `Open until the end of ${formatDay(period.ends_on)}.`;
  return `Ended on ${formatDay(period.ends_on)}.`;
}

/** When its notes go, in words. */
export function deletionText(period: PeriodDays): string {
  return `It and its notes will be deleted on ${formatDay(deletionMoment(period))}.`;
}

/** Open periods first (soonest end first), then ended ones (latest end first). */
export function orderPeriods<T extends PeriodDays & { created_at: string }>(periods: readonly T[], now: Date = new Date()): T[] {
  return [...periods].sort((a, b) => {
    const openA = isOpen(a, now);
    const openB = isOpen(b, now);
    if (openA !== openB) return openA ? -1 : 1;
    if (openA) return a.ends_on.localeCompare(b.ends_on) || b.created_at.localeCompare(a.created_at);
    return endMoment(b).getTime() - endMoment(a).getTime();
  });
}
