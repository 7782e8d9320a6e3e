import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BringToColleague, type RoutingActions } from '../../../components/BringToColleague';
import type { RouteRecipients } from '../../../utils/for-you';
import { COLLEAGUE } from './fake-send';

afterEach(cleanup);

const ENTRY = '00000000-0000-4000-8000-000000000001';
const recipients: RouteRecipients = {
  people: [
    { user_id: COLLEAGUE, display_name: 'Ben Okafor', department: 'Support' },
    { user_id: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', display_name: 'Cleo Park', department: null },
  ],
  departments: ['Support'],
};

function renderWith(actions: Partial<RoutingActions> = {}) {
  const full: RoutingActions = {
    recipients: vi.fn(async () => ({ ok: true as const, data: recipients })),
    bring: vi.fn(async () => ({ ok: true as const, data: { routeId: 'r1' } })),
    ...actions,
  };
  render(<BringToColleague entryId={ENTRY} entryTitle="Refund for the March invoice" actions={full} />);
  return full;
}

describe('Bring to a colleague', () => {
  it('is not offered where the page provides no way to send it', () => {
    render(<BringToColleague entryId={ENTRY} entryTitle="Anything" />);
    expect(screen.queryByRole('button', { name: 'Bring to a colleague' })).toBeNull();
  });

  it('brings an entry to a department with a note, and says nobody is told who read it', async () => {
    const actions = renderWith();
    fireEvent.click(screen.getByRole('button', { name: 'Bring to a colleague' }));
    const form = await screen.findByRole('form', { name: 'Bring “Refund for the March invoice” to a colleague' });
    const to = await within(form).findByRole('combobox', { name: 'To' });
    expect(within(to).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Choose a colleague or a department',
      'Support (everyone in it)',
      'Ben Okafor (Support)',
      'Cleo Park',
    ]);
    fireEvent.change(to, { target: { value: 'department:Support' } });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Note (optional)' }), { target: { value: ' Wants a refund ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send' }));

    expect((await screen.findByRole('status')).textContent).toBe(
      'Brought to Support. It waits in their For you; Highcard never tells anyone who read it.',
    );
    expect(actions.bring).toHaveBeenCalledWith({ interactionId: ENTRY, target: { toDepartment: 'Support' }, note: 'Wants a refund' });
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('brings an entry to one person without a note', async () => {
    const actions = renderWith();
    fireEvent.click(screen.getByRole('button', { name: 'Bring to a colleague' }));
    fireEvent.change(await screen.findByRole('combobox', { name: 'To' }), { target: { value: `person:${COLLEAGUE}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText(/^Brought to Ben Okafor\./);
    expect(actions.bring).toHaveBeenCalledWith({ interactionId: ENTRY, target: { toUser: COLLEAGUE }, note: null });
  });

  it('keeps the note to 500 characters', async () => {
    renderWith();
    fireEvent.click(screen.getByRole('button', { name: 'Bring to a colleague' }));
    const note = (await screen.findByRole('textbox', { name: 'Note (optional)' })) as HTMLTextAreaElement;
    expect(note.maxLength).toBe(500);
  });

  it('asks for a recipient before sending, and keeps the form with the server’s refusal', async () => {
    const actions = renderWith({ bring: vi.fn(async () => ({ ok: false as const, error: 'to_user: is not a member of this entry’s organization' })) });
    fireEvent.click(screen.getByRole('button', { name: 'Bring to a colleague' }));
    const form = await screen.findByRole('form');
    await within(form).findByRole('combobox', { name: 'To' });
    fireEvent.submit(form);
    expect((await screen.findByRole('alert')).textContent).toBe('Choose a colleague or a department.');
    expect(actions.bring).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByRole('combobox', { name: 'To' }), { target: { value: `person:${COLLEAGUE}` } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('to_user: is not a member of this entry’s organization'));
    expect(screen.getByRole('form')).toBeTruthy();
  });

  it('says when there is nobody to bring it to, and when colleagues cannot be loaded', async () => {
    renderWith({ recipients: vi.fn(async () => ({ ok: true as const, data: { people: [], departments: [] } })) });
    fireEvent.click(screen.getByRole('button', { name: 'Bring to a colleague' }));
    expect(await screen.findByText(/Nobody else is in your organization yet/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    cleanup();

    renderWith({ recipients: vi.fn(async () => ({ ok: false as const, error: 'You are offline.' })) });
    fireEvent.click(screen.getByRole('button', { name: 'Bring to a colleague' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You are offline.');
  });
});
