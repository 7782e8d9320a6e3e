// The account view leads with the timeline; people, signals, plan and merging fold below it.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AccountView } from '../../../../entrypoints/sidepanel/AccountView';
import type { SessionState } from '../../../../utils/messages';
import { send } from '../../../../utils/send';
import { ACCOUNT_ID, answerWith, entry, ME, ok } from '../../components/fake-send';

vi.mock('../../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '22222222-3333-4444-8555-666666666666';

function view() {
  const props = {
    session: { user: { id: ME } } as SessionState,
    orgId: ORG,
    userId: ME,
    accountId: ACCOUNT_ID,
    openAccount: () => {},
    focusEntryId: null,
    focusRoute: null,
    closeAccount: () => {},
  };
  return render(<AccountView {...props} />);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
  answerWith(send, {
    'account.overview': () =>
      ok({ account_id: ACCOUNT_ID, name: 'Acme Robotics', domains: [], last_activity_at: null, contact_count: 0, signals_90d: {} }),
    'account.timeline': () => ok({ entries: [entry({ title: 'Asked about pricing' })], next: null }),
  });
});
afterEach(cleanup);

describe('the account view', () => {
  it('shows the first timeline entry before any folded panel', async () => {
    view();
    const first = await screen.findByText('Asked about pricing');
    const folds = document.querySelectorAll('details');
    expect(folds.length).toBeGreaterThan(0);
    for (const fold of folds) {
      expect(first.compareDocumentPosition(fold) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
  });

  it('folds people and merging, signals and plan below the timeline, closed until opened', async () => {
    view();
    await screen.findByText('Asked about pricing');
    const folds = [...document.querySelectorAll('details')];
    expect(folds.map((fold) => fold.querySelector('summary')?.textContent)).toEqual(['People and merging', 'Signals', 'Plan']);
    expect(folds.every((fold) => !fold.open)).toBe(true);
  });

  it('keeps the 90-day signal bars out of the way: folded under Signals, below the timeline', async () => {
    answerWith(send, {
      'account.overview': () =>
        ok({ account_id: ACCOUNT_ID, name: 'Acme Robotics', domains: [], last_activity_at: null, contact_count: 0, signals_90d: { pricing: 4 } }),
      'account.timeline': () => ok({ entries: [entry({ title: 'Asked about pricing' })], next: null }),
    });
    view();
    const first = await screen.findByText('Asked about pricing');
    const bars = document.querySelector('figure.hc-bars')!;
    expect(bars.closest('details')?.querySelector('summary')?.textContent).toBe('Signals');
    expect(first.compareDocumentPosition(bars) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
