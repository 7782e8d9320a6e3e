import { describe, expect, it } from 'vitest';
import { formatWhen } from '../../../utils/format';
import {
  accountSide,
  defaultKeep,
  mergeLineDate,
  mergeLineWords,
  mergeQuestion,
  tellApart,
  undoNote,
  UNDO_DAYS,
  type MergeSide,
} from '../../../utils/merge-words';
import type { MergeLine } from '../../../utils/messages';

const acmeUs: MergeSide = { id: 'a1', name: 'Acme Robotics', domains: ['acme-robotics.example'], entries: 12, created_at: '2026-01-10T00:00:00Z' };
const acmeDe: MergeSide = { id: 'a2', name: 'Acme Robotics', domains: ['acme-robotics.de'], entries: 2, created_at: '2026-11-02T00:00:00Z' };

const line = (overrides: Partial<MergeLine> = {}): MergeLine => ({
  id: 'm1',
  kind: 'contact',
  keep_id: 'c1',
  merged_id: 'c2',
  merged_name: 'Mia Schmidt',
  merged_email: null,
  merged_linkedin_url: 'https://www.linkedin.com/in/mia-schmidt',
  kept_name: 'Mia Schmidt',
  merged_by_display_name: 'Ana',
  merged_at: '2026-12-01T10:00:00Z',
  undone_at: null,
  undone_by_display_name: null,
  undo_until: '2026-12-31T10:00:00Z',
  ...overrides,
});

describe('the merge question', () => {
  it('tells two accounts of the same name apart by domain and size', () => {
    expect(mergeQuestion(acmeUs, acmeDe)).toBe(
      'Keep Acme Robotics (acme-robotics.example · 12 entries) and merge Acme Robotics (acme-robotics.de · 2 entries) into it?',
    );
  });

  it('never asks to merge a name into the same bare name', () => {
    const question = mergeQuestion({ id: 'x', name: 'Acme Robotics' }, { id: 'y', name: 'Acme Robotics' });
    expect(question).not.toMatch(/Merge Acme Robotics into Acme Robotics/i);
    expect(question).toBe('Keep Acme Robotics and merge Acme Robotics into it?');
  });

  it('says one entry in the singular', () => {
    expect(mergeQuestion({ ...acmeUs, entries: 1 }, acmeDe)).toContain('(acme-robotics.example · 1 entry)');
  });

  it('tells people apart by what differs: email, then LinkedIn, then title', () => {
    const byMail: MergeSide = { id: 'c1', name: 'Mia Schmidt', email: 'm.schmidt@acme.example', linkedin_url: 'https://www.linkedin.com/in/mia' };
    const byProfile: MergeSide = { id: 'c2', name: 'Mia Schmidt', linkedin_url: 'https://www.linkedin.com/in/mia-2' };
    expect(tellApart(byMail, byProfile)).toBe('m.schmidt@acme.example');
    expect(tellApart(byProfile, byMail)).toBe('LinkedIn');
    const cto: MergeSide = { id: 'c3', name: 'Mia Schmidt', email: 'mia@acme.example', title: 'CTO' };
    const cfo: MergeSide = { id: 'c4', name: 'Mia Schmidt', email: 'mia@acme.example', title: 'CFO' };
    expect(tellApart(cto, cfo)).toBe('CTO');
    expect(tellApart(cfo, cto)).toBe('CFO');
  });

  it('promises that the merge can be undone for 30 days, with the date in the one format', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    expect(UNDO_DAYS).toBe(30);
    expect(undoNote(now)).toBe(`Any member can undo this merge for 30 days, until ${formatWhen('2027-01-05T12:00:00Z')}.`);
  });
});

describe('which record is kept unless the rep chooses', () => {
  it('keeps the one with more entries, whichever is given first', () => {
    expect(defaultKeep(acmeDe, acmeUs).keep.id).toBe('a1');
    expect(defaultKeep(acmeUs, acmeDe).keep.id).toBe('a1');
  });

  it('keeps the older one when both have as many entries', () => {
    const older = { ...acmeDe, entries: 12, created_at: '2025-05-01T00:00:00Z' };
    expect(defaultKeep(acmeUs, older)).toEqual({ keep: older, merge: acmeUs });
    expect(defaultKeep(older, acmeUs)).toEqual({ keep: older, merge: acmeUs });
  });

  it('keeps the first given when nothing tells them apart', () => {
    const a = { id: 'a', name: 'Acme' };
    const b = { id: 'b', name: 'Acme' };
    expect(defaultKeep(a, b).keep).toBe(a);
  });
});

describe("the timeline's merge line", () => {
  it('names what tells the merged person and the kept one apart', () => {
    expect(mergeLineWords(line(), { email: 'm.schmidt@acme.example' })).toBe(
      'Ana merged Mia Schmidt (LinkedIn) into Mia Schmidt (m.schmidt@acme.example)',
    );
  });

  it('still tells the merged person apart when nothing is known of the kept one', () => {
    expect(mergeLineWords(line())).toBe('Ana merged Mia Schmidt (LinkedIn) into Mia Schmidt');
  });

  it('says an undone merge in one line', () => {
    expect(mergeLineWords(line({ undone_at: '2026-12-02T09:00:00Z', undone_by_display_name: 'Ana' }))).toBe(
      'Ana undid the merge of Mia Schmidt (LinkedIn)',
    );
  });

  it('tells accounts apart by domain', () => {
    const accounts = line({ kind: 'account', merged_name: 'Acme Robotics', kept_name: 'Acme Robotics', merged_email: null, merged_linkedin_url: null, merged_domain: 'acme-robotics.de' });
    expect(mergeLineWords(accounts, { domain: 'acme-robotics.example' })).toBe(
      'Ana merged Acme Robotics (acme-robotics.de) into Acme Robotics (acme-robotics.example)',
    );
  });

  it('dates an undone line by its undo, in the one date format', () => {
    expect(mergeLineDate(line())).toBe(formatWhen('2026-12-01T10:00:00Z'));
    expect(mergeLineDate(line({ undone_at: '2026-12-03T09:00:00Z' }))).toBe(formatWhen('2026-12-03T09:00:00Z'));
  });
});

describe('accounts whose entries are not counted', () => {
  it('are sized by the people known there, and the larger is kept', () => {
    const big: MergeSide = { id: 'big', name: 'Acme Robotics', domains: ['acme-robotics.example'], people: 4 };
    const small: MergeSide = { id: 'small', name: 'Acme Robotics', domains: ['acme-robotics.de'], people: 1 };
    expect(defaultKeep(small, big).keep.id).toBe('big');
    expect(mergeQuestion(big, small)).toBe(
      'Keep Acme Robotics (acme-robotics.example · 4 people) and merge Acme Robotics (acme-robotics.de · 1 person) into it?',
    );
  });
});

describe('accounts sized by their entries', () => {
  const overview = (account_id: string, domain: string, contact_count: number) => ({
    account_id,
    name: 'Acme Robotics',
    domains: [domain],
    contact_count,
  });

  it('asks in entries, as the issue words it, and keeps the one with more entries even with fewer people', () => {
    const us = accountSide(overview('a1', 'acme-robotics.example', 1), { account_id: 'a1', entries: 12, created_at: '2026-01-10T00:00:00Z' });
    const de = accountSide(overview('a2', 'acme-robotics.de', 7), { account_id: 'a2', entries: 2, created_at: '2025-01-10T00:00:00Z' });
    const { keep, merge } = defaultKeep(de, us);
    expect(keep.id).toBe('a1');
    expect(mergeQuestion(keep, merge)).toBe(
      'Keep Acme Robotics (acme-robotics.example · 12 entries) and merge Acme Robotics (acme-robotics.de · 2 entries) into it?',
    );
  });

  it('keeps the older account when both have as many entries', () => {
    const newer = accountSide(overview('a1', 'acme-robotics.example', 5), { account_id: 'a1', entries: 3, created_at: '2026-11-02T00:00:00Z' });
    const older = accountSide(overview('a2', 'acme-robotics.de', 1), { account_id: 'a2', entries: 3, created_at: '2026-01-10T00:00:00Z' });
    expect(defaultKeep(newer, older).keep.id).toBe('a2');
    expect(defaultKeep(older, newer).keep.id).toBe('a2');
  });

  it('falls back to the people known there when its size is not known', () => {
    expect(accountSide(overview('a1', 'acme-robotics.example', 4), undefined)).toEqual({
      id: 'a1',
      name: 'Acme Robotics',
      domains: ['acme-robotics.example'],
      people: 4,
    });
  });
});
