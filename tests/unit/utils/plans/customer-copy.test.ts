import { describe, expect, it } from 'vitest';
import { customerCopy, formatDueDay, type CopyableItem } from '../../../../utils/plans/customer-copy';

const step = (side: 'ours' | 'theirs', body: string, due_on: string | null = null, settled_at: string | null = null): CopyableItem => ({
  kind: 'step', side, body, due_on, settled_at,
});

describe('the copy for the customer', () => {
  it('lists the open promises of both sides, ours first, each soonest due first, undated last', () => {
    const copy = customerCopy([
      step('theirs', 'Send the store list', '2026-12-04'),
      step('ours', 'Set up the pilot'),
      step('ours', 'Send the annual pricing', '2026-12-07'),
      step('ours', 'Book the workshop', '2026-12-03'),
      step('theirs', 'Confirm the budget'),
    ]);
    expect(copy).toBe(
      [
        'What we will do:',
        `- Book the workshop (by ${formatDueDay('2026-12-03', 'en')})`,
        `- Send the annual pricing (by ${formatDueDay('2026-12-07', 'en')})`,
        '- Set up the pilot',
        '',
        'What you will do:',
        `- Send the store list (by ${formatDueDay('2026-12-04', 'en')})`,
        '- Confirm the budget',
      ].join('\n'),
    );
    expect(formatDueDay('2026-12-07', 'en')).toBe('Monday, December 7, 2026');
  });

  it('leaves out settled steps, goals, risks and questions, and an empty side', () => {
    const copy = customerCopy([
      step('ours', 'Already sent', '2026-12-01', '2026-12-01T10:00:00Z'),
      { kind: 'goal', side: null, body: 'Go live before Easter', due_on: null, settled_at: null },
      { kind: 'risk', side: null, body: 'Budget freeze', due_on: null, settled_at: null },
      step('theirs', 'Sign the order form'),
    ]);
    expect(copy).toBe('What you will do:\n- Sign the order form');
    expect(customerCopy([])).toBe('');
  });

  it('carries words only: no links, one line per promise', () => {
    const copy = customerCopy([step('ours', 'Send the deck\nsee https://mail.google.com/mail/u/0/#inbox/FMfcg and www.example.com/x')]);
    expect(copy).toBe('What we will do:\n- Send the deck see and');
    expect(copy).not.toMatch(/https?:|www\./);
  });

  it('speaks German when asked, dates included', () => {
    const copy = customerCopy([step('ours', 'Angebot schicken', '2026-12-07'), step('theirs', 'Liste schicken')], 'de-DE');
    expect(copy).toBe(`Was wir tun werden:\n- Angebot schicken (bis ${formatDueDay('2026-12-07', 'de-DE')})\n\nWas Sie tun werden:\n- Liste schicken`);
    expect(formatDueDay('2026-12-07', 'de-DE')).toBe('Montag, 7. Dezember 2026');
  });
});
