import { describe, expect, it } from 'vitest';
import { addDays, deletionMoment, endDayRange, endsText, isOpen, orderPeriods, otherPerson, utcToday, whoSees } from '../../../utils/coaching';

// 23:30 in New York on 20 November is already 21 November in UTC: days are UTC days.
const NOW = new Date('2026-11-21T04:30:00Z');
const people = { manager_id: 'maria', manager_name: 'Maria', employee_id: 'ben', employee_name: 'Ben' };
const period = (overrides: Partial<{ starts_on: string; ends_on: string; ended_at: string | null; created_at: string }> = {}) => ({
  starts_on: '2026-11-01',
  ends_on: '2026-12-01',
  ended_at: null,
  created_at: '2026-11-01T09:00:00Z',
  ...overrides,
});

describe('coaching days', () => {
  it('count in UTC days, from tomorrow to 90 days ahead', () => {
    expect(utcToday(NOW)).toBe('2026-11-21');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(endDayRange(NOW)).toEqual({ min: '2026-11-22', max: '2027-02-19' });
  });

  it('a period is open through its last day until ended early', () => {
    expect(isOpen(period({ ends_on: '2026-11-21' }), NOW)).toBe(true);
    expect(isOpen(period({ ends_on: '2026-11-20' }), NOW)).toBe(false);
    expect(isOpen(period({ ended_at: '2026-11-10T10:00:00Z' }), NOW)).toBe(false);
    expect(isOpen(period({ starts_on: '2026-11-22' }), NOW)).toBe(false);
  });

  it('is deleted 30 days after the end of its last day, or after it was ended early', () => {
    expect(deletionMoment(period({ ends_on: '2026-12-01' })).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(deletionMoment(period({ ended_at: '2026-11-10T10:00:00Z' })).toISOString()).toBe('2026-12-10T10:00:00.000Z');
  });

  it('says when it ends in words, without numbers about anyone’s activity', () => {
    expect(endsText(period(), NOW)).toMatch(/^Open until the end of /);
    expect(endsText(period({ ends_on: '2026-11-20' }), NOW)).toMatch(/^Ended on /);
    expect(endsText(period({ ended_at: '2026-11-10T10:00:00Z' }), NOW)).toMatch(/^Ended early on /);
  });
});

describe('who sees a period', () => {
  it('names the other person, from either side', () => {
    expect(whoSees(people, 'maria')).toBe('Only you and Ben see this.');
    expect(whoSees(people, 'ben')).toBe('Only you and Maria see this.');
    expect(otherPerson({ ...people, employee_name: null }, 'maria')).toEqual({ id: 'ben', name: 'a former member' });
  });
});

describe('the order of periods', () => {
  it('puts open ones first, soonest end first, then ended ones, latest end first', () => {
    const a = { ...period({ ends_on: '2026-12-20' }), id: 'open-later' };
    const b = { ...period({ ends_on: '2026-11-25' }), id: 'open-soon' };
    const c = { ...period({ ends_on: '2026-11-10' }), id: 'ended-long-ago' };
    const d = { ...period({ ended_at: '2026-11-19T10:00:00Z' }), id: 'ended-recently' };
    expect(orderPeriods([c, a, d, b], NOW).map((p) => p.id)).toEqual(['open-soon', 'open-later', 'ended-recently', 'ended-long-ago']);
  });
});
