import { describe, expect, it } from 'vitest';
import { addDays, bySoonestDue, dueState, dueWords, formatDay, localDay } from '../../../utils/due-dates';

describe('Due dates', () => {
  it('reads today in the reader’s own calendar', () => {
    expect(localDay(new Date(2026, 11, 9, 23, 59))).toBe('2026-12-09');
    expect(localDay(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
  });

  it('counts days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('says overdue in words, and today and tomorrow by name', () => {
    expect(dueState('2026-12-08', '2026-12-09')).toBe('overdue');
    expect(dueWords('2026-12-08', '2026-12-09')).toBe(`Overdue — was due ${formatDay('2026-12-08')}`);
    expect(dueWords('2026-12-09', '2026-12-09')).toBe('Due today');
    expect(dueWords('2026-12-10', '2026-12-09')).toBe('Due tomorrow');
    expect(dueWords('2026-12-14', '2026-12-09')).toBe(`Due ${formatDay('2026-12-14')}`);
  });

  it('puts the soonest first and the undated last', () => {
    const steps = [{ due_on: null }, { due_on: '2026-12-14' }, { due_on: '2026-12-01' }];
    expect(steps.sort(bySoonestDue).map((step) => step.due_on)).toEqual(['2026-12-01', '2026-12-14', null]);
  });
});
