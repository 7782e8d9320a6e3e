import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlanView } from '../../../components/PlanView';
import type { PlanItem } from '../../../utils/messages';
import type { PlanActions } from '../../../utils/plan-actions';
import { fakePlanActions, planItem, TODAY } from './plan-fixtures';

afterEach(cleanup);

const CONTACTS = [
  { id: 'c-mia', full_name: 'Mia Schmidt' },
  { id: 'c-tom', full_name: 'Tom Berg' },
];

function show(items: PlanItem[], actions: PlanActions = fakePlanActions()) {
  render(<PlanView accountName="Acme Robotics" items={items} contacts={CONTACTS} today={TODAY} actions={actions} />);
  return actions;
}

const itemNamed = (body: string) => screen.getByRole('listitem', { name: body });

describe('An account’s plan', () => {
  it('shows goals, each side’s promises with their dates, people and words, then risks and questions', () => {
    show([
      planItem({ kind: 'goal', side: null, body: 'Cut onboarding time in half' }),
      planItem({ side: 'theirs', body: 'Sign the order form', due_on: '2026-12-12', contact_name: 'Mia Schmidt', source_excerpt: 'We will sign by Friday.' }),
      planItem({ side: 'ours', body: 'Send the DPA', due_on: '2026-12-01', taken_by_display_name: 'Ben Okafor' }),
      planItem({ side: 'ours', body: 'Book the kickoff', due_on: null }),
      planItem({ kind: 'risk', side: null, body: 'Their CFO may freeze budgets' }),
      planItem({ kind: 'question', side: null, body: 'Who signs off on security?' }),
    ]);
    const plan = screen.getByRole('region', { name: 'Plan with Acme Robotics' });
    expect(within(plan).getAllByRole('heading').map((heading) => heading.textContent)).toEqual([
      'Goals',
      'What we promised',
      'What they promised',
      'Risks',
      'Open questions',
    ]);

    const ours = within(screen.getByRole('region', { name: 'What we promised' })).getAllByRole('listitem');
    expect(ours.map((item) => item.querySelector('.hc-plan-item__body')?.textContent)).toEqual(['Send the DPA', 'Book the kickoff']);
    expect(ours[0]!.textContent).toContain('Overdue — was due');
    expect(ours[0]!.textContent).toContain('Taken by Ben Okafor');
    expect(ours[1]!.textContent).toContain('Nobody has taken it yet');

    const theirs = itemNamed('Sign the order form');
    expect(theirs.textContent).toContain('With Mia Schmidt');
    expect(theirs.textContent).toContain('In their words: “We will sign by Friday.”');
    expect(theirs.textContent).not.toContain('Overdue');
    expect(theirs.textContent).not.toContain('taken');
  });

  it('says when nothing is open', () => {
    show([]);
    expect(screen.getByText('Nothing is open in the plan with Acme Robotics.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copy for the customer' })).toBeNull();
  });

  it('lets the reader take an untaken step of ours for themselves, and nothing else', () => {
    const actions = show([
      planItem({ id: 'free', side: 'ours', body: 'Send the DPA' }),
      planItem({ side: 'ours', body: 'Book the kickoff', taken_by_display_name: 'Ben Okafor' }),
      planItem({ side: 'theirs', body: 'Sign the order form' }),
      planItem({ kind: 'goal', side: null, body: 'Go live in March' }),
    ]);
    expect(screen.getAllByRole('button', { name: 'Take it' })).toHaveLength(1);
    fireEvent.click(within(itemNamed('Send the DPA')).getByRole('button', { name: 'Take it' }));
    expect(actions.take).toHaveBeenCalledWith('free');
    // There is no way to put anyone else's name on a step.
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByText(/assign/i)).toBeNull();
  });

  it('offers Release to whoever took the step only', () => {
    const actions = show([
      planItem({ id: 'mine', body: 'Send the DPA', taken_by_display_name: 'Ana Lima', taken_by_me: true }),
      planItem({ body: 'Book the kickoff', taken_by_display_name: 'Ben Okafor' }),
    ]);
    expect(itemNamed('Send the DPA').textContent).toContain('Taken by you');
    expect(screen.getAllByRole('button', { name: 'Release' })).toHaveLength(1);
    fireEvent.click(within(itemNamed('Send the DPA')).getByRole('button', { name: 'Release' }));
    expect(actions.release).toHaveBeenCalledWith('mine');
  });

  it('lets the author edit the text, date and person, and nobody else', async () => {
    const actions = show([
      planItem({ id: 'own', body: 'Send the DPA', due_on: '2026-12-10', written_by_me: true }),
      planItem({ body: 'Book the kickoff' }),
    ]);
    expect(within(itemNamed('Book the kickoff')).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(itemNamed('Book the kickoff')).queryByRole('button', { name: 'Withdraw' })).toBeNull();

    fireEvent.click(within(itemNamed('Send the DPA')).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit the item' });
    const text = within(form).getByRole('textbox', { name: 'Text' });
    expect(document.activeElement).toBe(text);
    fireEvent.input(text, { target: { value: '' } });
    expect(within(form).getByText(/Write what it is/)).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(actions.edit).not.toHaveBeenCalled();

    fireEvent.input(text, { target: { value: ' Send the signed DPA ' } });
    fireEvent.input(within(form).getByLabelText('Due date'), { target: { value: '2026-12-15' } });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Who at the customer' }), { target: { value: 'c-tom' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(actions.edit).toHaveBeenCalledWith('own', { body: 'Send the signed DPA', due_on: '2026-12-15', contact_id: 'c-tom' });
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('lets the author take the due date and the person off an item', async () => {
    const actions = show([planItem({ id: 'own', body: 'Send the DPA', due_on: '2026-12-10', contact_id: 'c-tom', contact_name: 'Tom', written_by_me: true })]);
    fireEvent.click(within(itemNamed('Send the DPA')).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit the item' });
    const date = within(form).getByLabelText('Due date') as HTMLInputElement;
    expect(date.value).toBe('2026-12-10');
    fireEvent.click(within(form).getByRole('checkbox', { name: 'No due date' }));
    expect(date.disabled).toBe(true);
    expect(date.value).toBe('');
    fireEvent.change(within(form).getByRole('combobox', { name: 'Who at the customer' }), { target: { value: '' } });
    expect(within(form).getByRole('option', { name: 'No contact (nobody in particular)' })).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(actions.edit).toHaveBeenCalledWith('own', { body: 'Send the DPA', due_on: null, contact_id: null });
  });

  it('asks the author before withdrawing, and shows the server’s refusal beside the item', async () => {
    const actions = show([planItem({ id: 'own', body: 'Send the DPA', written_by_me: true })], fakePlanActions({
      withdraw: vi.fn(async () => ({ ok: false as const, error: 'A settled item cannot be withdrawn.', kind: 'refused' as const })),
    }));
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Withdraw this item?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    expect(actions.withdraw).toHaveBeenCalledWith('own');
    expect((await screen.findByRole('alert')).textContent).toBe('A settled item cannot be withdrawn.');
  });

  it('lets anyone settle an item as done or dropped, with a note', async () => {
    const actions = show([planItem({ id: 'x', side: 'theirs', body: 'Sign the order form' })]);
    fireEvent.click(screen.getByRole('button', { name: 'Settle' }));
    const form = screen.getByRole('form', { name: 'Settle “Sign the order form”' });
    const done = within(form).getByRole('radio', { name: 'Done' }) as HTMLInputElement;
    expect(done.checked).toBe(true);
    expect(document.activeElement).toBe(done);
    fireEvent.click(within(form).getByRole('radio', { name: 'Dropped' }));
    fireEvent.input(within(form).getByRole('textbox', { name: 'Note (optional)' }), { target: { value: ' They chose to wait ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Settle' }));
    expect(actions.settle).toHaveBeenCalledWith('x', { outcome: 'dropped', note: 'They chose to wait' });
    await screen.findByRole('button', { name: 'Settle' });
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('folds settled items below with how they ended, and offers Reopen to who settled it or wrote it', () => {
    const actions = show([
      planItem({ body: 'Book the kickoff' }),
      planItem({ id: 's1', body: 'Send the DPA', settled_at: '2026-12-05T10:00:00Z', outcome: 'done', settled_note: 'Signed copy filed', settled_by_me: true }),
      planItem({ body: 'Trial extension', settled_at: '2026-12-04T10:00:00Z', outcome: 'dropped', written_by_me: true }),
      planItem({ body: 'Reference call', settled_at: '2026-12-03T10:00:00Z', outcome: 'done' }),
    ]);
    const settled = screen.getByText('Settled').closest('details')!;
    expect(settled.open).toBe(false);
    expect(within(screen.getByRole('region', { name: 'What we promised' })).queryByText('Send the DPA')).toBeNull();
    const rows = within(settled).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.hc-plan-item__body')?.textContent)).toEqual(['Send the DPA', 'Trial extension', 'Reference call']);
    expect(rows[0]!.textContent).toContain('Done');
    expect(rows[0]!.textContent).toContain('— Signed copy filed');
    expect(rows[1]!.textContent).toContain('Dropped');
    expect(within(rows[2]!).queryByRole('button', { name: 'Reopen' })).toBeNull();
    expect(within(rows[1]!).getByRole('button', { name: 'Reopen' })).toBeTruthy();
    fireEvent.click(within(rows[0]!).getByRole('button', { name: 'Reopen' }));
    expect(actions.reopen).toHaveBeenCalledWith('s1');
  });

  it('shows an edited item’s earlier versions to everyone', async () => {
    const actions = show([planItem({ id: 'e', body: 'Send the signed DPA', revision_count: 1 })], fakePlanActions({
      revisions: vi.fn(async () => ({
        ok: true as const,
        data: [{ id: 'r1', body: 'Send the DPA', due_on: '2026-12-10', edited_at: '2026-12-02T10:00:00Z' }],
      })),
    }));
    const toggle = screen.getByRole('button', { name: 'Earlier versions' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = await screen.findByRole('list', { name: 'Earlier versions' });
    expect(list.textContent).toContain('Send the DPA');
    expect(list.textContent).toContain('Was due');
    expect(actions.revisions).toHaveBeenCalledWith('e');
  });

  it('copies the open promises for the customer', async () => {
    const actions = show([planItem({ body: 'Send the DPA' })]);
    fireEvent.click(screen.getByRole('button', { name: 'Copy for the customer' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Copied/);
    expect(actions.copyForCustomer).toHaveBeenCalledTimes(1);
  });

  it('counts nothing and scores nobody: no numbers of items, no percentages', () => {
    show([
      planItem({ body: 'Send the DPA', taken_by_display_name: 'Ben Okafor' }),
      planItem({ body: 'Book the kickoff', taken_by_display_name: 'Ben Okafor' }),
      planItem({ body: 'Reference call', settled_at: '2026-12-03T10:00:00Z', outcome: 'done' }),
    ]);
    const text = screen.getByRole('region', { name: 'Plan with Acme Robotics' }).textContent ?? '';
    expect(text).not.toMatch(/%|\(\d+\)|\d+ (of|items|steps|done|open)/i);
  });
});
