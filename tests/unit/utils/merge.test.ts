import { describe, expect, it } from 'vitest';
import { canUndo, candidateFor, interleave, likelyDuplicates, mergeLineText, nameKey, samePersonQuestion } from '../../../utils/merge';
import type { AccountContact, Candidate, MergeLine } from '../../../utils/messages';

const person = (id: string, full_name: string, email: string | null, further: string[] = []): AccountContact => ({
  id,
  full_name,
  email,
  linkedin_url: null,
  title: null,
  company: null,
  further_emails: further,
  further_linkedin_urls: [],
  last_entry_at: null,
});

const mia: Candidate = {
  id: 'c1',
  full_name: 'Mia Schmidt',
  email: 'mia@acme-robotics.example',
  linkedin_url: null,
  account_id: 'a1',
  account_name: 'Acme Robotics',
};

const line = (overrides: Partial<MergeLine> = {}): MergeLine => ({
  kind: 'contact',
  keep_id: 'k',
  merged_id: 'm',
  merged_name: 'Mia Schmidt',
  merged_email: null,
  merged_linkedin_url: 'https://www.linkedin.com/in/mia',
  kept_name: 'Mia Schmidt',
  merged_by_display_name: 'Ana',
  merged_at: '2026-11-20T10:00:00Z',
  ...overrides,
});

describe('names compared as the database compares them', () => {
  it.each([
    ['  MÍA   schmidt ', 'mia schmidt'],
    ['Łukasz Żółć', 'lukasz zolc'],
    ['Jürgen Weiß', 'jurgen weiss'],
    ['Søren\u00a0Kierkegaard', 'soren kierkegaard'],
  ])('%s → %s', (name, key) => expect(nameKey(name)).toBe(key));
});

describe('the “Same person” question', () => {
  it('names the candidate with the address and account that tell them apart', () => {
    expect(samePersonQuestion(mia)).toBe('Is this Mia Schmidt (mia@acme-robotics.example · Acme Robotics)?');
    expect(samePersonQuestion({ ...mia, email: null, linkedin_url: 'https://www.linkedin.com/in/mia', account_name: null })).toBe(
      'Is this Mia Schmidt (LinkedIn)?',
    );
  });

  it('asks only about someone of the same name', () => {
    expect(candidateFor('mia  SCHMIDT', [mia])).toBe(mia);
    expect(candidateFor('Mia Schmitt', [mia])).toBeNull();
    expect(candidateFor(null, [mia])).toBeNull();
  });
});

describe('likely duplicates at an account', () => {
  it('pairs the same name, and the same address at two of the account’s domains', () => {
    const people = [
      person('1', 'Mia Schmidt', 'mia@acme.example'),
      person('2', 'Mía Schmidt', null),
      person('3', 'Rob Stone', 'rob@acme.example'),
      person('4', 'R. Stone', 'rob@acme-robotics.example'),
      person('5', 'Rob Free', 'rob@gmail.com'),
    ];
    const pairs = likelyDuplicates(people, ['acme.example', 'acme-robotics.example']);
    expect(pairs.get('1')).toEqual(['2']);
    expect(pairs.get('3')).toEqual(['4']);
    expect(pairs.get('5')).toBeUndefined();
  });
});

describe('merge lines', () => {
  it('say who merged what into what, telling the merged record apart', () => {
    expect(mergeLineText(line())).toBe('Ana merged Mia Schmidt (LinkedIn) into Mia Schmidt');
    expect(mergeLineText(line({ merged_email: 'mia@gmail.com' }))).toBe('Ana merged Mia Schmidt (mia@gmail.com) into Mia Schmidt');
    expect(mergeLineText(line({ kind: 'account', merged_name: 'Acme GmbH', kept_name: 'Acme', merged_by_display_name: null }))).toBe(
      'Someone merged Acme GmbH into Acme',
    );
  });

  it('become one line saying who undid the merge, placed when it was undone', () => {
    const undone = line({ merged_email: 'mia@gmail.com', undone_at: '2026-11-27T00:00:00Z', undone_by_display_name: 'Ben' });
    expect(mergeLineText(undone)).toBe('Ben undid the merge of Mia Schmidt (mia@gmail.com)');
    expect(mergeLineText(line({ undone_at: '2026-11-27T00:00:00Z', undone_by_display_name: null }))).toBe('Someone undid the merge of Mia Schmidt (LinkedIn)');
    expect(mergeLineText(line({ kind: 'account', merged_name: 'Acme GmbH', undone_at: '2026-11-27T00:00:00Z', undone_by_display_name: 'Ben' }))).toBe(
      'Ben undid the merge of Acme GmbH',
    );
    expect(
      mergeLineText(line({ kind: 'account', merged_name: 'Acme GmbH', merged_domain: 'acme-gmbh.example', undone_at: '2026-11-27T00:00:00Z', undone_by_display_name: 'Ben' })),
    ).toBe('Ben undid the merge of Acme GmbH (acme-gmbh.example)');
    const entries = [{ occurred_at: '2026-11-28T00:00:00Z' }, { occurred_at: '2026-11-25T00:00:00Z' }];
    const merged = { ...undone, merged_id: 'undone', merged_at: '2026-11-01T00:00:00Z' };
    expect(interleave(entries, [merged], false).map((item) => ('line' in item ? item.line.merged_id : item.entry.occurred_at.slice(0, 10)))).toEqual([
      '2026-11-28',
      'undone',
      '2026-11-25',
    ]);
  });

  it('offer undo only with an id, not undone, until the day the server gave', () => {
    const now = Date.parse('2026-11-20T00:00:00Z');
    const open = line({ id: 'm1', undo_until: '2026-12-01T00:00:00Z' });
    expect(canUndo(open, now)).toBe(true);
    expect(canUndo({ ...open, undo_until: '2026-11-19T00:00:00Z' }, now)).toBe(false);
    expect(canUndo({ ...open, undo_until: null }, now)).toBe(false);
    expect(canUndo({ ...open, undone_at: '2026-11-19T00:00:00Z' }, now)).toBe(false);
    expect(canUndo(line({ undo_until: '2026-12-01T00:00:00Z' }), now)).toBe(false);
  });

  it('sit between the entries by time, and older ones wait for the last page', () => {
    const entries = [{ occurred_at: '2026-11-25T00:00:00Z' }, { occurred_at: '2026-11-10T00:00:00Z' }];
    const recent = line({ merged_id: 'recent', merged_at: '2026-11-20T00:00:00Z' });
    const old = line({ merged_id: 'old', merged_at: '2026-11-01T00:00:00Z' });
    const shown = (complete: boolean) =>
      interleave(entries, [old, recent], complete).map((item) => ('line' in item ? item.line.merged_id : item.entry.occurred_at.slice(0, 10)));
    expect(shown(false)).toEqual(['2026-11-25', 'recent', '2026-11-10']);
    expect(shown(true)).toEqual(['2026-11-25', 'recent', '2026-11-10', 'old']);
  });
});
