import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipForm, type ContactsLoad } from '../../../components/ClipForm';
import type { ClipDraft, ClipHandoff } from '../../../utils/clip';

afterEach(cleanup);

const HANDOFF: ClipHandoff = {
  kind: 'clip',
  text: 'We need SSO <img src=x onerror="window.__clip=1"> before we roll out.',
  title: 'Ticket 4471 — SSO',
  site: 'support.acme.example',
  sourceUrl: 'https://support.acme.example/t/4471',
  sourceRef: 'a'.repeat(64),
  truncated: false,
  selectedAt: '2026-11-20T09:41:00+01:00',
};

const DRAFT: ClipDraft = {
  id: '00000000-0000-4000-8000-000000000001',
  orgId: '00000000-0000-4000-8000-000000000002',
  title: HANDOFF.title,
  text: HANDOFF.text,
  account: null,
  customer: null,
  signals: [],
};

function Harness(props: { initial?: Partial<ClipDraft>; contacts?: ContactsLoad; onSubmit?: (draft: ClipDraft) => void; handoff?: ClipHandoff }) {
  const [draft, setDraft] = useState<ClipDraft>({ ...DRAFT, ...props.initial });
  return (
    <ClipForm
      handoff={props.handoff ?? HANDOFF}
      draft={draft}
      contacts={props.contacts ?? { kind: 'idle' }}
      accountSearch={
        <button type="button" onClick={() => setDraft((d) => ({ ...d, account: { mode: 'existing', id: 'acc-1', name: 'Acme Robotics' } }))}>
          Pick Acme
        </button>
      }
      busy={false}
      error={null}
      onChange={setDraft}
      onSubmit={() => props.onSubmit?.(draft)}
      onCancel={() => {}}
    />
  );
}

describe('the clip form', () => {
  it('shows the selection and the title as editable plain text, and the address as the author’s source link', () => {
    render(<Harness />);
    const text = screen.getByRole('textbox', { name: 'Selected text' }) as HTMLTextAreaElement;
    expect(text.value).toBe(HANDOFF.text);
    expect(document.querySelector('img')).toBeNull();
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Ticket 4471 — SSO');
    expect(screen.getByText(/seen only by you/).textContent).toContain('https://support.acme.example/t/4471');
  });

  it('refuses to file until the account and the customer are chosen', () => {
    const submit = vi.fn();
    render(<Harness onSubmit={submit} />);
    const file = screen.getByRole('button', { name: 'File to customer record' }) as HTMLButtonElement;
    expect(file.disabled).toBe(true);
    expect(screen.getByText('Choose the account, or name a new one.')).toBeTruthy();
    expect(screen.getByText('Choose the customer, or add someone new.')).toBeTruthy();
  });

  it('files on a known contact of the chosen account', () => {
    const submit = vi.fn();
    const contacts: ContactsLoad = {
      kind: 'ok',
      contacts: [
        { id: 'c-1', full_name: 'Mia Schmidt', email: 'mia@acme-robotics.example', linkedin_url: null },
        { id: 'c-2', full_name: 'Jonas Weber', email: null, linkedin_url: 'https://www.linkedin.com/in/jonas-weber' },
      ],
    };
    render(<Harness contacts={contacts} onSubmit={submit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pick Acme' }));
    expect(screen.getByText('Acme Robotics')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /Jonas Weber/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Pricing' }));
    const file = screen.getByRole('button', { name: 'File to customer record' }) as HTMLButtonElement;
    expect(file.disabled).toBe(false);
    fireEvent.click(file);
    expect(submit).toHaveBeenCalledOnce();
    expect(submit.mock.calls[0]![0]).toMatchObject({
      account: { mode: 'existing', id: 'acc-1' },
      customer: { mode: 'known', contact: { id: 'c-2' } },
      signals: ['pricing'],
    });
  });

  it('adds someone new and a new account named by the rep, taking the domain from their email', () => {
    const submit = vi.fn();
    render(<Harness onSubmit={submit} />);
    fireEvent.click(screen.getByRole('button', { name: 'New account' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'New account name' }), { target: { value: 'Acme Robotics' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Someone new' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Mia Schmidt' } });
    const address = screen.getByRole('textbox', { name: 'Email or LinkedIn URL' });
    fireEvent.input(address, { target: { value: 'not an address' } });
    expect(screen.getByText(/Give their email or LinkedIn profile URL/)).toBeTruthy();
    fireEvent.input(address, { target: { value: 'Mia@Acme-Robotics.example' } });
    expect((screen.getByRole('textbox', { name: 'Domain (optional)' }) as HTMLInputElement).value).toBe('acme-robotics.example');
    fireEvent.click(screen.getByRole('button', { name: 'File to customer record' }));
    expect(submit.mock.calls[0]![0]).toMatchObject({
      account: { mode: 'new', name: 'Acme Robotics', domain: 'acme-robotics.example' },
      customer: { mode: 'new', name: 'Mia Schmidt', address: 'Mia@Acme-Robotics.example' },
    });
  });

  it('says when a long selection was cut', () => {
    render(<Harness handoff={{ ...HANDOFF, truncated: true }} />);
    expect(screen.getByText(/only its beginning is shown and filed/)).toBeTruthy();
  });

  it('refuses an empty title and says so', () => {
    render(<Harness initial={{ title: '   ' }} />);
    expect(screen.getByText('Give it a title.')).toBeTruthy();
  });
});
