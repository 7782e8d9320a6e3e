import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OpenWithCustomer } from '../../../components/OpenWithCustomer';
import { openStep, TODAY } from './plan-fixtures';

afterEach(cleanup);

describe('What is open with this customer', () => {
  it('shows their promises and ours, soonest due first, overdue said in words, each with its words', () => {
    render(
      <OpenWithCustomer
        today={TODAY}
        steps={[
          openStep({ side: 'theirs', body: 'Send the signed order form', due_on: '2026-12-20' }),
          openStep({ side: 'ours', body: 'Book the kickoff' }),
          openStep({ side: 'theirs', body: 'Confirm the pilot team', due_on: '2026-12-01', contact_name: 'Mia Schmidt', source_excerpt: 'I will confirm the team by Tuesday.' }),
          openStep({ side: 'ours', body: 'Send the DPA', due_on: TODAY, taken_by_display_name: 'Ana Lima' }),
        ]}
      />,
    );
    const region = screen.getByRole('region', { name: 'Open with them' });
    const theirs = within(within(region).getByRole('region', { name: 'What they promised' })).getAllByRole('listitem');
    expect(theirs.map((item) => item.querySelector('.hc-plan-item__body')?.textContent)).toEqual(['Confirm the pilot team', 'Send the signed order form']);
    expect(theirs[0]!.textContent).toContain('Overdue — was due');
    expect(theirs[0]!.textContent).toContain('With Mia Schmidt');
    expect(theirs[0]!.textContent).toContain('“I will confirm the team by Tuesday.”');
    const ours = within(within(region).getByRole('region', { name: 'What we promised' })).getAllByRole('listitem');
    expect(ours.map((item) => item.querySelector('.hc-plan-item__body')?.textContent)).toEqual(['Send the DPA', 'Book the kickoff']);
    expect(ours[0]!.textContent).toContain('Due today');
    expect(ours[0]!.textContent).toContain('Taken by Ana Lima');
    expect(screen.queryByRole('button', { name: 'This settles it' })).toBeNull();
  });

  it('hands a step back when the message being read settles it', () => {
    const onSettle = vi.fn();
    const step = openStep({ body: 'Send the signed order form' });
    render(<OpenWithCustomer today={TODAY} steps={[step]} onSettle={onSettle} />);
    fireEvent.click(within(screen.getByRole('listitem', { name: 'Send the signed order form' })).getByRole('button', { name: 'This settles it' }));
    expect(onSettle).toHaveBeenCalledWith(step);
  });

  it('says so when nothing is open', () => {
    render(<OpenWithCustomer today={TODAY} steps={[]} />);
    expect(screen.getByRole('region', { name: 'Open with them' }).textContent).toContain('Nothing is open with them');
    expect(screen.queryByRole('listitem')).toBeNull();
  });
});
