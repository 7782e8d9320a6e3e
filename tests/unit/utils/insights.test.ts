import { describe, expect, it } from 'vitest';
import {
  ageText,
  changeSentence,
  groupBySignal,
  nothingUnusual,
  seriesCsv,
  seriesSummary,
  seriesWideCsv,
  weekOf,
  weekTicks,
  withEntries,
} from '../../../utils/insights';
import type { SignalChange, SignalWeek } from '../../../utils/messages';

const change = (overrides: Partial<SignalChange> = {}): SignalChange => ({
  signal: 'pricing',
  recent: 14,
  baseline: 12,
  expected: 4,
  direction: 'up',
  accounts: 9,
  ...overrides,
});

describe('what changed, in words', () => {
  it('says how many entries, from how many accounts, and about how many were expected', () => {
    expect(changeSentence(change(), 4)).toBe('Pricing: 14 entries in the last 4 weeks from 9 accounts; about 4 expected');
  });

  it('uses the singular, rounds the expectation and says “this week” for one week', () => {
    expect(changeSentence(change({ signal: 'churn_risk', recent: 1, accounts: 1, expected: 6.6, direction: 'down' }), 1)).toBe(
      'Churn risk: 1 entry this week from 1 account; about 7 expected',
    );
  });

  it('leaves the accounts out when nothing came, and says when almost nothing was expected', () => {
    expect(changeSentence(change({ recent: 0, accounts: 0, expected: 20, direction: 'down' }), 4)).toBe(
      'Pricing: 0 entries in the last 4 weeks; about 20 expected',
    );
    expect(changeSentence(change({ signal: 'job_change', recent: 5, accounts: 4, expected: 0.2 }), 4)).toBe(
      'Job change: 5 entries in the last 4 weeks from 4 accounts; almost none expected',
    );
  });

  it('has an empty state that names the window', () => {
    expect(nothingUnusual(4)).toBe('Nothing unusual in the last 4 weeks.');
  });
});

const row = (week: string, signal: string, entries: number, accounts = entries): SignalWeek => ({ week, signal, entries, accounts });

describe('series', () => {
  it('are grouped per signal in the vocabulary’s order, weeks oldest first, with their totals', () => {
    const grouped = groupBySignal([
      row('2026-11-23', 'praise', 1),
      row('2026-11-16', 'pricing', 3, 2),
      row('2026-11-23', 'pricing', 0),
      row('2026-11-16', 'praise', 0),
    ]);
    expect(grouped.map((s) => [s.signal, s.total, s.points.map((p) => p.week)])).toEqual([
      ['pricing', 3, ['2026-11-16', '2026-11-23']],
      ['praise', 1, ['2026-11-16', '2026-11-23']],
    ]);
    expect(seriesSummary(grouped[0]!)).toMatch(/^Pricing: 3 entries in 2 weeks, most in the week of .*2026.* \(3\)\.$/);
  });

  it('export as RFC 4180 CSV, one row per signal and week, with the names the screen uses', () => {
    const series = groupBySignal([row('2026-11-16', 'buying_signal', 3, 2), row('2026-11-23', 'buying_signal', 0)]);
    expect(seriesCsv(series)).toBe('Week of,Signal,Entries,Accounts\r\n2026-11-16,Buying signal,3,2\r\n2026-11-23,Buying signal,0,0\r\n');
  });

  it('export as a wide CSV too: a row per week, oldest first, and a column of entries per signal', () => {
    const series = groupBySignal([
      row('2026-11-23', 'praise', 1),
      row('2026-11-16', 'feature_request', 3, 2),
      row('2026-11-23', 'feature_request', 0),
      row('2026-11-16', 'praise', 0),
    ]);
    expect(seriesWideCsv(series).split('\r\n')).toEqual(['Week of,Feature request,Praise', '2026-11-16,3,0', '2026-11-23,0,1', '']);
  });

  it('leave out a signal with no entries in the window (its entries were retracted)', () => {
    const series = groupBySignal([row('2026-11-16', 'pricing', 2), row('2026-11-16', 'churn_risk', 0), row('2026-11-23', 'churn_risk', 0)]);
    expect(withEntries(series).map((one) => one.signal)).toEqual(['pricing']);
  });
});

describe('the weeks on a chart', () => {
  const weeks = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 5, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10));

  it('labels every 4th week of 26 on a chart 400 pixels wide, ending at this week, so no two labels overlap', () => {
    const ticks = weekTicks(weeks(26), 400);
    expect(ticks).toHaveLength(7);
    expect(ticks.at(-1)).toBe(weeks(26).at(-1));
    expect(ticks[1]! > ticks[0]!).toBe(true);
    expect((Date.parse(ticks[1]!) - Date.parse(ticks[0]!)) / (7 * 86_400_000)).toBe(4);
    // At 56 pixels a label: 7 labels on 400 pixels leave each one its room.
    expect(ticks.length * 56).toBeLessThanOrEqual(400);
  });

  it('labels more weeks as the chart gets wider, and every week when there is room', () => {
    expect(weekTicks(weeks(26), 800)).toHaveLength(13);
    expect(weekTicks(weeks(13), 1000)).toEqual(weeks(13));
    expect(weekTicks(weeks(52), 320)).toHaveLength(4);
    expect(weekTicks(weeks(26), 10)).toEqual([weeks(26).at(-1)]);
    expect(weekTicks([], 400)).toEqual([]);
  });

  it('knows the week going on now by its Monday, in UTC like the server', () => {
    expect(weekOf(new Date('2026-12-06T23:30:00Z'))).toBe('2026-11-30');
    expect(weekOf(new Date('2026-11-30T00:00:00Z'))).toBe('2026-11-30');
    expect(weekOf(new Date('2026-12-07T00:00:01+01:00'))).toBe('2026-11-30');
  });
});

describe('the age of a kept answer', () => {
  const now = Date.parse('2026-11-29T12:00:00Z');
  it('reads as people say it', () => {
    expect(ageText('2026-11-29T11:59:50Z', now)).toBe('just now');
    expect(ageText('2026-11-29T11:55:00Z', now)).toMatch(/5 minutes ago/);
    expect(ageText('2026-11-29T09:00:00Z', now)).toMatch(/3 hours ago/);
    expect(ageText('2026-11-27T12:00:00Z', now)).toMatch(/2 days ago/);
  });
});
