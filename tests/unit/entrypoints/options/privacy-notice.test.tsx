// Switching automatic lookup showed "Lookups are automatic." and a second run
// cleared it a moment later. The setting's answer is the new session now, so nothing runs
// after it; this keeps the notice on screen once everything has settled.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../../entrypoints/options/App';
import type { SessionState } from '../../../../utils/messages';
import { send } from '../../../../utils/send';
import { LOCAL_STACK } from '../../../../utils/storage';
import { answerWith, ME, ok } from '../../components/fake-send';

vi.mock('../../../../utils/send', () => ({ send: vi.fn() }));

const ORG = '22222222-3333-4444-8555-666666666666';
const session = (autoLookup: boolean): SessionState => ({
  connection: { url: LOCAL_STACK.url },
  user: { id: ME, email: 'ana@lumen.example' },
  organizations: [{ org_id: ORG, org_name: 'Lumen Logistics', role: 'admin', department: null, display_name: 'ana' }],
  activeOrgId: ORG,
  settings: { autoLookup },
  unsent: 0,
});

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
});
afterEach(cleanup);

/** Lets every pending answer and re-render happen. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the Privacy setting’s notice', () => {
  it('stays on screen after switching lookups back on, once everything has settled', async () => {
    let current = session(false);
    answerWith(send, {
      'session.get': () => ok(current),
      'settings.set': ({ autoLookup }) => ok((current = session(autoLookup))),
    });
    history.replaceState(null, '', '#privacy');
    render(<App />);
    const box = (await screen.findByRole('checkbox', { name: 'Look up the people in view automatically' })) as HTMLInputElement;
    expect(box.checked).toBe(false);

    fireEvent.click(box);
    expect((await screen.findByRole('status')).textContent).toBe('Lookups are automatic.');
    await settle();
    expect(screen.getByRole('status').textContent).toBe('Lookups are automatic.');
    expect(box.checked).toBe(true);
  });
});
