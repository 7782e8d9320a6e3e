import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ForYouPanel } from '../../../components/ForYouPanel';
import type { ForYou } from '../../../utils/messages';
import { ACCOUNT_ID } from './fake-send';

afterEach(cleanup);

const ENTRY = '00000000-0000-4000-8000-000000000001';
const FOLLOWED = '00000000-0000-4000-8000-000000000002';
const ROUTE = '00000000-0000-4000-8000-0000000000aa';

const data: ForYou = {
  routes: [
    {
      route_id: ROUTE,
      interaction_id: ENTRY,
      routed_by_display_name: 'Ana Ruiz',
      note: 'They want a refund — can Support call them?',
      routed_at: '2026-11-29T09:00:00+00:00',
      occurred_at: '2026-11-28T15:00:00+00:00',
      title: 'Refund for the March invoice',
      account_id: ACCOUNT_ID,
      account_name: 'Acme Robotics',
    },
  ],
  followed: [
    {
      id: FOLLOWED,
      account_id: ACCOUNT_ID,
      account_name: 'Acme Robotics',
      title: 'Asked for the security review',
      author_display_name: 'Cleo Park',
      occurred_at: '2026-11-29T08:00:00+00:00',
      created_at: '2026-11-29T08:05:00+00:00',
    },
  ],
  lastLooked: '2026-11-28T08:00:00+00:00',
  hasNew: true,
};

describe('For you', () => {
  it('shows each route with its sender and note, and new entries on followed accounts', () => {
    render(<ForYouPanel state={{ kind: 'ok', data }} onOpen={vi.fn()} onDismiss={vi.fn()} onClear={vi.fn()} onRetry={vi.fn()} />);
    const routes = screen.getByRole('region', { name: 'Brought to you' });
    const route = within(routes).getByRole('article', { name: 'Refund for the March invoice' });
    expect(route.textContent).toContain('Acme Robotics · from Ana Ruiz');
    expect(route.textContent).toContain('They want a refund — can Support call them?');
    const followed = screen.getByRole('region', { name: 'New on accounts you follow' });
    expect(within(followed).getByRole('article', { name: 'Asked for the security review' }).textContent).toContain('filed by Cleo Park');
    expect(screen.getByText(/Only this browser knows what you follow/)).toBeTruthy();
  });

  it('opens the account timeline at the entry', () => {
    const onOpen = vi.fn();
    render(<ForYouPanel state={{ kind: 'ok', data }} onOpen={onOpen} onDismiss={vi.fn()} onClear={vi.fn()} onRetry={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open “Refund for the March invoice”' }));
    expect(onOpen).toHaveBeenLastCalledWith(ACCOUNT_ID, ENTRY, { from: 'Ana Ruiz', note: 'They want a refund — can Support call them?' });
    fireEvent.click(screen.getByRole('button', { name: 'Open “Asked for the security review”' }));
    expect(onOpen).toHaveBeenLastCalledWith(ACCOUNT_ID, FOLLOWED);
  });

  it('dismisses a route, and shows why when it cannot', async () => {
    const onDismiss = vi.fn(async () => ({ ok: false as const, error: 'You are offline.' }));
    render(<ForYouPanel state={{ kind: 'ok', data }} onOpen={vi.fn()} onDismiss={onDismiss} onClear={vi.fn()} onRetry={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss “Refund for the March invoice”' }));
    expect(onDismiss).toHaveBeenCalledWith(ROUTE);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('You are offline.'));
  });

  it('says when nothing is waiting, while it loads, and on an error', () => {
    const onRetry = vi.fn();
    const { rerender } = render(
      <ForYouPanel state={{ kind: 'ok', data: { ...data, routes: [], followed: [] } }} onOpen={vi.fn()} onDismiss={vi.fn()} onClear={vi.fn()} onRetry={onRetry} />,
    );
    expect(screen.getByText(/^Nothing is waiting for you\./)).toBeTruthy();
    rerender(<ForYouPanel state={{ kind: 'loading' }} onOpen={vi.fn()} onDismiss={vi.fn()} onClear={vi.fn()} onRetry={onRetry} />);
    expect(screen.getByRole('status').textContent).toBe('Looking for what is waiting for you…');
    rerender(<ForYouPanel state={{ kind: 'error', message: 'Sign in again.' }} onOpen={vi.fn()} onDismiss={vi.fn()} onClear={vi.fn()} onRetry={onRetry} />);
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('shows each item with when the customer said it', () => {
    render(<ForYouPanel state={{ kind: 'ok', data }} onOpen={vi.fn()} onDismiss={vi.fn()} onClear={vi.fn()} onRetry={vi.fn()} />);
    const followed = screen.getByRole('article', { name: 'Asked for the security review' });
    expect(followed.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-29T08:00:00+00:00');
    const route = screen.getByRole('article', { name: 'Refund for the March invoice' });
    expect(route.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-28T15:00:00+00:00');
  });

  it('clears one entry of a followed account', () => {
    const onClear = vi.fn(async () => ({ ok: true as const }));
    render(<ForYouPanel state={{ kind: 'ok', data }} onOpen={vi.fn()} onDismiss={vi.fn()} onClear={onClear} onRetry={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear “Asked for the security review”' }));
    expect(onClear).toHaveBeenCalledWith([FOLLOWED]);
  });

  it('clears every entry of followed accounts at once', () => {
    const OTHER = '00000000-0000-4000-8000-000000000003';
    const two = { ...data, followed: [...data.followed, { ...data.followed[0]!, id: OTHER, title: 'Wants a pilot in Hamburg' }] };
    const onClear = vi.fn(async () => ({ ok: true as const }));
    render(<ForYouPanel state={{ kind: 'ok', data: two }} onOpen={vi.fn()} onDismiss={vi.fn()} onClear={onClear} onRetry={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear all from accounts you follow' }));
    expect(onClear).toHaveBeenCalledWith([FOLLOWED, OTHER]);
  });

  it('says why an entry could not be cleared', async () => {
    const onClear = vi.fn(async () => ({ ok: false as const, error: 'Highcard could not save that in this browser.' }));
    render(<ForYouPanel state={{ kind: 'ok', data }} onOpen={vi.fn()} onDismiss={vi.fn()} onClear={onClear} onRetry={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear “Asked for the security review”' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Highcard could not save that in this browser.');
  });
});
