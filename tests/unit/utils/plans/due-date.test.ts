import { describe, expect, it } from 'vitest';
import { readDueDate } from '../../../../utils/plans/due-date';

// Wednesday 2 December 2026, mid-morning in the reader's own calendar.
const sentAt = new Date(2026, 11, 2, 10, 0);
const due = (sentence: string, at = sentAt) => readDueDate(sentence, at)?.due_on ?? null;

describe('reading a due date from a sentence', () => {
  it('reads relative days forward from when the message was sent', () => {
    expect(due('I will send it tomorrow')).toBe('2026-12-03');
    expect(due('We talk again next week')).toBe('2026-12-09');
    expect(due('Let us review it in two weeks')).toBe('2026-12-16');
    expect(due('Give me 3 days: in 3 days you have it')).toBe('2026-12-05');
    expect(due('I can do it today')).toBe('2026-12-02');
  });

  it('reads a weekday as the next one after the message, never one before it', () => {
    expect(readDueDate('I’ll send the pricing on Monday', sentAt)).toEqual({ due_on: '2026-12-07', words: 'on Monday' });
    expect(due('Jonas sends the list by Friday')).toBe('2026-12-04');
    // Sent on a Friday, "Monday" is three days later.
    expect(due('See you on Monday', new Date(2026, 11, 4, 16, 0))).toBe('2026-12-07');
  });

  it('reads the end of the month in English and German', () => {
    expect(readDueDate('We decide by the end of the month', sentAt)).toEqual({ due_on: '2026-12-31', words: 'end of the month' });
    expect(due('Budget is fixed at end of month')).toBe('2026-12-31');
    expect(readDueDate('Wir melden uns bis Ende des Monats', sentAt)).toEqual({ due_on: '2026-12-31', words: 'bis Ende des Monats' });
    expect(due('Das klären wir zum Monatsende')).toBe('2026-12-31');
    expect(due('Ende dieses Monats', new Date(2027, 1, 10, 9, 0))).toBe('2027-02-28');
  });

  it('reads German and English month names, forward from the message', () => {
    expect(readDueDate('Wir schicken das Angebot am 3. Dezember', sentAt)).toEqual({ due_on: '2026-12-03', words: 'am 3. Dezember' });
    expect(due('Die Unterlagen kommen bis 5. Januar')).toBe('2027-01-05');
    expect(readDueDate('Kick-off is December 1', sentAt)).toEqual({ due_on: '2027-12-01', words: 'December 1' });
    expect(due('Send it by Dec 15')).toBe('2026-12-15');
  });

  it('reads German relative days and weekdays', () => {
    expect(due('Ich schicke es morgen')).toBe('2026-12-03');
    expect(due('Wir rufen am Montag an')).toBe('2026-12-07');
    expect(due('Das kommt nächste Woche')).toBe('2026-12-09');
    expect(due('Entscheidung in zwei Wochen')).toBe('2026-12-16');
    expect(due('bis übermorgen')).toBe('2026-12-04');
  });

  it('takes the first date the sentence names', () => {
    expect(readDueDate('Can we meet next week, or Friday at the latest?', sentAt)).toEqual({ due_on: '2026-12-09', words: 'next week' });
  });

  it('finds nothing where no day is named: no date, a time alone, a month alone', () => {
    expect(readDueDate('Thanks, we will look into it', sentAt)).toBeNull();
    expect(readDueDate('We may send it later', sentAt)).toBeNull();
    expect(readDueDate('Call me at 3pm', sentAt)).toBeNull();
    expect(readDueDate('We march on', sentAt)).toBeNull();
    expect(readDueDate('Maybe sometime in January', sentAt)).toBeNull();
    expect(readDueDate('', sentAt)).toBeNull();
  });
});
