import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MembersList } from '../../../components/MembersList';
import type { Member, Membership } from '../../../utils/messages';
import { useMembers } from '../../../entrypoints/options/sections/use-members';
import { send } from '../../../utils/send';
import { answerWith, COLLEAGUE, fail, ME, ok } from './fake-send';

vi.mock('../../../utils/send', () => ({ send: vi.fn() }));

beforeEach(() => vi.mocked(send).mockReset());
afterEach(cleanup);

/** Settings wires the hook to the list the same way. */
function Members({ org, userId }: { org: Membership; userId: string }) {
  return <MembersList org={org} userId={userId} {...useMembers(org)} />;
}

const ORG = '22222222-3333-4444-8555-666666666666';
const org = (role: Membership['role']): Membership => ({
  org_id: ORG,
  org_name: 'Lumen Logistics',
  role,
  department: 'Sales',
  display_name: 'Ana Ruiz',
});
const members: Member[] = [
  { user_id: ME, role: 'admin', display_name: 'Ana Ruiz', department: 'Sales' },
  { user_id: COLLEAGUE, role: 'member', display_name: 'Ben Okafor', department: null },
];

describe('the people in an organization', () => {
  it('lists everyone with department and role, and nothing about what they filed', async () => {
    answerWith(send, { 'org.members': () => ok(members) });
    render(<Members org={org('member')} userId={COLLEAGUE} />);
    const table = await screen.findByRole('table');
    expect(screen.getAllByRole('row').map((row) => row.textContent)).toEqual([
      'NameDepartmentRole',
      'Ana RuizSalesAdmin',
      'Ben Okafor (you)—Member',
    ]);
    expect(table.textContent).not.toMatch(/entries|\d/);
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('lets an admin change a role', async () => {
    const mock = answerWith(send, {
      'org.members': () => ok(members),
      'org.setRole': ({ userId, role }) => ok(members.map((m) => (m.user_id === userId ? { ...m, role } : m))),
    });
    render(<Members org={org('admin')} userId={ME} />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Role of Ben Okafor' }), { target: { value: 'manager' } });
    const saved = await screen.findByText('Ben Okafor is now manager.');
    // Said next to the select it is about, in Ben's row.
    expect(saved.closest('tr')!.contains(screen.getByRole('combobox', { name: 'Role of Ben Okafor' }))).toBe(true);
    expect(mock).toHaveBeenCalledWith('org.setRole', { orgId: ORG, userId: COLLEAGUE, role: 'manager' });
    expect((screen.getByRole('combobox', { name: 'Role of Ben Okafor' }) as HTMLSelectElement).value).toBe('manager');
  });

  it('shows the server’s refusal and the role it kept', async () => {
    answerWith(send, {
      'org.members': () => ok(members),
      'org.setRole': () => fail('An organization needs at least one admin.'),
    });
    render(<Members org={org('admin')} userId={ME} />);
    const mine = await screen.findByRole('combobox', { name: 'Role of Ana Ruiz' });
    fireEvent.change(mine, { target: { value: 'member' } });
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toBe('An organization needs at least one admin.');
    expect(refusal.closest('tr')!.textContent).toContain('Ana Ruiz');
    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: 'Role of Ana Ruiz' }) as HTMLSelectElement).value).toBe('admin'),
    );
  });
});
