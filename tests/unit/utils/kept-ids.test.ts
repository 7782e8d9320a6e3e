// Nothing stranded after a merge: the rules by which kept ids lead on, without a browser.
import { describe, expect, it } from 'vitest';
import { changedIds, idsInLookup, lookupKeyOrg, popupKeyAccount, remapFollows, remapIds, remapRecent, remapTabContexts } from '../../../utils/kept-ids';
import { lookupKey } from '../../../utils/lookup-cache';
import { overviewKey, timelineKey, forYouKey } from '../../../utils/background/popup-cache';

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const OTHER = '1b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const C = 'cccccccc-0000-4000-8000-000000000003';
const GONE = 'dddddddd-0000-4000-8000-000000000004';

// B was merged into A; GONE no longer exists; C is as it was.
const map = changedIds([
  { kind: 'account', oldId: A, currentId: A },
  { kind: 'account', oldId: B, currentId: A },
  { kind: 'account', oldId: C, currentId: C },
  { kind: 'account', oldId: GONE, currentId: null },
]);

describe('kept ids after merges', () => {
  it('keep only the ids that lead elsewhere or nowhere', () => {
    expect(map).toEqual(new Map([[B, A], [GONE, null]]));
  });

  it('lead a merged id to its survivor once, drop a gone one, and leave others alone', () => {
    expect(remapIds([C, B, GONE, A], map)).toEqual([C, A]);
    expect(remapFollows({ [ORG]: [B, A, GONE], [OTHER]: [B] }, ORG, map)).toEqual({ [ORG]: [A], [OTHER]: [B] });
    expect(remapFollows({ [ORG]: [GONE] }, ORG, map)).toEqual({});
  });

  it('list a recent account once, at its most recent place, under the survivor’s name', () => {
    const at = (n: number) => `2026-12-0${n}T00:00:00Z`;
    const list = [
      { orgId: ORG, accountId: B, name: 'Acme GmbH', openedAt: at(5) },
      { orgId: OTHER, accountId: B, name: 'Elsewhere', openedAt: at(4) },
      { orgId: ORG, accountId: C, name: 'Cobalt', openedAt: at(3) },
      { orgId: ORG, accountId: A, name: 'Acme', openedAt: at(2) },
      { orgId: ORG, accountId: GONE, name: 'Gone', openedAt: at(1) },
    ];
    expect(remapRecent(list, ORG, map, new Map([[A, 'Acme Robotics']]))).toEqual([
      { orgId: ORG, accountId: A, name: 'Acme Robotics', openedAt: at(5) },
      { orgId: OTHER, accountId: B, name: 'Elsewhere', openedAt: at(4) },
      { orgId: ORG, accountId: C, name: 'Cobalt', openedAt: at(3) },
    ]);
  });

  it('move the account beside a tab to the survivor, or to none', () => {
    const context = (accountId: string | null, orgId = ORG) => ({ orgId, accountId, accountName: 'Old name', url: null, at: 1 });
    expect(remapTabContexts({ 1: context(B), 2: context(GONE), 3: context(C), 4: context(null), 5: context(B, OTHER) }, ORG, map, new Map([[A, 'Acme']]))).toEqual({
      1: { ...context(A), accountName: 'Acme' },
      2: { ...context(null), accountName: null },
      3: context(C),
      4: context(null),
      5: context(B, OTHER),
    });
  });

  it('find the ids a cached lookup names, and whose organization and account a cached answer is', () => {
    expect(
      idsInLookup({
        contacts: [{ id: C, full_name: 'Mia', account_id: B }],
        accounts: [{ id: A, name: 'Acme' }],
        entries: [{ account_id: GONE, contact_id: C } as never],
        candidates: [{ id: GONE, full_name: 'Mia', email: null, linkedin_url: null, account_id: null, account_name: null }],
      }),
    ).toEqual({ accounts: [A, B, GONE], contacts: [C, GONE] });
    expect(lookupKeyOrg(lookupKey(ORG, ['mia@acme.example'], null))).toBe(ORG);
    expect(lookupKeyOrg('not json')).toBeNull();
    expect(popupKeyAccount(overviewKey(ORG, B))).toEqual({ orgId: ORG, accountId: B });
    expect(popupKeyAccount(timelineKey(ORG, { accountId: B })!)).toEqual({ orgId: ORG, accountId: B });
    expect(popupKeyAccount(forYouKey(ORG))).toBeNull();
  });
});
