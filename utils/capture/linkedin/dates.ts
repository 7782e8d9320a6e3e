// LinkedIn messaging shows a day heading ("Today", "Monday", "Nov 18", "Nov 18, 2024") and a
// time per message group ("9:41 AM"), both in the viewer's own timezone and in English for
// English-language accounts. These turn them into ISO 8601 with an offset. Anything not
// understood is null: a missing time beats a wrong one.

export interface ClockOptions {
  /** The moment "Today" refers to. Defaults to the current time. */
  now?: Date;
  /**
   * Minutes east of UTC (Berlin in winter: 60, New York in winter: -300). Defaults to the
   * browser's own timezone, with its daylight-saving rules applied to each date.
   */
  timeZoneOffsetMinutes?: number;
}

/** A calendar date in the viewer's timezone; month 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** "Nov 18", "November 18", "Nov 18, 2024", "18 Nov 2024". */
const MONTH_DAY = /^([a-z]{3,9})\.? (\d{1,2})(?:,? (\d{4}))?$/;
const DAY_MONTH = /^(\d{1,2}) ([a-z]{3,9})\.?(?:,? (\d{4}))?$/;
/** "9:41 AM", "9:41 pm", "21:41". */
const CLOCK = /^(\d{1,2}):(\d{2})(?:\s*([ap])\.?\s*m\.?)?$/;

const DAY_MS = 24 * 60 * 60 * 1000;

/** 1–12 for "nov", "nov." or "november" (and "sept"); null for anything else. */
function monthNumber(name: string): number | null {
  if (name.length < 3) return null;
  const index = MONTHS.findIndex((month) => month.startsWith(name) || (name === 'sept' && month === 'september'));
  return index < 0 ? null : index + 1;
}

function isValidDate(date: LocalDate): boolean {
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return check.getUTCFullYear() === date.year && check.getUTCMonth() === date.month - 1 && check.getUTCDate() === date.day;
}

function shiftDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function compare(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Today's date in the viewer's timezone. */
export function localToday(options: ClockOptions = {}): LocalDate {
  const now = options.now ?? new Date();
  if (options.timeZoneOffsetMinutes === undefined) {
    return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  }
  const shifted = new Date(now.getTime() + options.timeZoneOffsetMinutes * 60_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The date a day heading stands for, or null when the heading is not understood. */
export function parseDayHeading(heading: string, options: ClockOptions = {}): LocalDate | null {
  const text = heading.replace(/\s+/g, ' ').trim().toLowerCase();
  const today = localToday(options);
  if (text === 'today') return today;
  if (text === 'yesterday') return shiftDays(today, -1);

  const weekday = WEEKDAYS.indexOf(text);
  if (weekday >= 0) {
    // LinkedIn names the weekday only for the past week; today itself reads "Today".
    const todayWeekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
    const back = (todayWeekday - weekday + 7) % 7 || 7;
    return shiftDays(today, -back);
  }

  const monthDay = MONTH_DAY.exec(text);
  const dayMonth = monthDay ? null : DAY_MONTH.exec(text);
  const monthName = monthDay?.[1] ?? dayMonth?.[2];
  const dayText = monthDay?.[2] ?? dayMonth?.[1];
  const yearText = monthDay?.[3] ?? dayMonth?.[3];
  if (!monthName || !dayText) return null;
  const month = monthNumber(monthName);
  if (!month) return null;
  const day = Number(dayText);
  if (yearText) {
    const date = { year: Number(yearText), month, day };
    return isValidDate(date) ? date : null;
  }
  // Without a year the date is within the last twelve months: "Dec 30" read in January is
  // last December.
  const thisYear = { year: today.year, month, day };
  const date = compare(thisYear, today) > 0 ? { ...thisYear, year: today.year - 1 } : thisYear;
  return isValidDate(date) ? date : null;
}

/** Hours and minutes from "9:41 AM" or "21:41", or null. */
export function parseClock(text: string): { hour: number; minute: number } | null {
  const match = CLOCK.exec(text.replace(/[\s\u00a0\u202f]+/g, ' ').trim().toLowerCase());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const meridiem = match[3];
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return { hour, minute };
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

function formatOffset(minutesEast: number): string {
  const sign = minutesEast < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutesEast) / 60))}:${pad(Math.abs(minutesEast) % 60)}`;
}

/** "2025-11-18T09:41:00+01:00" for a local date and clock time in the viewer's timezone. */
export function toLocalIso(date: LocalDate, hour: number, minute: number, options: ClockOptions = {}): string {
  const offset =
    options.timeZoneOffsetMinutes ??
    -new Date(date.year, date.month - 1, date.day, hour, minute).getTimezoneOffset();
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}T${pad(hour)}:${pad(minute)}:00${formatOffset(offset)}`;
}

/** An instant (from a machine-readable datetime) written in the viewer's timezone. */
export function instantToLocalIso(instant: Date, options: ClockOptions = {}): string {
  const offset = options.timeZoneOffsetMinutes ?? -instant.getTimezoneOffset();
  const local = new Date(instant.getTime() + offset * 60_000);
  const date = { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
  const seconds = local.getUTCSeconds();
  const base = toLocalIso(date, local.getUTCHours(), local.getUTCMinutes(), { timeZoneOffsetMinutes: offset });
  return seconds ? base.replace(/:00(?=[+-]\d{2}:\d{2}$)/, `:${pad(seconds)}`) : base;
}

/**
 * A `datetime` attribute that names an instant (has a time and a zone), as ISO with the
 * viewer's offset; null for dates alone or anything unparseable.
 */
export function parseMachineDateTime(value: string | null | undefined, options: ClockOptions = {}): string | null {
  const text = value?.trim() ?? '';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(text)) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instantToLocalIso(instant, options);
}

/** A `datetime` attribute that names a calendar day ("2025-11-18"), or null. */
export function parseMachineDate(value: string | null | undefined): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidDate(date) ? date : null;
}
