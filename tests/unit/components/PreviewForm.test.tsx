import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PreviewForm } from '../../../components/PreviewForm';
import type { AccountHit, LookupResult } from '../../../utils/messages';
import { newDraft, type Draft, type DraftSeed } from '../../../utils/preview';

const ORG = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const profileSeed: DraftSeed = {
  kind: 'linkedin_profile',
  sourceRef: 'https://www.linkedin.com/in/lena-brandt|Acme Robotics|Head of Operations',
  sourceUrl: 'https://www.linkedin.com/in/lena-brandt',
  occurredAt: '2026-11-20T09:41:00+01:00',
  title: 'Lena Brandt — LinkedIn profile',
  body: 'Head of Operations at Acme Robotics',
  contacts: [
    { full_name: 'Lena Brandt', linkedin_url: 'https://www.linkedin.com/in/lena-brandt', title: 'Head of Operations', company: 'Acme Robotics' },
  ],
  contactIndex: 0,
};

function Harness({
  seed,
  lookup = null,
  similar,
  onSubmit,
}: {
  seed: DraftSeed;
  lookup?: LookupResult | null;
  similar?: AccountHit[];
  onSubmit: (d: Draft) => void;
}) {
  const [draft, setDraft] = useState(() => newDraft('id-1', ORG, seed, lookup));
  return (
    <PreviewForm draft={draft} lookup={lookup} similar={similar} busy={false} error={null} onChange={setDraft} onSubmit={onSubmit} onCancel={() => {}} />
  );
}

afterEach(cleanup);

describe('the preview', () => {
  it('shows everything that will be sent: the source link for the rep only, and what updates the contact', () => {
    render(<Harness seed={profileSeed} onSubmit={() => {}} />);
    expect(screen.getByText('https://www.linkedin.com/in/lena-brandt')).toBeTruthy();
    expect(screen.getByText('Only you see this link.')).toBeTruthy();
    expect(screen.getByText('Title: Head of Operations · Company: Acme Robotics')).toBeTruthy();
  });

  it('names an account the team has as on record, not as new', () => {
    const lookup: LookupResult = { contacts: [], accounts: [{ id: 'a1', name: 'Acme Robotics' }], entries: [], people: [], candidates: [] };
    render(<Harness seed={profileSeed} lookup={lookup} onSubmit={() => {}} />);
    const account = screen.getByRole('combobox', { name: 'Account' }) as HTMLSelectElement;
    expect(account.selectedOptions[0]!.textContent).toBe('Acme Robotics (on record)');
  });

  it("offers the team's account of the same name beside New account, and files on it by id once chosen", () => {
    const onSubmit = vi.fn();
    const mailSeed: DraftSeed = {
      ...profileSeed,
      kind: 'email',
      contacts: [{ full_name: 'Jonas Weber', email: 'jonas@acme-robotics.de', company: 'Acme Robotics' }],
    };
    const similar = [{ account_id: 'a1', name: 'Acme Robotics', domains: ['acme-robotics.example'], last_activity_at: null }];
    render(<Harness seed={mailSeed} similar={similar} onSubmit={onSubmit} />);
    const account = screen.getByRole('combobox', { name: 'Account' }) as HTMLSelectElement;
    expect([...account.options].map((o) => o.textContent)).toEqual([
      'New account: Acme Robotics (acme-robotics.de)',
      'Acme Robotics (acme-robotics.example)',
    ]);
    expect(account.selectedOptions[0]!.textContent).toBe('New account: Acme Robotics (acme-robotics.de)');
    fireEvent.change(account, { target: { value: account.options[1]!.value } });
    fireEvent.click(screen.getByRole('button', { name: 'File to customer record' }));
    expect(onSubmit.mock.calls[0]![0].account).toMatchObject({ mode: 'existing', id: 'a1' });
  });

  it('counts each field against its limit, says what is over, and refuses to file until it fits', () => {
    const onSubmit = vi.fn();
    render(<Harness seed={profileSeed} onSubmit={onSubmit} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Title' }), { target: { value: 'x'.repeat(305) } });
    expect(screen.getByText('305 / 300 characters — The title is 5 characters too long.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'File to customer record' }));
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.input(screen.getByRole('textbox', { name: 'Title' }), { target: { value: 'x'.repeat(300) } });
    fireEvent.click(screen.getByRole('button', { name: 'File to customer record' }));
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('counts the note with the text it is filed under', () => {
    render(<Harness seed={{ ...profileSeed, body: 'y'.repeat(19_990) }} onSubmit={() => {}} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Your note (optional)' }), { target: { value: 'call back' } });
    expect(screen.getByText(/The text \(with your note\) is \d+ characters too long\./, { selector: 'p' })).toBeTruthy();
  });

  it('refuses a text of only spaces', () => {
    const onSubmit = vi.fn();
    render(<Harness seed={profileSeed} onSubmit={onSubmit} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'What the customer said' }), { target: { value: '   \n  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'File to customer record' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText(/The text is only spaces/).length).toBeGreaterThan(0);
  });
});

describe('the preview before the rep has typed', () => {
  it('starts in the text and says nothing is wrong, then says so after typing or trying to file', () => {
    const onSubmit = vi.fn();
    render(<Harness seed={{ ...profileSeed, body: '' }} onSubmit={onSubmit} />);
    const text = screen.getByRole('textbox', { name: 'What the customer said' });
    expect(document.activeElement).toBe(text);
    expect(screen.queryByText(/is empty/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'File to customer record' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText(/The text is empty/).length).toBeGreaterThan(0);
  });

  it('tells a note, in the rep’s own words, from what a customer said', () => {
    render(<Harness seed={{ ...profileSeed, kind: 'note', body: '' }} onSubmit={() => {}} />);
    expect(screen.getByRole('textbox', { name: 'What they told you, in your words' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'What the customer said' })).toBeNull();
  });
});
