import { loadEntryRevisions } from '../../../utils/entry-revisions';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimelineItem } from '../../../components/TimelineItem';
import { send } from '../../../utils/send';
import { forgetThanks } from '../../../utils/thanks';
import { answerWith, COLLEAGUE, entry, ME, ok } from './fake-send';

vi.mock('../../../utils/send', () => ({ send: vi.fn() }));

beforeEach(() => vi.mocked(send).mockReset());
// An entry asks for its thank-yous a moment after it renders: none of that may spill into
// the next test, whose mock answers other messages.
afterEach(() => forgetThanks());
afterEach(cleanup);

const renderItem = (given: Omit<Parameters<typeof TimelineItem>[0], 'loadRevisions'>) => {
  const props = { loadRevisions: loadEntryRevisions, ...given };
  return render(
    <ol>
      <TimelineItem {...props} />
    </ol>,
  );
};

describe('a timeline entry', () => {
  it('clamps a long title to two lines until “Show all”, even when the text is short', () => {
    const title = `Mia asked whether the volume tier for 38 robots includes onboarding, spare parts and second-line support`;
    renderItem({ entry: entry({ title, body: 'Short.' }), currentUserId: ME });
    const heading = screen.getByRole('heading', { name: title });
    expect(heading.dataset.clamp).toBe('two-lines');
    const more = screen.getByRole('button', { name: 'Show all' });
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(heading.dataset.clamp).toBeUndefined();
    cleanup();
    renderItem({ entry: entry({ title: 'Asked about pricing', body: 'Short.' }), currentUserId: ME });
    expect(screen.queryByRole('button', { name: 'Show all' })).toBeNull();
  });

  it('shows who filed it, their department, the contact and its signals, as text', () => {
    renderItem({
      entry: entry({ title: '<b>Not bold</b>', signals: ['pricing', 'churn_risk'], kind: 'linkedin_message' }),
      currentUserId: ME,
    });
    const article = screen.getByRole('article', { name: '<b>Not bold</b>' });
    expect(article.textContent).toContain('Filed by Ana Ruiz (Sales)');
    expect(article.textContent).toContain('LinkedIn message · Mia Schmidt');
    expect(screen.getByRole('list', { name: 'Signals' }).textContent).toBe('PricingChurn risk');
    expect(article.querySelector('b')).toBeNull();
  });

  it('names a clip’s site to its author and says only "web page" to colleagues, who never see the address', () => {
    renderItem({
      entry: entry({ title: 'Ticket 4471', kind: 'clip', source_url: 'https://www.support.acme.example/t/4471' }),
      currentUserId: ME,
    });
    expect(screen.getByRole('article', { name: 'Ticket 4471' }).textContent).toContain('Clip from support.acme.example');
    cleanup();
    renderItem({ entry: entry({ title: 'Ticket 4471', kind: 'clip', source_url: null }), currentUserId: ME });
    expect(screen.getByRole('article', { name: 'Ticket 4471' }).textContent).toContain('Clip from a web page');
  });

  it('shows a long body as an excerpt that expands', () => {
    const body = `${'word '.repeat(80)}the end`;
    renderItem({ entry: entry({ body }), currentUserId: ME });
    expect(screen.queryByText(/the end$/)).toBeNull();
    const more = screen.getByRole('button', { name: 'Show all' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(screen.getByText(/the end$/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('marks an edited entry and opens its earlier versions', async () => {
    const mock = answerWith(send, {
      'entry.revisions': () =>
        ok([{ id: 'r1', title: 'The first title', body: 'First text', signals: ['objection'], edited_at: '2026-11-21T10:00:00+00:00' }]),
    });
    const edited = entry({ revision_count: 1 });
    renderItem({ entry: edited, currentUserId: ME });
    fireEvent.click(screen.getByRole('button', { name: 'Edited — see the earlier version' }));
    const versions = await screen.findByRole('list', { name: 'Earlier versions' });
    expect(versions.textContent).toContain('The first title');
    expect(versions.textContent).toContain('Objection');
    expect(mock).toHaveBeenCalledWith('entry.revisions', { id: edited.id });
  });

  it('has no edited marker when it was never edited', () => {
    renderItem({ entry: entry(), currentUserId: ME });
    expect(screen.queryByRole('button', { name: /Edited/ })).toBeNull();
  });

  it('links to the source for its author only, and only to an https address', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox/abc';
    const { unmount } = renderItem({ entry: entry({ author_id: ME, source_url: url }), currentUserId: ME });
    expect(screen.getByRole('link', { name: 'Open the source' }).getAttribute('href')).toBe(url);
    unmount();

    const other = renderItem({ entry: entry({ author_id: COLLEAGUE, source_url: url }), currentUserId: ME });
    expect(screen.queryByRole('link')).toBeNull();
    other.unmount();

    renderItem({ entry: entry({ author_id: ME, source_url: 'javascript:alert(1)' }), currentUserId: ME });
    expect(screen.queryByRole('link')).toBeNull();
  });
});
