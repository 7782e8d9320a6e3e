import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountMerge } from '../../../components/AccountMerge';
import { AccountPeople } from '../../../components/AccountPeople';
import type { AccountContact, AccountOverview } from '../../../utils/messages';

afterEach(cleanup);

const person = (overrides: Partial<AccountContact>): AccountContact => ({
  id: 'x',
  full_name: 'Someone',
  email: null,
  linkedin_url: null,
  title: null,
  company: null,
  further_emails: [],
  further_linkedin_urls: [],
  last_entry_at: null,
  ...overrides,
});

const byMail = person({ id: 'mail', full_name: 'Mia Schmidt', email: 'mia@acme-robotics.example', last_entry_at: '2026-11-20T09:00:00Z' });
const byProfile = person({ id: 'profile', full_name: 'Mia Schmidt', linkedin_url: 'https://www.linkedin.com/in/mia-schmidt', title: 'CTO' });
const rob = person({ id: 'rob', full_name: 'Rob Stone', email: 'rob@acme-robotics.example' });

describe('the people known at an account', () => {
  it('lists name, email, LinkedIn and latest entry, and flags the likely duplicate', () => {
    render(<AccountPeople people={[byMail, byProfile, rob]} domains={['acme-robotics.example']} onMerge={() => {}} />);
    const list = within(screen.getByRole('region', { name: 'People' }));
    const items = list.getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]!.textContent).toContain('mia@acme-robotics.example');
    expect(items[0]!.textContent).toContain('Latest entry');
    expect(items[1]!.textContent).toContain('LinkedIn');
    expect(items[1]!.textContent).toContain('No entries yet');
    expect(items.filter((item) => item.textContent!.includes('Possibly the same person as Mia Schmidt'))).toHaveLength(2);
    expect(items[2]!.textContent).not.toContain('Possibly the same person');
  });

  it('shows both records side by side and what will move, and merges only on confirmation', () => {
    const onMerge = vi.fn();
    render(<AccountPeople people={[byMail, byProfile, rob]} domains={['acme-robotics.example']} onMerge={onMerge} />);
    fireEvent.click(screen.getAllByRole('button', { name: 'Merge Mia Schmidt into…' })[1]!);
    // The likely duplicate is offered first.
    const target = screen.getByRole('combobox', { name: /Merge Mia Schmidt into/ }) as HTMLSelectElement;
    expect(target.value).toBe('mail');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    const dialog = screen.getByRole('dialog', {
      name: 'Keep Mia Schmidt (mia@acme-robotics.example) and merge Mia Schmidt (LinkedIn) into it?',
    });
    expect(dialog.textContent).toContain('Any member can undo this merge for 30 days');
    expect(within(dialog).getByRole('region', { name: 'Merged person: Mia Schmidt' }).textContent).toContain(
      'https://www.linkedin.com/in/mia-schmidt',
    );
    expect(within(dialog).getByRole('region', { name: 'Kept: Mia Schmidt' }).textContent).toContain('mia@acme-robotics.example');
    const moves = within(within(dialog).getByRole('list', { name: 'What will move' })).getAllByRole('listitem');
    expect(moves.map((m) => m.textContent)).toEqual([
      'Every entry about Mia Schmidt, with its author and earlier versions',
      'The LinkedIn profile https://www.linkedin.com/in/mia-schmidt',
    ]);
    expect(onMerge).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(onMerge).toHaveBeenCalledWith('mail', 'profile');
  });

  it('cancels without merging, and shows the server’s refusal in the dialog', () => {
    const onMerge = vi.fn();
    const { rerender } = render(<AccountPeople people={[byMail, byProfile]} domains={[]} onMerge={onMerge} />);
    fireEvent.click(screen.getAllByRole('button', { name: 'Merge Mia Schmidt into…' })[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    rerender(<AccountPeople people={[byMail, byProfile]} domains={[]} onMerge={onMerge} error="No such contact in this organization." />);
    expect(within(screen.getByRole('dialog')).getByRole('alert').textContent).toBe('No such contact in this organization.');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onMerge).not.toHaveBeenCalled();
  });
});

describe('merging another account into this one', () => {
  const acme: AccountOverview = {
    account_id: 'acme',
    name: 'Acme Robotics',
    domains: ['acme-robotics.example'],
    last_activity_at: null,
    contact_count: 2,
    signals_90d: {},
  };
  const gmbh: AccountOverview = { ...acme, account_id: 'gmbh', name: 'Acme Robotics GmbH', domains: ['acme.de'], contact_count: 1 };

  it('finds the other account, shows both and what moves, then merges it into this one', () => {
    const onSearch = vi.fn();
    const onChoose = vi.fn();
    const onMerge = vi.fn();
    const props = { account: acme, onSearch, onChoose, onMerge };
    const { rerender } = render(<AccountMerge {...props} hits={[]} other={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Merge with another account…' }));
    fireEvent.input(screen.getByRole('searchbox', { name: /Merge into Acme Robotics/ }), { target: { value: 'acme' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    expect(onSearch).toHaveBeenCalledWith('acme');

    rerender(<AccountMerge {...props} hits={[{ account_id: 'acme', name: 'Acme Robotics', domains: [], last_activity_at: null }, { account_id: 'gmbh', name: 'Acme Robotics GmbH', domains: ['acme.de'], last_activity_at: null }]} other={null} />);
    const found = within(screen.getByRole('list', { name: 'Accounts found' })).getAllByRole('button');
    expect(found.map((b) => b.textContent)).toEqual(['Acme Robotics GmbH · acme.de']);
    fireEvent.click(found[0]!);
    expect(onChoose).toHaveBeenCalledWith('gmbh');

    rerender(<AccountMerge {...props} hits={[]} other={gmbh} />);
    const dialog = screen.getByRole('dialog', {
      name: 'Keep Acme Robotics (acme-robotics.example · 2 people) and merge Acme Robotics GmbH (acme.de · 1 person) into it?',
    });
    expect(within(dialog).getByRole('list', { name: 'What will move' }).textContent).toContain('The domain acme.de');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(onMerge).toHaveBeenCalledWith('acme', 'gmbh');
  });

  it('proposes keeping the larger account, and keeps the other one when the rep says so', () => {
    const onMerge = vi.fn();
    const big: AccountOverview = { ...acme, account_id: 'big', name: 'Acme Robotics', domains: ['acme-robotics.de'], contact_count: 9 };
    render(<AccountMerge account={acme} hits={[]} other={big} onSearch={() => {}} onChoose={() => {}} onMerge={onMerge} />);
    fireEvent.click(screen.getByRole('button', { name: 'Merge with another account…' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Keep Acme Robotics (acme-robotics.de · 9 people) and merge Acme Robotics (acme-robotics.example · 2 people) into it?',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep the other one instead' }));
    const swapped = screen.getByRole('dialog', {
      name: 'Keep Acme Robotics (acme-robotics.example · 2 people) and merge Acme Robotics (acme-robotics.de · 9 people) into it?',
    });
    fireEvent.click(within(swapped).getByRole('button', { name: 'Merge' }));
    expect(onMerge).toHaveBeenCalledWith('acme', 'big');
  });

  it('sizes both accounts by their entries once known, and keeps the one with more entries over the one with more people', () => {
    const onMerge = vi.fn();
    const de: AccountOverview = { ...acme, account_id: 'de', name: 'Acme Robotics', domains: ['acme-robotics.de'], contact_count: 9 };
    const sizes = [
      { account_id: 'acme', entries: 12, created_at: '2026-01-10T00:00:00Z' },
      { account_id: 'de', entries: 2, created_at: '2026-11-02T00:00:00Z' },
    ];
    render(<AccountMerge account={acme} hits={[]} other={de} sizes={sizes} onSearch={() => {}} onChoose={() => {}} onMerge={onMerge} />);
    fireEvent.click(screen.getByRole('button', { name: 'Merge with another account…' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Keep Acme Robotics (acme-robotics.example · 12 entries) and merge Acme Robotics (acme-robotics.de · 2 entries) into it?',
    });
    const kept = within(dialog).getByRole('region', { name: 'Kept: Acme Robotics' });
    expect(kept.textContent).toContain('Entries12');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(onMerge).toHaveBeenCalledWith('acme', 'de');
  });

  it('weighs people, not entries against people, while only one account is sized', () => {
    const de: AccountOverview = { ...acme, account_id: 'de', name: 'Acme Robotics', domains: ['acme-robotics.de'], contact_count: 9 };
    const sizes = [{ account_id: 'acme', entries: 12, created_at: '2026-01-10T00:00:00Z' }];
    render(<AccountMerge account={acme} hits={[]} other={de} sizes={sizes} onSearch={() => {}} onChoose={() => {}} onMerge={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Merge with another account…' }));
    expect(
      screen.getByRole('dialog', {
        name: 'Keep Acme Robotics (acme-robotics.de · 9 people) and merge Acme Robotics (acme-robotics.example · 2 people) into it?',
      }),
    ).toBeTruthy();
  });
});
