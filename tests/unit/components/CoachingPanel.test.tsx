import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoachingNotice } from '../../../components/CoachingNotice';
import { CoachingPanel } from '../../../components/CoachingPanel';
import type { CoachingPeriod, Member } from '../../../utils/messages';
import { COLLEAGUE, ME } from './fake-send';

afterEach(cleanup);

// Noon UTC on 20 November 2026: today is 2026-11-20 in UTC.
const NOW = new Date('2026-11-20T12:00:00Z');
const PERIOD = '00000000-0000-4000-8000-0000000000c1';

function period(overrides: Partial<CoachingPeriod> = {}): CoachingPeriod {
  return {
    id: PERIOD,
    org_id: 'org-1',
    manager_id: ME,
    manager_name: 'Maria',
    employee_id: COLLEAGUE,
    employee_name: 'Ben',
    purpose: 'Writing up discovery calls',
    starts_on: '2026-11-01',
    ends_on: '2026-12-15',
    ended_at: null,
    created_at: '2026-11-01T09:00:00Z',
    notes: [],
    ...overrides,
  };
}

const members: Member[] = [
  { user_id: ME, role: 'manager', display_name: 'Maria', department: 'sales' },
  { user_id: COLLEAGUE, role: 'member', display_name: 'Ben', department: 'sales' },
];

function renderPanel(props: Partial<Parameters<typeof CoachingPanel>[0]> = {}) {
  const handlers = {
    onRetry: vi.fn(),
    onOpen: vi.fn(async () => null as string | null),
    onAddNote: vi.fn(async () => null as string | null),
    onEditNote: vi.fn(async () => null as string | null),
    onEnd: vi.fn(async () => null as string | null),
  };
  render(<CoachingPanel userId={ME} canOpen members={members} periods={[]} error={null} now={NOW} {...handlers} {...props} />);
  return handlers;
}

describe('Coaching for a manager', () => {
  it('opens a period for a colleague, never for themself, with a purpose and a last day within 90 days', async () => {
    const { onOpen } = renderPanel();
    const form = screen.getByRole('form', { name: 'Open a coaching period' });
    const select = within(form).getByLabelText('With') as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual(['Choose a colleague', 'Ben (sales)']);
    const lastDay = within(form).getByLabelText('Last day');
    expect(lastDay.getAttribute('min')).toBe('2026-11-21');
    expect(lastDay.getAttribute('max')).toBe('2027-02-18');

    fireEvent.change(select, { target: { value: COLLEAGUE } });
    fireEvent.input(within(form).getByLabelText('Purpose'), { target: { value: ' Objection handling ' } });
    fireEvent.input(lastDay, { target: { value: '2026-12-20' } });
    expect(form.textContent).toContain('Only you and Ben will see it.');
    fireEvent.click(within(form).getByRole('button', { name: 'Open the period' }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith({ employeeId: COLLEAGUE, purpose: 'Objection handling', endsOn: '2026-12-20' }));
    expect((await within(form).findByRole('status')).textContent).toContain('Ben sees it now');
  });

  it('shows the server’s refusal next to the form', async () => {
    renderPanel({ onOpen: vi.fn(async () => 'Must be at most 90 days from today.') });
    const form = screen.getByRole('form', { name: 'Open a coaching period' });
    fireEvent.change(within(form).getByLabelText('With'), { target: { value: COLLEAGUE } });
    fireEvent.input(within(form).getByLabelText('Purpose'), { target: { value: 'x' } });
    fireEvent.input(within(form).getByLabelText('Last day'), { target: { value: '2027-05-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Open the period' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Must be at most 90 days from today.');
  });

  it('lists the periods they opened: who sees it, until when, when it is deleted, notes newest first', async () => {
    const { onAddNote, onEnd } = renderPanel({
      periods: [
        period({
          notes: [
            { id: 'n1', author_id: COLLEAGUE, body: 'Older note from Ben', created_at: '2026-11-02T09:00:00Z', updated_at: '2026-11-02T09:00:00Z' },
            { id: 'n2', author_id: ME, body: 'Newer note from me', created_at: '2026-11-03T09:00:00Z', updated_at: '2026-11-03T09:00:00Z' },
          ],
        }),
      ],
    });
    const section = screen.getByRole('region', { name: 'Periods you opened' });
    const card = within(section).getByRole('article', { name: 'Coaching Ben' });
    expect(card.textContent).toContain('Only you and Ben see this.');
    expect(card.textContent).toContain('Open until the end of');
    expect(card.textContent).toContain('will be deleted on');
    const notes = within(card).getAllByRole('listitem').map((item) => item.textContent ?? '');
    expect(notes[0]).toContain('Newer note from me');
    expect(notes[1]).toContain('Older note from Ben');
    // Only my own note can be edited.
    expect(within(card).getAllByRole('button', { name: 'Edit' })).toHaveLength(1);
    // Text only: no number of notes, no ticks.
    expect(card.textContent).not.toMatch(/\b2 notes\b|✓|✔/);

    fireEvent.input(within(card).getByLabelText('Write a note for Ben'), { target: { value: 'Good progress on the Acme call' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(onAddNote).toHaveBeenCalledWith(PERIOD, 'Good progress on the Acme call'));

    fireEvent.click(within(card).getByRole('button', { name: 'End this period now' }));
    fireEvent.click(within(card).getByRole('button', { name: 'End it now' }));
    await waitFor(() => expect(onEnd).toHaveBeenCalledWith(PERIOD));
  });

  it('says so when they have no periods yet', () => {
    renderPanel({ periods: [] });
    expect(screen.getByText(/You have no coaching periods/)).toBeTruthy();
  });
});

describe('Coaching for an employee', () => {
  it('shows their periods without the form or an end button, and lets them write and edit their own notes', async () => {
    const onEditNote = vi.fn(async () => null as string | null);
    render(
      <CoachingPanel
        userId={COLLEAGUE}
        canOpen={false}
        members={members}
        periods={[period({ notes: [{ id: 'n1', author_id: COLLEAGUE, body: 'My first note', created_at: '2026-11-02T09:00:00Z', updated_at: '2026-11-02T09:00:00Z' }] })]}
        error={null}
        now={NOW}
        onRetry={vi.fn()}
        onOpen={vi.fn()}
        onAddNote={vi.fn(async () => null)}
        onEditNote={onEditNote}
        onEnd={vi.fn()}
      />,
    );
    expect(screen.queryByRole('form', { name: 'Open a coaching period' })).toBeNull();
    const card = within(screen.getByRole('region', { name: 'Periods for you' })).getByRole('article', { name: 'Coaching with Maria' });
    expect(card.textContent).toContain('Only you and Maria see this.');
    expect(within(card).queryByRole('button', { name: 'End this period now' })).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: 'Edit' }));
    fireEvent.input(within(card).getByLabelText('Edit your note'), { target: { value: 'My better note' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(onEditNote).toHaveBeenCalledWith('n1', 'My better note'));
  });

  it('says nobody has opened one when there is none', () => {
    renderPanel({ userId: COLLEAGUE, canOpen: false, periods: [] });
    expect(screen.getByText(/Nobody has opened a coaching period with you/)).toBeTruthy();
  });
});

describe('an ended period', () => {
  it('can be read but takes no more notes or edits, and says when it will be deleted', () => {
    renderPanel({
      periods: [
        period({
          ended_at: '2026-11-10T15:00:00Z',
          notes: [{ id: 'n1', author_id: ME, body: 'Closing words', created_at: '2026-11-09T09:00:00Z', updated_at: '2026-11-09T09:00:00Z' }],
        }),
      ],
    });
    const card = screen.getByRole('article', { name: 'Coaching Ben' });
    expect(card.textContent).toContain('Ended early on');
    expect(card.textContent).toContain('This period has ended: no more notes can be written.');
    expect(card.textContent).toMatch(/deleted on .*10.*2026|deleted on .*December 10, 2026|deleted on 10 December 2026/);
    expect(within(card).queryByRole('textbox')).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'End this period now' })).toBeNull();
  });
});

describe('when Coaching cannot be read', () => {
  it('says why and offers to try again', () => {
    const { onRetry } = renderPanel({ periods: null, error: 'Could not reach the server.' });
    expect(screen.getByRole('alert').textContent).toContain('Could not reach the server.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});

describe('the popup’s notice', () => {
  it('tells the employee who opened a period, why and until when, with a link to it', () => {
    const onOpen = vi.fn();
    render(<CoachingNotice userId={COLLEAGUE} periods={[period()]} now={NOW} onOpen={onOpen} />);
    const notice = screen.getByRole('complementary', { name: 'Coaching' });
    expect(notice.textContent).toContain('Maria opened a coaching period with you until');
    expect(notice.textContent).toContain('Writing up discovery calls');
    fireEvent.click(within(notice).getByRole('button', { name: 'Open coaching' }));
    expect(onOpen).toHaveBeenCalledWith(PERIOD);
  });

  it('is not shown to the manager, nor for an ended period', () => {
    const { container } = render(
      <>
        <CoachingNotice userId={ME} periods={[period()]} now={NOW} onOpen={vi.fn()} />
        <CoachingNotice userId={COLLEAGUE} periods={[period({ ended_at: '2026-11-10T15:00:00Z' })]} now={NOW} onOpen={vi.fn()} />
      </>,
    );
    expect(container.textContent).toBe('');
  });
});
