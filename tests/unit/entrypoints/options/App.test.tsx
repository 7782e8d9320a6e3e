import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../../entrypoints/options/App';
import type { SessionState } from '../../../../utils/messages';
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
const signedOut: SessionState = { ...signedIn, user: null, organizations: [], activeOrgId: null };

function openAt(hash: string) {
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname);
  render(<App />);
}

const nav = () => screen.getByRole('navigation', { name: 'Settings sections' });

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
});
afterEach(cleanup);

describe('the options page', () => {
  it('lists its sections with Connection last, and shows one at a time', async () => {
    answerWith(send, { 'session.get': () => ok(signedIn), 'mine.list': () => ok([]) });
    openAt('');
    expect(await screen.findByRole('heading', { level: 2, name: 'Account' })).toBeTruthy();
    const links = within(nav()).getAllByRole('link').map((link) => link.textContent);
    // Other parts add sections between; these keep their order, Account first, Connection last.
    const core = ['Account', 'Organization', 'People', 'What I have shared', 'Privacy', 'Connection'];
    expect(links.filter((title) => core.includes(title!))).toEqual(core);
    expect(links[0]).toBe('Account');
    expect(links.at(-1)).toBe('Connection');
    expect(within(nav()).getByRole('link', { name: 'Account' }).getAttribute('aria-current')).toBe('page');

    fireEvent.click(within(nav()).getByRole('link', { name: 'What I have shared' }));
    expect(await screen.findByRole('region', { name: 'What I have shared' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Account' })).toBeNull();
    expect(location.hash).toBe('#shared');
    expect(within(nav()).getByRole('link', { name: 'What I have shared' }).getAttribute('aria-current')).toBe('page');
    // Focus follows the choice, so keyboard users land on the section.
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'What I have shared' }));
  });

  it('opens at sign-in when another page asks for options.html#sign-in', async () => {
    answerWith(send, { 'session.get': () => ok(signedOut) });
    openAt('sign-in');
    expect(await screen.findByRole('heading', { level: 2, name: 'Account' })).toBeTruthy();
    expect(screen.getByLabelText('Email')).toBeTruthy();
    // The password form first, as DESIGN names it: "Email", "Password" and "Sign in".
    expect(screen.getByLabelText('Password')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Email code' }));
    expect(screen.getByRole('button', { name: 'Send code' })).toBeTruthy();
    // Connection comes last, but a rep given a server address finds it from here.
    expect(screen.getByText(/Signing in to the local development stack/)).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Connect to your team’s server' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Connection' })).toBeTruthy();
  });

  it('follows the address when it changes while open', async () => {
    answerWith(send, { 'session.get': () => ok(signedIn), 'connection.test': () => ok({ url: LOCAL_STACK.url }) });
    openAt('account');
    await screen.findByRole('heading', { level: 2, name: 'Account' });
    location.hash = '#connection';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Connection' })).toBeTruthy();
  });

  it('opens on Organization for a signed-in user who is in none yet', async () => {
    answerWith(send, { 'session.get': () => ok({ ...signedIn, organizations: [], activeOrgId: null }) });
    openAt('');
    expect(await screen.findByRole('heading', { level: 2, name: 'Organization' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Join organization' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create organization' })).toBeTruthy();
  });

  it('asks a signed-out user to sign in before the sections about their team', async () => {
    answerWith(send, { 'session.get': () => ok(signedOut) });
    openAt('people');
    expect(await screen.findByText(/Sign in first/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Go to sign-in' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('says whether the local stack, the default connection, answers', async () => {
    answerWith(send, {
      'session.get': () => ok(signedOut),
      'connection.test': () => fail('Could not reach http://127.0.0.1:54321.'),
    });
    openAt('connection');
    expect(
      await screen.findByText(
        'The local stack at http://127.0.0.1:54321 does not answer: start it with “npm run stack”, or enter your team’s Supabase URL.',
      ),
    ).toBeTruthy();
  });

  it('saves my display name and department, and says so next to the button', async () => {
    const mock = answerWith(send, {
      'session.get': () => ok(signedIn),
      'profile.update': ({ displayName, department }) =>
        ok({ ...signedIn, organizations: [{ ...signedIn.organizations[0]!, display_name: displayName, department }] }),
    });
    openAt('organization');
    fireEvent.input(await screen.findByLabelText('Display name'), { target: { value: 'Ana Ruiz' } });
    fireEvent.input(screen.getByLabelText('Department'), { target: { value: 'Sales' } });
    const save = screen.getByRole('button', { name: 'Save profile' });
    fireEvent.click(save);
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Profile saved.');
    // The note sits right after the form it is about, not at the top of the page.
    expect(save.closest('form')!.nextElementSibling!.contains(status)).toBe(true);
    expect(mock).toHaveBeenCalledWith('profile.update', { orgId: ORG, displayName: 'Ana Ruiz', department: 'Sales' });
  });

  it('shows only the latest action’s note', async () => {
    answerWith(send, {
      'session.get': () => ok(signedIn),
      'profile.update': () => ok(signedIn),
      'org.join': () => fail('This invite code is not valid.'),
    });
    openAt('organization');
    fireEvent.click(await screen.findByRole('button', { name: 'Save profile' }));
    expect((await screen.findByRole('status')).textContent).toBe('Profile saved.');
    fireEvent.input(screen.getByLabelText('Invite code'), { target: { value: 'K7QM-PX42-9T' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join organization' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This invite code is not valid.');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('spells role names one way, and admins invite from People', async () => {
    const mock = answerWith(send, {
      'session.get': () => ok(signedIn),
      'org.members': () => ok([{ user_id: ME, role: 'admin', display_name: 'ana', department: null }]),
      'invitation.create': () => ok({ code: 'K7QM-PX42-9T', token: 'hc1_abc', text: 'You are invited…\n\nhc1_abc' }),
    });
    openAt('organization');
    expect(await screen.findByRole('radio', { name: 'Lumen Logistics (Admin)' })).toBeTruthy();
    fireEvent.click(within(nav()).getByRole('link', { name: 'People' }));
    const role = await screen.findByLabelText('Role');
    expect(Array.from((role as HTMLSelectElement).options).map((o) => o.textContent)).toEqual(['Member', 'Manager', 'Admin']);
    expect((await screen.findByLabelText('Role of ana')) as HTMLSelectElement).toBeTruthy();
    fireEvent.change(role, { target: { value: 'manager' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create invitation' }));
    expect((await screen.findByLabelText('Invite code')).textContent).toBe('K7QM-PX42-9T');
    expect((screen.getByLabelText('Invitation to share') as HTMLTextAreaElement).value).toBe('You are invited…\n\nhc1_abc');
    expect(mock).toHaveBeenCalledWith('invitation.create', { orgId: ORG, role: 'manager' });
  });

  it('switches automatic lookup off and shows the session the background answers with', async () => {
    const mock = answerWith(send, {
      'session.get': () => ok(signedIn),
      'settings.set': ({ autoLookup }) => ok({ ...signedIn, settings: { autoLookup } }),
    });
    openAt('privacy');
    const box = (await screen.findByRole('checkbox', { name: 'Look up the people in view automatically' })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect((await screen.findByRole('status')).textContent).toBe('Lookups only when you ask.');
    expect(box.checked).toBe(false);
    expect(mock).toHaveBeenCalledWith('settings.set', { autoLookup: false });
    expect(mock.mock.calls.filter(([type]) => type === 'session.get')).toHaveLength(1);
  });

  it('shows the background’s error with a way to try again', async () => {
    let calls = 0;
    answerWith(send, {
      'session.get': () => (++calls === 1 ? fail('Highcard was updated or restarted.') : ok(signedOut)),
    });
    openAt('');
    expect((await screen.findByRole('alert')).textContent).toContain('Highcard was updated or restarted.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    // Signed out and not connected to a team yet: Settings starts at joining one.
    expect(await screen.findByRole('button', { name: 'Join' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
