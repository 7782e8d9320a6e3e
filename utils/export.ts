// "What I have shared" as files the author can keep: CSV for spreadsheets, JSON as the exact
// copy. Pure functions; the options page does the download.
import type { MyEntry } from './messages';

/** One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes
 * doubled. A leading = + - @ (or tab / carriage return) gets a ' so that a spreadsheet shows
 * the customer's words instead of running them as a formula; the JSON export is verbatim. */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T>(rows: readonly T[], columns: ReadonlyArray<readonly [header: string, value: (row: T) => unknown]>): string {
  const lines = [columns.map(([header]) => csvField(header)).join(',')];
  for (const row of rows) lines.push(columns.map(([, value]) => csvField(value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export const MY_ENTRY_COLUMNS: ReadonlyArray<readonly [string, (entry: MyEntry) => unknown]> = [
  ['id', (e) => e.id],
  ['organization', (e) => e.org_name],
  ['account', (e) => e.account_name],
  ['contact', (e) => e.contact_name],
  ['kind', (e) => e.kind],
  ['occurred_at', (e) => e.occurred_at],
  ['title', (e) => e.title],
  ['body', (e) => e.body],
  ['signals', (e) => e.signals],
  ['source_url', (e) => e.source_url],
  ['created_at', (e) => e.created_at],
  ['updated_at', (e) => e.updated_at],
  ['retracted_at', (e) => e.retracted_at],
];

export function myEntriesCsv(entries: readonly MyEntry[]): string {
  return toCsv(entries, MY_ENTRY_COLUMNS);
}

export function myEntriesJson(entries: readonly MyEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/** Matches an entry against a search box: every word must appear in one of its texts. */
export function matchesSearch(entry: MyEntry, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = [entry.title, entry.body, entry.account_name, entry.contact_name, entry.org_name, ...entry.signals]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
