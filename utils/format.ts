// Dates and text as people read them: dates in their own locale and time zone, long text
// as a one-line excerpt.

/** The start of a text on one line, cut at `max` characters with an ellipsis. */
export function excerpt(text: string, max = 200): { text: string; cut: boolean } {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? { text: `${flat.slice(0, max - 1)}…`, cut: true } : { text: flat, cut: false };
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatWhen(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (withTime ? dateTime : dateOnly).format(date);
}

/** An ISO time as the value of <input type="datetime-local"> in the browser's zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** The value of <input type="datetime-local"> as ISO 8601 with the browser's offset. */
export function fromLocalInput(value: string): string | null {
  const date = new Date(value);
  if (!value || Number.isNaN(date.getTime())) return null;
  return withOffset(date);
}

export function withOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}
