// Dates in English words, read in one place for every site. Gmail writes a message's time as
// local wall-clock text ("Fri, Nov 20, 2026, 9:41 AM"), never with an offset; Outlook's long
// forms use the same words (outlook/date.ts adds its numeric ones). We read it back as local time and write ISO 8601 with the offset the
// browser had at that moment. Anything we cannot read with certainty is null: a missing date
// can be filled in by the user, a wrong one silently misorders a customer's timeline.

/**
 * Minutes east of UTC at a wall-clock time (+60 for +01:00), the opposite sign of
 * Date#getTimezoneOffset. It receives the wall-clock time as a local Date, so the default
 * follows the browser's daylight-saving rules; tests pass a fixed or seasonal function.
 */
export type TimeZoneOffset = (wallClock: Date) => number;

export const browserTimeZoneOffset: TimeZoneOffset = (wallClock) => -wallClock.getTimezoneOffset();

const MONTHS = new Map<string, number>(Object.entries({
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
}));

const WEEKDAYS = new Map<string, number>(Object.entries({
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
}));

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number | null;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const MERIDIEM = /^([ap])\.?m\.?$/i;

/** English layouts: "Fri, Nov 20, 2026, 9:41 AM", "Fri, 20 Nov 2026, 09:41", "… at 9:41 AM". */
function readWords(text: string): WallClock | null {
  const tokens = text
    .replace(/,/g, ' ')
    .split(' ')
    .filter((token) => token !== '' && token.toLowerCase() !== 'at');
  let month: number | null = null;
  let weekday: number | null = null;
  let year: number | null = null;
  let day: number | null = null;
  let time: RegExpExecArray | null = null;
  let meridiem: 'a' | 'p' | null = null;
  for (const token of tokens) {
    const word = token.toLowerCase().replace(/\.$/, '');
    const clock = TIME.exec(token);
    const ampm = MERIDIEM.exec(token);
    const monthNumber = MONTHS.get(word);
    const weekdayNumber = WEEKDAYS.get(word);
    if (monthNumber !== undefined && month === null) month = monthNumber;
    else if (weekdayNumber !== undefined && weekday === null) weekday = weekdayNumber;
    else if (/^\d{4}$/.test(token) && year === null) year = Number(token);
    else if (/^\d{1,2}$/.test(token) && day === null) day = Number(token);
    else if (clock && time === null) time = clock;
    else if (ampm && meridiem === null && time !== null) meridiem = ampm[1]?.toLowerCase() === 'p' ? 'p' : 'a';
    // Anything else ("yesterday", a second day number, a foreign word) makes the text
    // ambiguous to us, so we give up rather than guess.
    else return null;
  }
  if (month === null || year === null || day === null || time === null) return null;
  let hour = Number(time[1]);
  if (meridiem !== null) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  return { year, month, day, hour, minute: Number(time[2]), second: Number(time[3] ?? 0), weekday };
}

/** Year-first layouts need no month names: "2026-11-20 09:41", "2026年11月20日(金) 9:41". */
function readYearFirst(text: string): WallClock | null {
  const match =
    /^(\d{4})[-/.年]\s?(\d{1,2})[-/.月]\s?(\d{1,2})日?(?:\s?[(（][^)）]{1,3}[)）])?[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return null;
  return {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: Number(match[6] ?? 0),
    weekday: null,
  };
}

function isReal(clock: WallClock): boolean {
  const { year, month, day, hour, minute, second, weekday } = clock;
  if (year < 1970 || year > 9999 || hour > 23 || minute > 59 || second > 59) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  // A weekday that disagrees with the date means we misread one of them.
  return weekday === null || date.getUTCDay() === weekday;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/**
 * A Gmail date text as ISO 8601 with offset ("2026-11-20T09:41:00+01:00"), or null when the
 * text is not a complete date we can read with certainty (no year, relative words, a
 * weekday that contradicts the date, a language we do not know).
 */
export function parseEnglishDate(text: string | null | undefined, timeZoneOffset: TimeZoneOffset = browserTimeZoneOffset): string | null {
  if (!text) return null;
  const cleaned = text
    // Chrome's ICU writes a narrow no-break space before AM/PM; Gmail adds bidi marks in RTL UIs.
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    // The visible cell adds a relative time: "Nov 19, 2026, 4:02 PM (1 day ago)".
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '') return null;
  const clock = readYearFirst(cleaned) ?? readWords(cleaned);
  if (!clock || !isReal(clock)) return null;
  const { year, month, day, hour, minute, second } = clock;
  const offset = timeZoneOffset(new Date(year, month - 1, day, hour, minute, second));
  if (!Number.isInteger(offset) || Math.abs(offset) > 18 * 60) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${formatOffset(offset)}`;
}
