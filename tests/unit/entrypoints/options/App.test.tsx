import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../../entrypoints/options/App';
import type { SessionState } from '../../../../utils/background/handlers';
import { send } from '../../../../utils/send';
import { LOCAL_STACK } from '../../../../utils/storage';
import { answerWith, fail, ME, ok } from '../../components/fake-send';

vi.mock('../../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '22222222-3333-4444-8555-666666666666';
const signedIn: SessionState = {
  connection: { url: LOCAL_STACK.url },
  user: { id: ME, email: 'ana@lumen.example' },
  organizations: [{ org_id: ORG, org_name: 'Lumen Logistics', role: 'admin', department: null, display_name: 'ana' }],
  activeOrgId: ORG,
  settings: { autoLookup: true },
  unsent: 0,
};

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
});
afterEach(cleanup);

describe('the options page', () => {
  it('says whether the local stack, the default connection, answers', async () => {
    answerWith(send, {
      'session.get': () => ok({ ...signedIn, user: null, organizations: [], activeOrgId: null }),
      'connection.test': () => fail('Could not reach http://127.0.0.1:54321.'),
    });
    render(<App />);
    expect(
      await screen.findByText(
        'The local stack at http://127.0.0.1:54321 does not answer: start it with “npm run stack”, or enter your team’s Supabase URL.',
      ),
    ).toBeTruthy();
  });

  it('saves my display name and department for the active organization', async () => {
    const mock = answerWith(send, {
      'session.get': () => ok(signedIn),
      'connection.test': () => ok({ url: LOCAL_STACK.url }),
      'org.members': () => ok([{ user_id: ME, role: 'admin', display_name: 'ana', department: null }]),
      'mine.list': () => ok([]),
      'profile.update': ({ displayName, department }) =>
        ok({ ...signedIn, organizations: [{ ...signedIn.organizations[0]!, display_name: displayName, department }] }),
    });
    render(<App />);
    expect(await screen.findByText('The local stack answers at http://127.0.0.1:54321.')).toBeTruthy();
    fireEvent.input(await screen.findByLabelText('Display name'), { target: { value: 'Ana Ruiz' } });
    fireEvent.input(screen.getByLabelText('Department'), { target: { value: 'Sales' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect((await screen.findByRole('status')).textContent).toBe('Profile saved.');
    expect(mock).toHaveBeenCalledWith('profile.update', { orgId: ORG, displayName: 'Ana Ruiz', department: 'Sales' });
    // The people list is read again with the new name.
    await waitFor(() => expect(mock.mock.calls.filter(([type]) => type === 'org.members')).toHaveLength(2));
    expect(screen.getByRole('region', { name: 'What I have shared' })).toBeTruthy();
  });
});
