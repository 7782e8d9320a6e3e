import { describe, expect, it } from 'vitest';
import { overdueByAccount, type OverdueStep } from '../../../../utils/plans/overdue';

const ACME = '00000000-0000-4000-8000-00000000000a';
const GLOBEX = '00000000-0000-4000-8000-00000000000b';
const INITECH = '00000000-0000-4000-8000-00000000000c';

const step = (account_id: string, account_name: string, side: 'ours' | 'theirs', due_on: string): OverdueStep => ({
  account_id,
  account_name,
  side,
  due_on,
});

describe('grouping overdue steps by account', () => {
  it('counts each account’s overdue steps per side and keeps the oldest due date', () => {
    const lists = overdueByAccount(
      [
        step(ACME, 'Acme', 'ours', '2026-12-01'),
        step(ACME, 'Acme', 'ours', '2026-11-20'),
        step(GLOBEX, 'Globex', 'ours', '2026-12-04'),
        step(ACME, 'Acme', 'theirs', '2026-12-03'),
      ],
      '2026-12-06',
    );
    expect(lists).toEqual({
      ours: [
        { account_id: ACME, account_name: 'Acme', overdue_steps: 2, oldest_due_on: '2026-11-20' },
        { account_id: GLOBEX, account_name: 'Globex', overdue_steps: 1, oldest_due_on: '2026-12-04' },
      ],
      theirs: [{ account_id: ACME, account_name: 'Acme', overdue_steps: 1, oldest_due_on: '2026-12-03' }],
    });
  });

  it('leaves out steps due today or later: they are not overdue yet', () => {
    const lists = overdueByAccount(
      [step(ACME, 'Acme', 'ours', '2026-12-06'), step(GLOBEX, 'Globex', 'theirs', '2026-12-09'), step(INITECH, 'Initech', 'ours', '2026-12-05')],
      '2026-12-06',
    );
    expect(lists.ours.map((account) => account.account_name)).toEqual(['Initech']);
    expect(lists.theirs).toEqual([]);
  });

  it('puts the account waiting longest first, and accounts waiting since the same day by name', () => {
    const lists = overdueByAccount(
      [
        step(INITECH, 'Initech', 'ours', '2026-12-02'),
        step(GLOBEX, 'Globex', 'ours', '2026-11-30'),
        step(ACME, 'Acme', 'ours', '2026-12-02'),
        step(GLOBEX, 'Globex', 'ours', '2026-12-05'),
      ],
      '2026-12-06',
    );
    expect(lists.ours.map((account) => [account.account_name, account.overdue_steps, account.oldest_due_on])).toEqual([
      ['Globex', 2, '2026-11-30'],
      ['Acme', 1, '2026-12-02'],
      ['Initech', 1, '2026-12-02'],
    ]);
  });

  it('answers nothing from no steps, and carries no author or taker of any step', () => {
    expect(overdueByAccount([], '2026-12-06')).toEqual({ ours: [], theirs: [] });
    const withPeople = { ...step(ACME, 'Acme', 'ours', '2026-12-01'), taken_by_display_name: 'Ben', author_id: 'someone' };
    const [account] = overdueByAccount([withPeople], '2026-12-06').ours;
    expect(Object.keys(account!).sort()).toEqual(['account_id', 'account_name', 'oldest_due_on', 'overdue_steps']);
  });
});
