// Outlook writes a message's time as local wall-clock text in the UI's own format
// ("Fri 11/20/2026 9:41 AM" in en-US, "Fri 20/11/2026 09:41" in en-GB, "Fr 20.11.2026 09:41"
// in German). Long forms with month names and year-first forms go through the shared
// English reader (../dates.ts); numeric day/month order comes from the page's
// language, and when that cannot settle it (3/4/2026 on a page without a language) the date
// is null: a missing date can be filled in, a wrong one misorders a customer's timeline.
import { browserTimeZoneOffset, parseEnglishDate, type TimeZoneOffset } from '../dates';

/** Languages whose numeric dates put the month first. */
const MONTH_FIRST = /^en-(?:us|ph)$|^en$/i;

const NUMERIC = /^(?:[^\d\s]{2,4}\.?,?\s+)?(\d{1,2})([/.-])(\d{1,2})\2(\d{4}),?\s+(\d{1,2}):(\d{2})(?:\s*([ap])\.?m\.?)?$/i;

export function parseOutlookDate(
  text: string | null | undefined,
  language: string | null,
  timeZoneOffset: TimeZoneOffset = browserTimeZoneOffset,
): string | null {
  if (!text) return null;
  const cleaned = text.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
  const worded = parseEnglishDate(cleaned, timeZoneOffset);
  if (worded) return worded;
  const match = NUMERIC.exec(cleaned);
  if (!match) return null;
  const first = Number(match[1]);
  const second = Number(match[3]);
  let monthFirst: boolean | null;
  if (match[2] === '.') monthFirst = false;
  else if (language && language.trim() !== '') monthFirst = MONTH_FIRST.test(language.trim());
  else monthFirst = first > 12 ? false : second > 12 ? true : null;
  if (monthFirst === null) return null;
  const [month, day] = monthFirst ? [first, second] : [second, first];
  let hour = Number(match[5]);
  const meridiem = match[7]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  const pad = (value: number) => String(value).padStart(2, '0');
  return parseEnglishDate(`${match[4]}-${pad(month)}-${pad(day)} ${pad(hour)}:${match[6]}`, timeZoneOffset);
}
