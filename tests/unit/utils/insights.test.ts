import { describe, expect, it } from 'vitest';
import { ageText, changeSentence, groupBySignal, nothingUnusual, seriesCsv, seriesSummary } from '../../../utils/insights';
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

  it('export as RFC 4180 CSV with a header row', () => {
    expect(seriesCsv([row('2026-11-16', 'pricing', 3, 2)])).toBe('week,signal,entries,accounts\r\n2026-11-16,pricing,3,2\r\n');
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
