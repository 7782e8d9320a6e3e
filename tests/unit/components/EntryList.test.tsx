import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntryList } from '../../../components/EntryList';
import type { LookupResult } from '../../../utils/messages';
import { send } from '../../../utils/send';
import { forgetThanks } from '../../../utils/thanks';
import { EntryThanksControl } from '../../../entrypoints/sidepanel/EntryControls';
import { answerWith, COLLEAGUE, ME, ok } from './fake-send';

vi.mock('../../../utils/send', () => ({ send: vi.fn() }));

beforeEach(() => {
  vi.mocked(send).mockReset();
  forgetThanks();
});
afterEach(cleanup);

const sidebarEntry = (id: string, authorId: string, title: string): LookupResult['entries'][number] => ({
  id,
  kind: 'email',
  title,
  body: 'What the customer said',
  signals: [],
  occurred_at: '2026-11-20T09:30:00+00:00',
  author_id: authorId,
  author_display_name: authorId === ME ? 'Me' : 'Ben',
  author_department: 'Sales',
});

describe('the sidebar’s entries', () => {
  it('offer "This helped me" on a colleague’s entry and never on my own', async () => {
    answerWith(send, { 'thanks.list': () => ok([]) });
    render(
      <EntryList
        entryActions={(entry) => <EntryThanksControl entry={entry} userId={ME} />}
        entries={[
          sidebarEntry('00000000-0000-4000-8000-0000000000e1', COLLEAGUE, 'Ben’s entry'),
          sidebarEntry('00000000-0000-4000-8000-0000000000e2', ME, 'My entry'),
        ]}
      />,
    );
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'This helped me' })).toHaveLength(1));
    const [colleagues, mine] = screen.getAllByRole('listitem');
    expect(colleagues!.textContent).toContain('Ben’s entry');
    expect(colleagues!.querySelector('button')?.textContent).toBe('This helped me');
    expect(mine!.querySelector('button')).toBeNull();
  });

  it('show no control without a signed-in reader', () => {
    render(
      <EntryList
        entryActions={(entry) => <EntryThanksControl entry={entry} userId={null} />}
        entries={[sidebarEntry('00000000-0000-4000-8000-0000000000e3', COLLEAGUE, 'Ben’s entry')]}
      />,
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });
});
