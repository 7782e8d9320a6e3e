import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountTimeline as Timeline } from '../../../entrypoints/sidepanel/AccountTimeline';
import { startOfDay, TIMELINE_PAGE_SIZE, timelineQuery } from '../../../utils/timeline-filters';
import type { TimelinePage, TimelineQuery } from '../../../utils/messages';
import { send } from '../../../utils/send';
import { forgetThanks } from '../../../utils/thanks';
import { ACCOUNT_ID, answerWith, entry, fail, ME, ok } from './fake-send';

vi.mock('../../../utils/send', () => ({ send: vi.fn() }));

beforeEach(() => vi.mocked(send).mockReset());
// An entry asks for its thank-yous a moment after it renders: none of that may spill into
// the next test, whose mock answers other messages.
afterEach(() => forgetThanks());
afterEach(cleanup);

const titles = () =>
  within(screen.getByRole('list', { name: 'Entries, newest first' }))
    .getAllByRole('heading')
    .map((heading) => heading.textContent);

describe('the account timeline', () => {
  it('shows the first page and continues after its last entry with “Load more”', async () => {
    const first = Array.from({ length: TIMELINE_PAGE_SIZE }, () => entry());
    const last = first[first.length - 1]!;
    const rest = [entry({ title: 'The oldest one' })];
    const pages: TimelineQuery[] = [];
    answerWith(send, {
      'account.timeline': (query): { ok: true; data: TimelinePage } => {
        pages.push(query);
        return query.after
          ? ok({ entries: rest, next: null })
          : ok({ entries: first, next: { occurred_at: last.occurred_at, id: last.id } });
      },
    });
    render(<Timeline accountId={ACCOUNT_ID} currentUserId={ME} />);
    expect(await screen.findByRole('heading', { name: first[0]!.title })).toBeTruthy();
    expect(titles()).toHaveLength(TIMELINE_PAGE_SIZE);

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('heading', { name: 'The oldest one' })).toBeTruthy();
    expect(titles()).toHaveLength(TIMELINE_PAGE_SIZE + 1);
    expect(titles()[TIMELINE_PAGE_SIZE]).toBe('The oldest one');
    expect(pages.map((page) => page.after ?? null)).toEqual([null, { occurred_at: last.occurred_at, id: last.id }]);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('asks again from the top when a filter changes, with the signal, kind and days chosen', async () => {
    const queries: TimelineQuery[] = [];
    answerWith(send, {
      'account.timeline': (query) => {
        queries.push(query);
        return ok({ entries: query.signal ? [entry({ title: 'Pricing only', signals: ['pricing'] })] : [entry()], next: null });
      },
    });
    render(<Timeline accountId={ACCOUNT_ID} currentUserId={ME} />);
    await screen.findByRole('list', { name: 'Entries, newest first' });

    fireEvent.change(screen.getByRole('combobox', { name: 'Signal' }), { target: { value: 'pricing' } });
    expect(await screen.findByRole('heading', { name: 'Pricing only' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'note' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    await waitFor(() => expect(queries).toHaveLength(5));
    expect(queries[4]).toMatchObject({
      accountId: ACCOUNT_ID,
      signal: 'pricing',
      kind: 'note',
      from: startOfDay('2026-11-01'),
      to: startOfDay('2026-12-01'),
      after: null,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(queries).toHaveLength(6));
    expect(queries[5]).toMatchObject({ signal: null, kind: null, from: null, to: null });
  });

  it('says when filters leave nothing, and when nothing was filed at all', async () => {
    answerWith(send, { 'account.timeline': () => ok({ entries: [], next: null }) });
    render(<Timeline accountId={ACCOUNT_ID} currentUserId={ME} />);
    expect(await screen.findByText(/Nothing has been filed about this account yet/)).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'email' } });
    expect(await screen.findByText('No entry matches these filters. Clear them to see the whole timeline.')).toBeTruthy();
  });

  it('shows an error with a way to try again', async () => {
    let calls = 0;
    answerWith(send, {
      'account.timeline': () => (++calls === 1 ? fail('Could not reach the server (Failed to fetch).') : ok({ entries: [entry({ title: 'Back' })], next: null })),
    });
    render(<Timeline accountId={ACCOUNT_ID} currentUserId={ME} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not reach the server');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Back' })).toBeTruthy();
  });
});

describe('timeline queries', () => {
  it('turns inclusive days into a half-open range of times with the reader’s offset', () => {
    const query = timelineQuery(ACCOUNT_ID, { signal: '', kind: '', from: '2026-11-01', to: '2026-11-30' }, null);
    expect(new Date(query.from!).getTime()).toBe(new Date(2026, 10, 1).getTime());
    expect(new Date(query.to!).getTime()).toBe(new Date(2026, 11, 1).getTime());
    expect(query.from).toMatch(/^2026-11-01T00:00:00[+-]\d{2}:\d{2}$/);
    expect(startOfDay('not a day')).toBeNull();
  });
});
