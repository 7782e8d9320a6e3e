import { describe, expect, it } from 'vitest';
import { livingRecent, RECENT_MAX, recentIn, withOpened, type RecentAccount } from '../../../utils/recent-accounts';

const at = (n: number) => new Date(Date.UTC(2026, 10, 28, 9, n)).toISOString();
const acct = (orgId: string, n: number): RecentAccount => ({ orgId, accountId: `a${n}`, name: `Account ${n}`, openedAt: at(n) });

describe('recently opened accounts', () => {
  it('puts the opened account first and lists it once', () => {
    const list = [acct('o1', 1), acct('o1', 2)];
    expect(withOpened(list, { ...acct('o1', 2), openedAt: at(9) }).map((a) => a.accountId)).toEqual(['a2', 'a1']);
  });

  it(`keeps at most ${RECENT_MAX} per organization without touching the others`, () => {
    let list: RecentAccount[] = [acct('o2', 100)];
    for (let n = 1; n <= RECENT_MAX + 2; n++) list = withOpened(list, acct('o1', n));
    expect(recentIn(list, 'o1').map((a) => a.accountId)).toEqual(['a7', 'a6', 'a5', 'a4', 'a3']);
    expect(list.filter((a) => a.orgId === 'o1')).toHaveLength(RECENT_MAX);
    expect(recentIn(list, 'o2').map((a) => a.accountId)).toEqual(['a100']);
  });
});

describe('recently opened accounts after a colleague merged some', () => {
  it('lists a merged account as the one it leads to, once, and leaves out a gone one', () => {
    const list = [acct('o1', 1), acct('o1', 2), acct('o1', 3), acct('o2', 4)];
    const resolved = [
      { kind: 'account' as const, oldId: 'a1', currentId: 'a2' },
      { kind: 'account' as const, oldId: 'a2', currentId: 'a2' },
      { kind: 'account' as const, oldId: 'a3', currentId: null },
    ];
    expect(livingRecent(list, 'o1', resolved).map((a) => a.accountId)).toEqual(['a2']);
  });
});
