import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupTabs, type TabDefinition } from '../../../components/PopupTabs';

type Props = { who: string };
const tabs: TabDefinition<Props>[] = [
  { id: 'accounts', label: 'Accounts', Component: ({ who }) => <p>Accounts for {who}</p> },
  { id: 'for-you', label: 'For you', Component: ({ who }) => <p>Routed to {who}</p> },
];

function Harness({ only }: { only?: boolean }) {
  const [tab, setTab] = useState('accounts');
  return <PopupTabs tabs={only ? tabs.slice(0, 1) : tabs} selected={tab} onSelect={setTab} props={{ who: 'Ana' }} />;
}

afterEach(cleanup);

describe('the popup’s tabs', () => {
  it('shows just the content while there is one tab', () => {
    render(<Harness only />);
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.getByText('Accounts for Ana')).toBeTruthy();
  });

  it('switches by click and by arrow keys, as the ARIA tabs pattern does', () => {
    render(<Harness />);
    const accounts = screen.getByRole('tab', { name: 'Accounts' });
    expect(accounts.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Accounts' }).textContent).toBe('Accounts for Ana');
    fireEvent.click(screen.getByRole('tab', { name: 'For you' }));
    expect(screen.getByRole('tabpanel', { name: 'For you' }).textContent).toBe('Routed to Ana');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'For you' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Accounts' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Accounts' }));
    expect(screen.getByRole('tab', { name: 'For you' }).tabIndex).toBe(-1);
  });
});
