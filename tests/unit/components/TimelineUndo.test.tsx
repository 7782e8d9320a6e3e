import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountTimeline as Timeline } from '../../../entrypoints/sidepanel/AccountTimeline';
import type { AccountContact, MergeLine } from '../../../utils/messages';
import { send } from '../../../utils/send';
import { forgetThanks } from '../../../utils/thanks';
import { ACCOUNT_ID, answerWith, entry, fail, ME, ok } from './fake-send';

vi.mock('../../../utils/send', () => ({ send: vi.fn() }));

beforeEach(() => vi.mocked(send).mockReset());
afterEach(() => forgetThanks());
afterEach(cleanup);

const KEPT = 'c0000000-0000-4000-8000-000000000001';
const MERGE_ID = 'd0000000-0000-4000-8000-000000000001';

const line = (overrides: Partial<MergeLine> = {}): MergeLine => ({
  id: MERGE_ID,
  kind: 'contact',
  keep_id: KEPT,
  merged_id: 'c0000000-0000-4000-8000-000000000002',
  merged_name: 'Mia Schmidt',
  merged_email: null,
  merged_linkedin_url: 'https://www.linkedin.com/in/mia-schmidt',
  kept_name: 'Mia Schmidt',
  merged_by_display_name: 'Ana',
  merged_at: new Date(Date.now() - 60_000).toISOString(),
  undone_at: null,
  undone_by_display_name: null,
  undo_until: new Date(Date.now() + 29 * 86_400_000).toISOString(),
  ...overrides,
});

const keptPerson: AccountContact = {
  id: KEPT,
  full_name: 'Mia Schmidt',
  email: 'm.schmidt@acme.example',
  linkedin_url: null,
  title: null,
  company: null,
  further_emails: [],
  further_linkedin_urls: [],
  last_entry_at: null,
};

describe("the timeline's merge lines", () => {
  it('name what tells the two apart, offer Undo while it is possible, and reload after undoing', async () => {
    let history = [line()];
    const undone: string[] = [];
    const onChanged = vi.fn();
    answerWith(send, {
      'account.timeline': () => ok({ entries: [entry({ occurred_at: '2020-01-01T00:00:00Z' })], next: null }),
      'merge.history': () => ok(history),
      'merge.accountContacts': () => ok([keptPerson]),
      'merge.undo': ({ mergeId }) => {
        undone.push(mergeId);
        history = [line({ undone_at: new Date().toISOString(), undone_by_display_name: 'Ana', undo_until: null })];
        return ok({ restoredId: 'c0000000-0000-4000-8000-000000000002' });
      },
    });
    render(<Timeline accountId={ACCOUNT_ID} currentUserId={ME} onChanged={onChanged} />);
    const note = await screen.findByText(/Ana merged Mia Schmidt \(LinkedIn\) into Mia Schmidt \(m\.schmidt@acme\.example\)/);
    const item = note.closest('li')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Undo' }));
    await screen.findByText(/Ana undid the merge of Mia Schmidt \(LinkedIn\)/);
    expect(undone).toEqual([MERGE_ID]);
    expect(onChanged).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('offer no Undo once the 30 days are over, and say why an undo was refused', async () => {
    answerWith(send, {
      'account.timeline': () => ok({ entries: [entry({ occurred_at: '2020-01-01T00:00:00Z' })], next: null }),
      'merge.history': () => ok([line(), line({ id: 'd0000000-0000-4000-8000-000000000002', undo_until: null, merged_at: '2026-01-01T00:00:00Z' })]),
      'merge.accountContacts': () => ok([keptPerson]),
      'merge.undo': () => fail('This merge can no longer be undone: Mia Schmidt has been merged again since.'),
    });
    render(<Timeline accountId={ACCOUNT_ID} currentUserId={ME} />);
    await screen.findAllByText(/Ana merged Mia Schmidt/);
    const buttons = screen.getAllByRole('button', { name: 'Undo' });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('merged again since'));
  });
});
