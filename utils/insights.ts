// The Insights page's words and shapes, as pure functions: series grouped per signal, the
// "what changed" sentences, the age of a kept answer and the CSV export. About customers and
// signals only; nothing here knows or says who filed anything (pact rules 3 and 11).
import { toCsv } from './export';
import type { SignalChange, SignalWeek } from './messages';
import { SIGNALS, signalLabel } from './vocabulary';

/** The windows the page offers, in weeks. */
export const INSIGHT_WEEKS = [13, 26, 52] as const;
/** The window "What changed" compares: the last 4 weeks against the 12 before them. */
export const INSIGHT_RECENT_WEEKS = 4;

/** A signal's words (one set for the whole extension: utils/vocabulary.ts). */
export const signalName = signalLabel;

function signalOrder(signal: string): number {
  const index = (SIGNALS as readonly string[]).indexOf(signal);
  return index < 0 ? SIGNALS.length : index;
}

export interface SignalSeries {
  signal: string;
  /** Weeks in order, oldest first. */
  points: SignalWeek[];
  /** Entries over all the weeks shown. */
  total: number;
}

/** One series per signal, in the vocabulary's order, weeks oldest first. */
export function groupBySignal(rows: readonly SignalWeek[]): SignalSeries[] {
  const bySignal = new Map<string, SignalWeek[]>();
  for (const row of rows) {
    const points = bySignal.get(row.signal) ?? [];
    points.push(row);
    bySignal.set(row.signal, points);
  }
  return [...bySignal.entries()]
    .sort(([a], [b]) => signalOrder(a) - signalOrder(b) || a.localeCompare(b))
    .map(([signal, points]) => ({
      signal,
      points: [...points].sort((x, y) => x.week.localeCompare(y.week)),
      total: points.reduce((sum, point) => sum + point.entries, 0),
    }));
}

const weekFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "Nov 16, 2026" for the week starting on that Monday (weeks are UTC, like the server's). */
export function weekLabel(week: string): string {
  const date = new Date(`${week}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? week : weekFormat.format(date);
}

export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function windowWords(weeks: number): string {
  return weeks === 1 ? 'this week' : `in the last ${weeks} weeks`;
}

/** "Pricing: 14 entries in the last 4 weeks from 9 accounts; about 4 expected". */
export function changeSentence(change: SignalChange, recentWeeks: number): string {
  const expected = Math.round(change.expected);
  const expectation = change.expected < 0.5 ? 'almost none expected' : `about ${expected} expected`;
  const from = change.recent > 0 ? ` from ${count(change.accounts, 'account', 'accounts')}` : '';
  return `${signalName(change.signal)}: ${count(change.recent, 'entry', 'entries')} ${windowWords(recentWeeks)}${from}; ${expectation}`;
}

/** What "What changed" says when nothing is beyond noise. */
export function nothingUnusual(recentWeeks: number): string {
  return recentWeeks === 1 ? 'Nothing unusual this week.' : `Nothing unusual in the last ${recentWeeks} weeks.`;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "5 minutes ago", "yesterday": how old a kept answer is. */
export function ageText(fetchedAt: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(fetchedAt).getTime() - now) / 1000);
  if (Number.isNaN(seconds)) return 'at an unknown time';
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['second', 60],
    ['minute', 60],
    ['hour', 24],
    ['day', 7],
    ['week', 5],
  ];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return unit === 'second' ? 'just now' : relative.format(value, unit);
    value = Math.round(value / size);
  }
  return relative.format(value, 'month');
}

/** The signals with at least one entry in the window: a signal whose entries were all
 * retracted still has its zero-filled weeks in the answer, and shows nothing. */
export function withEntries(series: readonly SignalSeries[]): SignalSeries[] {
  return series.filter((one) => one.total > 0);
}

/** The series as CSV in the long form: one row per signal and week, with the screen's words. */
export function seriesCsv(series: readonly SignalSeries[]): string {
  const rows = series.flatMap((one) => one.points);
  return toCsv(rows, [
    ['Week of', (row) => row.week],
    ['Signal', (row) => signalName(row.signal)],
    ['Entries', (row) => row.entries],
    ['Accounts', (row) => row.accounts],
  ]);
}

/** The series as CSV in the wide form a spreadsheet charts at once: one row per week, oldest
 * first, and a column of entries per signal, headed with its name on the screen. */
export function seriesWideCsv(series: readonly SignalSeries[]): string {
  const weeks = [...new Set(series.flatMap((one) => one.points.map((point) => point.week)))].sort();
  const entries = series.map((one) => new Map(one.points.map((point) => [point.week, point.entries])));
  return toCsv(weeks, [
    ['Week of', (week: string) => week] as const,
    ...series.map((one, index) => [signalName(one.signal), (week: string) => entries[index]!.get(week) ?? 0] as const),
  ]);
}

/** The Monday (UTC, YYYY-MM-DD) of the week `now` falls in: the server's weeks. */
export function weekOf(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** How many weeks apart labels on a chart's axis may be, fewest first. */
export const TICK_STEPS = [1, 2, 4, 8, 13, 26, 52] as const;

/** The weeks that get a label on a chart `width` pixels wide: every n-th week counted back
 * from the newest, with n the smallest step that leaves `labelWidth` pixels per label. */
export function weekTicks(weeks: readonly string[], width: number, labelWidth = 56): string[] {
  if (!weeks.length) return [];
  const room = Math.max(1, Math.floor(width / labelWidth));
  const step = TICK_STEPS.find((candidate) => Math.ceil(weeks.length / candidate) <= room) ?? weeks.length;
  const ticks: string[] = [];
  for (let index = weeks.length - 1; index >= 0; index -= step) ticks.unshift(weeks[index]!);
  return ticks;
}

/** A one-line summary of a series for screen readers: "Pricing: 12 entries in 26 weeks, most in the week of Nov 16, 2026 (5)." */
export function seriesSummary(series: SignalSeries): string {
  const weeks = series.points.length;
  const peak = series.points.reduce<SignalWeek | null>((best, point) => (!best || point.entries > best.entries ? point : best), null);
  const base = `${signalName(series.signal)}: ${count(series.total, 'entry', 'entries')} in ${count(weeks, 'week', 'weeks')}`;
  return peak && peak.entries > 0 ? `${base}, most in the week of ${weekLabel(peak.week)} (${peak.entries}).` : `${base}.`;
}
