import { describe, expect, it } from 'vitest';
import {
  CLEARED_MAX,
  FOR_YOU_CHECK_EVERY_MS,
  forYouShown,
  hasNewSince,
  isCheckDue,
  isFollowing,
  newSince,
  routeArgs,
  routeRecipients,
  setFollowing,
  withCleared,
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

describe('what For you shows', () => {
  const route = (id: string, occurred_at: string | undefined, routed_at: string) => ({ route_id: id, occurred_at, routed_at });
  const entry = (id: string, occurred_at: string, created_at: string) => ({ id, occurred_at, created_at });

  it('lists routes newest first by when the customer said it, not when they were brought', () => {
    const shown = forYouShown({
      routes: [
        route('said-monday-routed-today', '2026-11-23T09:00:00Z', '2026-11-30T09:00:00Z'),
        route('said-friday-routed-tuesday', '2026-11-27T09:00:00Z', '2026-11-24T09:00:00Z'),
        route('kept-without-said', undefined, '2026-11-25T09:00:00Z'),
      ],
      followed: [],
    });
    expect(shown.routes.map((item) => item.route_id)).toEqual(['said-friday-routed-tuesday', 'kept-without-said', 'said-monday-routed-today']);
  });

  it('lists followed entries newest first by when the customer said it, not when they were filed', () => {
    const shown = forYouShown({
      routes: [],
      followed: [
        entry('said-early-filed-late', '2026-11-20T09:00:00Z', '2026-11-30T09:00:00Z'),
        entry('said-late-filed-early', '2026-11-29T09:00:00Z', '2026-11-29T10:00:00Z'),
      ],
    });
    expect(shown.followed.map((item) => item.id)).toEqual(['said-late-filed-early', 'said-early-filed-late']);
  });

  it('leaves out the followed entries the reader cleared', () => {
    const shown = forYouShown({ routes: [], followed: [entry('a', '2026-11-20T09:00:00Z', '2026-11-20T09:00:00Z'), entry('b', '2026-11-21T09:00:00Z', '2026-11-21T09:00:00Z')] }, ['a']);
    expect(shown.followed.map((item) => item.id)).toEqual(['b']);
  });

  it('keeps cleared entries per organization, once each and bounded', () => {
    const once = withCleared(withCleared({}, 'org', ['a', 'b']), 'org', ['a']);
    expect(once).toEqual({ org: ['b', 'a'] });
    expect(withCleared(once, 'other', ['c'])).toEqual({ org: ['b', 'a'], other: ['c'] });
    const many = withCleared({}, 'org', Array.from({ length: CLEARED_MAX + 5 }, (_, index) => `id-${index}`));
    expect(many.org).toHaveLength(CLEARED_MAX);
    expect(many.org!.at(-1)).toBe(`id-${CLEARED_MAX + 4}`);
  });
});
