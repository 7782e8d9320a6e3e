import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PromiseForm, type DueGuess } from '../../../components/PromiseForm';
import type { PlanSide, Result } from '../../../utils/messages';

afterEach(cleanup);

const CONTACTS = [
  { id: 'c-mia', full_name: 'Mia Schmidt' },
  { id: 'c-tom', full_name: 'Tom Berg' },
];
const SENTENCE = 'We will send the signed order form on Monday.';

function show({
  sentence = SENTENCE,
  sideGuess = 'theirs' as PlanSide | null,
  dueGuess = { due_on: '2026-12-14', words: 'on Monday' } as DueGuess | null,
  onSubmit = vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, data: {} })),
  onCancel = vi.fn(),
} = {}) {
  render(<PromiseForm sentence={sentence} sideGuess={sideGuess} dueGuess={dueGuess} contacts={CONTACTS} contactGuess="c-mia" onSubmit={onSubmit} onCancel={onCancel} />);
  return { form: screen.getByRole('form', { name: 'Add as a promise' }), onSubmit, onCancel };
}

describe('Add as a promise', () => {
  it('shows the sentence with every guess ready to confirm, focus in the text', () => {
    const { form, onSubmit } = show();
    expect(form.textContent).toContain(`From the message: “${SENTENCE}”`);
    const text = within(form).getByRole('textbox', { name: 'Text' }) as HTMLTextAreaElement;
    expect(text.value).toBe(SENTENCE);
    expect(document.activeElement).toBe(text);
    expect((within(form).getByRole('combobox', { name: 'What is it?' }) as HTMLSelectElement).value).toBe('step');
    expect((within(form).getByRole('radio', { name: 'They promised' }) as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByRole('combobox', { name: 'Who at the customer' }) as HTMLSelectElement).value).toBe('c-mia');
    const due = within(form).getByLabelText('Due date') as HTMLInputElement;
    expect(due.value).toBe('2026-12-14');
    expect(within(form).getByText('read from “on Monday” — check it')).toBeTruthy();
    // Nothing is said to be wrong before the rep has done anything.
    expect(form.querySelector('[aria-invalid]')).toBeNull();

    fireEvent.click(within(form).getByRole('button', { name: 'Add promise' }));
    expect(onSubmit).toHaveBeenCalledWith({
      kind: 'step',
      side: 'theirs',
      body: SENTENCE,
      due_on: '2026-12-14',
      contact_id: 'c-mia',
      take: false,
    });
  });

  it('drops the “read from” words once the rep picks another date', () => {
    const { form, onSubmit } = show();
    fireEvent.input(within(form).getByLabelText('Due date'), { target: { value: '2026-12-16' } });
    expect(within(form).queryByText(/read from/)).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Add promise' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ due_on: '2026-12-16' }));
  });

  it('says what is wrong with the text only after the rep changes it or submits', () => {
    const { form, onSubmit } = show({ sentence: '' });
    expect(within(form).queryByText(/Write what it is/)).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Add promise' }));
    expect(within(form).getByText(/Write what it is/)).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'Text' }).getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.input(within(form).getByRole('textbox', { name: 'Text' }), { target: { value: 'x'.repeat(501) } });
    expect(within(form).getByText(/Keep it to 500 characters \(it has 501\)/)).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Add promise' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('asks who promised when it could not tell, and offers “I’ll do it” only on our side', () => {
    const { form, onSubmit } = show({ sideGuess: null });
    expect(within(form).queryByRole('checkbox')).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Add promise' }));
    expect(within(form).getByText('Say who promised it.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.click(within(form).getByRole('radio', { name: 'We promised' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: /I’ll do it/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add promise' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ side: 'ours', take: true }));
  });

  it('adds a goal, a risk or a question without a side or a date', () => {
    const { form, onSubmit } = show();
    fireEvent.change(within(form).getByRole('combobox', { name: 'What is it?' }), { target: { value: 'risk' } });
    expect(within(form).queryByRole('radio')).toBeNull();
    expect(within(form).queryByLabelText('Due date')).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Add promise' }));
    expect(onSubmit).toHaveBeenCalledWith({ kind: 'risk', side: null, body: SENTENCE, due_on: null, contact_id: 'c-mia', take: false });
  });

  it('keeps the form with the server’s refusal', async () => {
    const { form } = show({ onSubmit: vi.fn(async () => ({ ok: false as const, error: 'You are offline; try again when you are back.', kind: 'offline' as const })) });
    fireEvent.click(within(form).getByRole('button', { name: 'Add promise' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You are offline; try again when you are back.');
    expect(screen.getByRole('form', { name: 'Add as a promise' })).toBeTruthy();
  });

  it('cancels with the button or Escape', () => {
    const { form, onCancel } = show();
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(within(form).getByRole('textbox', { name: 'Text' }), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(2);
  });
});

describe('Add as a promise, back from a preview the rep closed without filing', () => {
  it('shows what the rep confirmed, not the first guesses, so nothing they typed is lost', () => {
    const confirmed = { kind: 'step' as const, side: 'ours' as const, body: 'We send the signed order form on Tuesday', due_on: '2026-12-15', contact_id: 'c-tom', take: true };
    const onSubmit = vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, data: {} }));
    render(
      <PromiseForm
        sentence={SENTENCE}
        sideGuess="theirs"
        dueGuess={{ due_on: '2026-12-14', words: 'on Monday' }}
        contacts={CONTACTS}
        contactGuess="c-mia"
        confirmed={confirmed}
        onSubmit={onSubmit}
        onCancel={vi.fn()}
      />,
    );
    const form = screen.getByRole('form', { name: 'Add as a promise' });
    expect((within(form).getByRole('textbox', { name: 'Text' }) as HTMLTextAreaElement).value).toBe(confirmed.body);
    expect((within(form).getByRole('radio', { name: 'We promised' }) as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByLabelText('Due date') as HTMLInputElement).value).toBe('2026-12-15');
    expect((within(form).getByRole('combobox', { name: 'Who at the customer' }) as HTMLSelectElement).value).toBe('c-tom');
    fireEvent.click(within(form).getByRole('button', { name: 'Add promise' }));
    expect(onSubmit).toHaveBeenCalledWith(confirmed);
  });
});
