import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FiledState } from '../../../components/FiledState';
import { COLLEAGUE, ME } from './fake-send';

afterEach(cleanup);

const teamEntry = (authorId: string, name: string) => ({
  id: '3a0b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  kind: 'email' as const,
  title: 'Pricing question',
  signals: [],
  occurred_at: '2026-11-20T08:41:00+00:00',
  created_at: '2026-11-20T09:00:00+00:00',
  author_id: authorId,
  author_display_name: name,
});

describe('FiledState', () => {
  it('says "Filed by you" on the rep’s own earlier entry, which the outbox no longer holds', () => {
    render(<FiledState mine={undefined} team={teamEntry(ME, 'Ana Lima')} online now={Date.now()} me={ME} />);
    expect(screen.getByText(/^Filed by you on/)).toBeTruthy();
    expect(screen.queryByText(/Ana Lima/)).toBeNull();
  });

  it('names the colleague who filed it', () => {
    render(<FiledState mine={undefined} team={teamEntry(COLLEAGUE, 'Ben Okafor')} online now={Date.now()} me={ME} />);
    expect(screen.getByText(/^Filed by Ben Okafor on/)).toBeTruthy();
  });
});
