import { describe, expect, it } from 'vitest';
import {
  FOR_YOU_CHECK_EVERY_MS,
  hasNewSince,
  isCheckDue,
  isFollowing,
  newSince,
  routeArgs,
  routeRecipients,
  setFollowing,
} from '../../../utils/for-you';

const ME = 'me';
const members = [
  { user_id: ME, display_name: 'Ana', department: 'Sales' },
  { user_id: 'b', display_name: 'Ben', department: 'Support' },
  { user_id: 'c', display_name: 'Cleo', department: ' support ' },
  { user_id: 'd', display_name: 'Dev', department: null },
  { user_id: 'e', display_name: 'Abe', department: 'Marketing' },
];

describe('who can be chosen for "Bring to a colleague"', () => {
  it('offers everyone else by name, and each department with someone else in it once', () => {
    const { people, departments } = routeRecipients(members, ME);
    expect(people.map((person) => person.display_name)).toEqual(['Abe', 'Ben', 'Cleo', 'Dev']);
    // Sales is only the rep: a route there would reach nobody.
    expect(departments).toEqual(['Marketing', 'Support']);
  });

  it('sends exactly one of a colleague or a department, and no empty note', () => {
    expect(routeArgs('entry', { toUser: 'b' }, '  ')).toEqual({ interaction_id: 'entry', to_user: 'b' });
    expect(routeArgs('entry', { toDepartment: ' Support ' }, ' Call them ')).toEqual({
      interaction_id: 'entry',
      to_department: 'Support',
      note: 'Call them',
    });
  });
});

describe('follows kept in this browser', () => {
  it('are per organization, and unfollowing the last account leaves nothing behind', () => {
    let follows = setFollowing({}, 'org', 'acme', true);
    follows = setFollowing(follows, 'org', 'globex', true);
    follows = setFollowing(follows, 'org', 'acme', true);
    expect(follows).toEqual({ org: ['globex', 'acme'] });
    expect(isFollowing(follows, 'org', 'acme')).toBe(true);
    expect(isFollowing(follows, 'other', 'acme')).toBe(false);
    follows = setFollowing(setFollowing(follows, 'org', 'acme', false), 'org', 'globex', false);
    expect(follows).toEqual({});
  });

  it('count as new what came after the last look, or the last day the first time', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(newSince({ org: '2026-11-28T08:00:00.000Z' }, 'org', now)).toBe('2026-11-28T08:00:00.000Z');
    expect(newSince({}, 'org', now)).toBe('2026-11-28T12:00:00.000Z');
  });
});

describe('checking for new items', () => {
  const now = new Date('2026-11-29T12:00:00Z');

  it('runs on the alarm at most every 15 minutes', () => {
    expect(isCheckDue(null, now)).toBe(true);
    expect(isCheckDue(new Date(now.getTime() - FOR_YOU_CHECK_EVERY_MS + 1000).toISOString(), now)).toBe(false);
    expect(isCheckDue(new Date(now.getTime() - FOR_YOU_CHECK_EVERY_MS).toISOString(), now)).toBe(true);
    // A clock set back does not stop checks for good.
    expect(isCheckDue('2030-01-01T00:00:00Z', now)).toBe(true);
  });

  it('marks something new only when a route or a followed entry came after the last look', () => {
    const items = { routes: [{ routed_at: '2026-11-29T10:00:00Z' }], followed: [{ created_at: '2026-11-29T09:00:00Z' }] };
    expect(hasNewSince(items, '2026-11-29T11:00:00Z')).toBe(false);
    expect(hasNewSince(items, '2026-11-29T09:30:00Z')).toBe(true);
    expect(hasNewSince({ routes: [], followed: items.followed }, '2026-11-29T08:00:00Z')).toBe(true);
    expect(hasNewSince({ routes: [], followed: [] }, null)).toBe(false);
    expect(hasNewSince(items, null)).toBe(true);
  });
});
