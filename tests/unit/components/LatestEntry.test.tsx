// "What the team knows" shows the newest of the team's entries under its one line, so a rep
// reads it before replying: three short lines that open to the whole entry.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TeamContext } from '../../../components/TeamContext';
import type { LookupResult } from '../../../utils/messages';

afterEach(cleanup);

const entry = (id: string, occurred_at: string, title: string, body: string): LookupResult['entries'][number] => ({
  id,
  kind: 'email',
  title,
  body,
  signals: ['pricing'],
  occurred_at,
  author_display_name: 'Ben',
  author_department: 'Support',
});

const result: LookupResult = {
  contacts: [],
  accounts: [{ id: 'a1', name: 'Acme Robotics' }],
  // Not in date order: the newest is chosen by when it was said, not by its place.
  entries: [
    entry('e1', '2026-11-18T10:00:00Z', 'Asked about the pilot', 'Pilot in Hamburg?'),
    entry('e2', '2026-11-20T09:41:00Z', 'Wants SSO before signing', '\n  We need SSO first.\nThen the CFO signs.\n<b>bold</b>'),
    entry('e3', '2026-11-19T16:02:00Z', 'Pricing tiers', 'Volume tier for 38 robots'),
  ],
  people: [],
  candidates: [],
};

function renderContext() {
  return render(
    <TeamContext
      state={{ status: 'ready', result, fetchedAt: 1, refreshing: false }}
      subject="acme-robotics.example"
      me={null}
      justFiled={[]}
      online
      unsent={0}
      now={Date.parse('2026-11-21T00:00:00Z')}
      onLookup={() => {}}
    />,
  );
}

describe('the newest entry under what the team knows', () => {
  it('shows the newest entry’s title, when, who and first line without opening anything', () => {
    renderContext();
    const latest = screen.getByRole('article', { name: 'Latest entry: Wants SSO before signing' });
    expect(latest.textContent).toContain('Ben (Support)');
    expect(latest.textContent).toContain('We need SSO first.');
    expect(latest.textContent).not.toContain('Then the CFO signs.');
    expect(screen.queryByText('Asked about the pilot')).toBeNull();
  });

  it('opens to the whole entry as text, signals included, and folds again', () => {
    const { container } = renderContext();
    const read = screen.getByRole('button', { name: 'Read it' });
    expect(read.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(read);
    const latest = screen.getByRole('article', { name: 'Latest entry: Wants SSO before signing' });
    expect(latest.textContent).toContain('Then the CFO signs.');
    expect(latest.textContent).toContain('<b>bold</b>');
    expect(latest.textContent).toContain('Pricing');
    expect(container.querySelector('b')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show less' }));
    expect(latest.textContent).not.toContain('Then the CFO signs.');
  });

  it('gives way to the full list under Details, so no entry shows twice', () => {
    renderContext();
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.queryByRole('article', { name: /^Latest entry/ })).toBeNull();
    expect(screen.getAllByText('Wants SSO before signing')).toHaveLength(1);
    expect(screen.getByText('Asked about the pilot')).toBeTruthy();
  });
});
