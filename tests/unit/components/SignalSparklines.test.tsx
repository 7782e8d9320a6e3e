import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SignalSparklines, sparklinePoints } from '../../../components/SignalSparklines';

afterEach(cleanup);

describe('an account’s signals week by week', () => {
  it('lists each signal with its entries as text, the line being decoration', () => {
    render(
      <SignalSparklines
        weeks={26}
        rows={[
          { week: '2026-11-16', signal: 'pricing', entries: 2, accounts: 1 },
          { week: '2026-11-23', signal: 'pricing', entries: 1, accounts: 1 },
          { week: '2026-11-16', signal: 'objection', entries: 0, accounts: 0 },
          { week: '2026-11-23', signal: 'objection', entries: 1, accounts: 1 },
        ]}
      />,
    );
    const region = screen.getByRole('region', { name: 'Signals week by week (26 weeks)' });
    const items = within(region).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Objection1 entry', 'Pricing3 entries']);
  });

  it('says so when the account gave no signal in the window', () => {
    render(<SignalSparklines weeks={26} rows={[]} />);
    expect(screen.getByText('No signals in the last 26 weeks.')).toBeTruthy();
  });

  it('draws the highest week at the top and an empty week at the bottom', () => {
    expect(sparklinePoints([0, 4, 2], 100, 22)).toBe('0.0,21.0 50.0,1.0 100.0,11.0');
  });
});
