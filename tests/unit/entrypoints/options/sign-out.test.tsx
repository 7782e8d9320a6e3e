// Signing out with filed items not yet sent asks first; nothing is lost either way.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../../entrypoints/options/App';
import type { OutboxItem, SessionState } from '../../../../utils/messages';
import { send } from '../../../../utils/send';
import { LOCAL_STACK } from '../../../../utils/storage';
import { answerWith, ME, ok } from '../../components/fake-send';

vi.mock('../../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '22222222-3333-4444-8555-666666666666';
const signedIn: SessionState = {
  connection: { url: LOCAL_STACK.url },
  user: { id: ME, email: 'ana@lumen.example' },
  organizations: [{ org_id: ORG, org_name: 'Lumen Logistics', role: 'member', department: null, display_name: 'ana' }],
  activeOrgId: ORG,
  settings: { autoLookup: true },
  unsent: 0,
};
const signedOut: SessionState = { ...signedIn, user: null, organizations: [], activeOrgId: null };

const item = (id: string, status: OutboxItem['status']) =>
  ({ id, capture: {}, status, attempts: 1, nextAttemptAt: null, error: null, createdAt: 0, updatedAt: 0, result: null }) as OutboxItem;

function openAccount(items: OutboxItem[]) {
  const mock = answerWith(send, {
    'session.get': () => ok(signedIn),
    'outbox.list': () => ok(items),
    'session.signOut': () => ok(signedOut),
  });
  history.replaceState(null, '', '#account');
  render(<App />);
  return mock;
}

const signOutCalls = (mock: ReturnType<typeof answerWith>) => mock.mock.calls.filter(([type]) => type === 'session.signOut').length;

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
});
afterEach(cleanup);

describe('signing out in Settings → Account', () => {
  it('warns first when a filed item has not reached the team, and Cancel keeps you signed in', async () => {
    const mock = openAccount([item('a', 'pending'), item('b', 'sent')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Sign out with items not yet sent?' });
    expect(dialog.textContent).toContain(
      '1 item you filed has not reached the team yet. Signing out keeps it in this browser until you sign in again.',
    );
    // True only for the same person: someone else signing in here does not send it.
    expect(dialog.textContent).toContain('It is sent only as yours: anyone else who signs in here sees only that it waits, and cannot send it.');
    // The safe choice has focus.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' })));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByText(/Signed in as/)).toBeTruthy();
    expect(signOutCalls(mock)).toBe(0);
  });

  it('signs out, keeping the items, once the warning is confirmed', async () => {
    const mock = openAccount([item('a', 'pending'), item('b', 'waiting_for_sign_in'), item('c', 'needs_attention')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('3 items you filed have not reached the team yet. Signing out keeps them in this browser');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(signOutCalls(mock)).toBe(1));
    expect(mock.mock.calls.some(([type]) => type === 'outbox.discard')).toBe(false);
  });

  it('signs out at once when everything filed has been sent', async () => {
    const mock = openAccount([item('a', 'sent')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(signOutCalls(mock)).toBe(1));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
