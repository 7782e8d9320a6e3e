import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SamePersonQuestion } from '../../../components/SamePersonQuestion';

afterEach(cleanup);

const mia = {
  id: 'c1',
  full_name: 'Mia Schmidt',
  email: 'mia@acme-robotics.example',
  linkedin_url: null,
  account_id: 'a1',
  account_name: 'Acme Robotics',
};

describe('the “Same person” question', () => {
  it('asks about the known contact by name, address and account', () => {
    render(<SamePersonQuestion candidate={mia} onSame={() => {}} onElse={() => {}} />);
    const question = screen.getByRole('group', { name: 'Is this Mia Schmidt (mia@acme-robotics.example · Acme Robotics)?' });
    expect(question.textContent).toContain('Is this Mia Schmidt (mia@acme-robotics.example · Acme Robotics)?');
  });

  it('answers “Same person” and “Someone else” through separate events', () => {
    const onSame = vi.fn();
    const onElse = vi.fn();
    render(<SamePersonQuestion candidate={mia} onSame={onSame} onElse={onElse} />);
    fireEvent.click(screen.getByRole('button', { name: 'Same person' }));
    expect(onSame).toHaveBeenCalledTimes(1);
    expect(onElse).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Someone else' }));
    expect(onElse).toHaveBeenCalledTimes(1);
  });
});
