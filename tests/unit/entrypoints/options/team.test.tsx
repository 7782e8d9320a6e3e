// A team in a day, in Settings: joining with one pasted invitation, importing a CRM export,
// what a policy sets, and a page that follows sign-out without a reload.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../../entrypoints/options/App';
import { encodeInvitation } from '../../../../utils/invitation';
import type { SessionState } from '../../../../utils/messages';
import { send } from '../../../../utils/send';
import { LOCAL_STACK } from '../../../../utils/storage';
import { answerWith, ME, ok } from '../../components/fake-send';

vi.mock('../../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '22222222-3333-4444-8555-666666666666';
const TEAM_URL = 'https://abcdefghij.supabase.co';
const ANON = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"role":"anon"}').toString('base64url')}.c2ln`;
const signedOut: SessionState = {
  connection: { url: LOCAL_STACK.url },
  user: null,
  organizations: [],
  activeOrgId: null,
  settings: { autoLookup: true },
  unsent: 0,
};
const member = { org_id: ORG, org_name: 'Lumen Logistics', role: 'admin' as const, department: null, display_name: 'ana' };
const signedIn: SessionState = { ...signedOut, user: { id: ME, email: 'ana@lumen.example' }, organizations: [member], activeOrgId: ORG };

function openAt(hash: string) {
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname);
  render(<App />);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
});
afterEach(cleanup);

describe('joining with an invitation', () => {
  it('is where a new user starts, and connects, signs in and joins in one flow', async () => {
    const token = encodeInvitation({ url: TEAM_URL, anon_key: ANON, code: 'K7QM-PX42-9T', org_name: 'Lumen Logistics' });
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const connected: SessionState = { ...signedOut, connection: { url: TEAM_URL } };
    const mock = answerWith(send, {
      'session.get': () => ok(signedOut),
      'connection.set': () => ok(connected),
      'session.signInWithPassword': () => ok({ ...connected, user: signedIn.user }),
      'org.join': () => ok({ ...signedIn, connection: { url: TEAM_URL } }),
    });
    openAt('');
    expect(await screen.findByRole('heading', { level: 2, name: 'Join with an invitation' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Invitation or invite code'), { target: { value: `You are invited!\n\n${token}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));

    expect(await screen.findByText(/Sign in to join/)).toBeTruthy();
    expect(request).toHaveBeenCalledWith({ origins: [`${TEAM_URL}/*`] });
    expect(mock).toHaveBeenCalledWith('connection.set', { url: TEAM_URL, anonKey: ANON });
    // Still the same section: connecting did not move the user elsewhere.
    expect(screen.getByRole('heading', { level: 2, name: 'Join with an invitation' })).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'ben@lumen.example' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByText(/You joined/)).textContent).toBe('You joined Lumen Logistics.');
    expect(mock).toHaveBeenCalledWith('org.join', { code: 'K7QM-PX42-9T' });
  });

  it('refuses a service_role key in a sentence and changes nothing', async () => {
    const service = `${ANON.split('.')[0]}.${Buffer.from('{"role":"service_role"}').toString('base64url')}.c2ln`;
    const mock = answerWith(send, { 'session.get': () => ok(signedOut) });
    openAt('join');
    fireEvent.input(await screen.findByLabelText('Invitation or invite code'), {
      target: { value: encodeInvitation({ url: TEAM_URL, anon_key: service, code: 'K7QM-PX42-9T', org_name: 'X' }) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/service_role key: it would bypass row level security/);
    expect(mock.mock.calls.map(([type]) => type)).toEqual(['session.get']);
  });

  it('takes a bare code when already connected and signed in', async () => {
    const mock = answerWith(send, {
      'session.get': () => ok({ ...signedIn, organizations: [], activeOrgId: null }),
      'org.join': () => ok(signedIn),
    });
    openAt('join');
    fireEvent.input(await screen.findByLabelText('Invitation or invite code'), { target: { value: 'k7qm-px42-9t' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect((await screen.findByText(/You joined/)).textContent).toBe('You joined Lumen Logistics.');
    expect(mock).toHaveBeenCalledWith('org.join', { code: 'k7qm-px42-9t' });
  });
});

describe('Settings follows the session', () => {
  it('shows a sign-out made elsewhere without a reload', async () => {
    let state = signedIn;
    answerWith(send, { 'session.get': () => ok(state) });
    openAt('account');
    expect(await screen.findByText(/Signed in as/)).toBeTruthy();
    state = signedOut;
    await fakeBrowser.storage.local.remove('auth:session');
    await fakeBrowser.storage.local.set({ 'auth:session': null });
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('offers the code form first to someone who signed in with a code', async () => {
    answerWith(send, { 'session.get': () => ok({ ...signedOut, connection: { url: TEAM_URL }, signInMethod: 'code' }) });
    openAt('account');
    expect((await screen.findByRole('button', { name: 'Email code' })).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Send code' })).toBeTruthy();
  });

  it('shows a connection set by policy as set by the organization, with nothing to change', async () => {
    answerWith(send, {
      'session.get': () =>
        ok({ ...signedIn, connection: { url: TEAM_URL }, managed: { connection: true, allowedEmailDomains: null, lookupMode: true, problems: [] } }),
    });
    openAt('connection');
    expect(await screen.findByText('Set by your organization: it cannot be changed here.')).toBeTruthy();
    expect(screen.queryByLabelText('Supabase URL')).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: 'Privacy' }));
    expect((await screen.findByLabelText('Look up the people in view automatically')).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Set by your organization.')).toBeTruthy();
  });
});

describe('Settings → Import', () => {
  it('checks a HubSpot export first, then imports it with a progress bar and lists every skipped row', async () => {
    const csv = readFileSync(join(process.cwd(), 'tests/fixtures/import/hubspot-contacts.csv'), 'utf8');
    const sent: Array<{ dryRun: boolean; rows: unknown[] }> = [];
    answerWith(send, {
      'session.get': () => ok(signedIn),
      'import.records': ({ rows, dryRun }) => {
        sent.push({ dryRun, rows });
        return ok({ accounts_new: 3, accounts_matched: 1, contacts_new: 4, contacts_matched: 0, skipped: [{ row: 3, reason: 'full_name: is required for a contact' }] });
      },
    });
    openAt('import');
    const input = (await screen.findByLabelText('CSV file')) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([csv], 'hubspot-contacts.csv', { type: 'text/csv' })] } });
    expect(await screen.findByText(/Highcard recognised these columns/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));

    expect(await screen.findByRole('heading', { name: 'What the import will do' })).toBeTruthy();
    expect(sent).toEqual([{ dryRun: true, rows: expect.any(Array) }]);
    expect(sent[0]!.rows[0]).toEqual({
      account_name: 'Acme Robotics',
      domain: 'acme-robotics.example',
      full_name: 'Dana Whitfield',
      email: 'dana@acme-robotics.example',
      linkedin_url: 'https://www.linkedin.com/in/dana-whitfield/',
      title: 'COO',
    });
    expect(screen.getByRole('table', { name: 'The first rows as Highcard reads them' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Skipped rows' }).textContent).toBe('Line 5: full_name: is required for a contact');

    fireEvent.click(screen.getByRole('button', { name: 'Import 4 rows' }));
    expect(await screen.findByRole('heading', { name: 'Imported' })).toBeTruthy();
    expect(sent.map((call) => call.dryRun)).toEqual([true, false]);
    await waitFor(() => expect(screen.getByRole('list', { name: 'Skipped rows' }).textContent).toContain('Line 5'));
  });

  it('is for admins and managers only', async () => {
    answerWith(send, { 'session.get': () => ok({ ...signedIn, organizations: [{ ...member, role: 'member' }] }) });
    openAt('import');
    expect(await screen.findByText(/Admins and managers of Lumen Logistics import/)).toBeTruthy();
    expect(screen.queryByLabelText('CSV file')).toBeNull();
  });
});
