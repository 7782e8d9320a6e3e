import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DueList } from '../../../components/DueList';
import { dueStep, TODAY } from './plan-fixtures';

afterEach(cleanup);

describe('For you: Due', () => {
  it('groups steps into overdue and this week, each in date order', () => {
    render(
      <DueList
        today={TODAY}
        onOpenAccount={vi.fn()}
        steps={[
          dueStep({ body: 'Send the pricing sheet', due_on: '2026-12-12' }),
          dueStep({ body: 'Confirm the pilot team', side: 'theirs', due_on: '2026-12-02', account_name: 'Globex', contact_name: 'Mia Schmidt' }),
          dueStep({ body: 'Book the kickoff', due_on: TODAY, taken_by_display_name: 'Ana Lima' }),
          dueStep({ body: 'Send the DPA', due_on: '2026-12-08' }),
        ]}
      />,
    );
    const overdue = within(screen.getByRole('region', { name: 'Overdue' })).getAllByRole('listitem');
    expect(overdue.map((item) => item.querySelector('.hc-plan-item__body')?.textContent)).toEqual(['Confirm the pilot team', 'Send the DPA']);
    expect(overdue[0]!.textContent).toContain('Overdue — was due');
    expect(overdue[0]!.textContent).toContain('They promised · with Mia Schmidt');
    const week = within(screen.getByRole('region', { name: 'This week' })).getAllByRole('listitem');
    expect(week.map((item) => item.querySelector('.hc-plan-item__body')?.textContent)).toEqual(['Book the kickoff', 'Send the pricing sheet']);
    expect(week[0]!.textContent).toContain('Due today');
    expect(week[0]!.textContent).toContain('We promised · taken by Ana Lima');
  });

  it('opens a step’s account', () => {
    const onOpenAccount = vi.fn();
    render(<DueList today={TODAY} onOpenAccount={onOpenAccount} steps={[dueStep({ account_id: 'acc-9', account_name: 'Globex', body: 'Send the DPA' })]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Globex' }));
    expect(onOpenAccount).toHaveBeenCalledWith('acc-9');
  });

  it('says when nothing is due', () => {
    render(<DueList today={TODAY} onOpenAccount={vi.fn()} steps={[]} />);
    expect(screen.getByText('Nothing is due this week, and nothing is overdue.')).toBeTruthy();
  });
});
