import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutboxPanel } from '../../../components/OutboxPanel';
import type { OutboxItem } from '../../../utils/messages';
import { useOutboxPanel } from '../../../utils/panel/use-outbox-panel';
import { send } from '../../../utils/send';
import { answerWith, ok } from './fake-send';

vi.mock('../../../utils/send', () => ({ send: vi.fn() }));

beforeEach(() => vi.mocked(send).mockReset());
afterEach(cleanup);

/** The panel wires the hook to the component the same way. */
function Outbox() {
  return <OutboxPanel {...useOutboxPanel()} />;
}

function item(id: string, status: OutboxItem['status'], title: string, error: string | null = null): OutboxItem {
  return {
    id,
    status,
    error,
    attempts: 1,
    nextAttemptAt: null,
    createdAt: Date.UTC(2026, 10, 20, 9),
    updatedAt: Date.UTC(2026, 10, 20, 9),
    result: null,
    capture: {
      id,
      org_id: '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e',
      kind: 'email',
      source_ref: `msg-${id}`,
      occurred_at: '2026-11-20T09:41:00+01:00',
      title,
      body: 'Too expensive.',
      signals: ['pricing'],
      contact: { full_name: 'Mia', email: 'mia@acme-robotics.example' },
    },
  };
}

const REFUSED = '6f1c2b1e-3a4d-4c5e-8f90-1a2b3c4d5e61';
const WAITING = '6f1c2b1e-3a4d-4c5e-8f90-1a2b3c4d5e62';
const SENT = '6f1c2b1e-3a4d-4c5e-8f90-1a2b3c4d5e63';

describe('the outbox in the popup', () => {
  it('lists what is not yet sent, with why, and leaves out what was filed', async () => {
    answerWith(send, {
      'outbox.list': () =>
        ok([
          item(REFUSED, 'needs_attention', 'Refused one', 'org_id: you are not a member of this organization'),
          item(WAITING, 'waiting_for_sign_in', 'Waiting one'),
          item(SENT, 'sent', 'Sent one'),
        ]),
    });
    render(<Outbox />);
    const refused = await screen.findByRole('article', { name: 'Refused one' });
    expect(refused.textContent).toContain('Needs your attention');
    expect(refused.textContent).toContain('org_id: you are not a member of this organization');
    expect(within(refused).getByRole('button', { name: 'Edit' })).toBeTruthy();
    const waiting = screen.getByRole('article', { name: 'Waiting one' });
    expect(waiting.textContent).toContain('Waiting for you to sign in');
    expect(within(waiting).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('article', { name: 'Sent one' })).toBeNull();
  });

  it('shows nothing when everything was sent', async () => {
    const mock = answerWith(send, { 'outbox.list': () => ok([item(SENT, 'sent', 'Sent one')]) });
    const { container } = render(<Outbox />);
    await waitFor(() => expect(mock).toHaveBeenCalled());
    await waitFor(() => expect(container.textContent).toBe(''));
  });

  it('sends a corrected item with the same id', async () => {
    const refused = item(REFUSED, 'needs_attention', 'Refused one', 'title: is required');
    const mock = answerWith(send, {
      'outbox.list': () => ok([refused]),
      'outbox.update': ({ capture }) => ok({ ...refused, status: 'pending', capture: capture as OutboxItem['capture'] }),
    });
    render(<Outbox />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Corrected title' } });
    fireEvent.click(screen.getByRole('button', { name: 'Objection' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save and send' }));
    await waitFor(() => expect(mock).toHaveBeenCalledWith('outbox.update', expect.anything()));
    const [, payload] = mock.mock.calls.find(([type]) => type === 'outbox.update')!;
    expect(payload).toEqual({
      id: REFUSED,
      capture: { ...refused.capture, title: 'Corrected title', signals: ['pricing', 'objection'] },
    });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save and send' })).toBeNull());
  });

  it('shows the reason when the correction is refused again, and keeps the form', async () => {
    const refused = item(REFUSED, 'needs_attention', 'Refused one');
    answerWith(send, {
      'outbox.list': () => ok([refused]),
      'outbox.update': () => ({ ok: false, error: 'contact.email: must be an email address', kind: 'refused' }),
    });
    render(<Outbox />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save and send' }));
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('contact.email: must be an email address'),
    );
    expect(screen.getByRole('button', { name: 'Save and send' })).toBeTruthy();
  });

  it('retries an item now', async () => {
    const mock = answerWith(send, {
      'outbox.list': () => ok([item(WAITING, 'pending', 'Pending one')]),
      'outbox.retry': () => ok(item(WAITING, 'pending', 'Pending one')),
    });
    render(<Outbox />);
    fireEvent.click(await screen.findByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(mock).toHaveBeenCalledWith('outbox.retry', { id: WAITING }));
  });

  it('discards only after confirmation, and Cancel keeps the item', async () => {
    let items = [item(REFUSED, 'needs_attention', 'Refused one')];
    const mock = answerWith(send, {
      'outbox.list': () => ok(items),
      'outbox.discard': () => {
        items = [];
        return ok(items);
      },
    });
    render(<Outbox />);
    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Discard this item?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(mock).not.toHaveBeenCalledWith('outbox.discard', expect.anything());

    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(mock).toHaveBeenCalledWith('outbox.discard', { id: REFUSED }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Refused one' })).toBeNull());
  });
});

describe('a failure behind the user’s back', () => {
  it('is shown beside what waits, in words', async () => {
    answerWith(send, {
      'outbox.list': () => ok([item(WAITING, 'pending', 'Waiting one')]),
      'outbox.problem': () => ok({ message: 'Highcard could not set the next attempt (alarms are not available).', at: 1 }),
    });
    render(<Outbox />);
    const note = await screen.findByText(/could not set the next attempt/);
    expect(note.textContent).toContain('Nothing is lost');
  });
});

describe('a promise refused after its message was filed', () => {
  it('keeps the promise’s words and the server’s beside the filed message until the rep dismisses them', async () => {
    const filed: OutboxItem = {
      ...item(SENT, 'sent', 'Re: sample export'),
      promise: {
        item: { id: WAITING, accountId: REFUSED, kind: 'step', side: 'theirs', body: 'Jonas sends the export on Monday', take: false },
        state: 'refused',
        error: 'contact_id: not a contact of this account',
      },
    };
    const mock = answerWith(send, { 'outbox.list': () => ok([filed]), 'outbox.discard': () => ok([]) });
    render(<Outbox />);
    const kept = await screen.findByRole('article', { name: 'Jonas sends the export on Monday' });
    expect(kept.textContent).toContain('The message “Re: sample export” is filed; the promise read from it was not added to the plan.');
    expect(kept.textContent).toContain('contact_id: not a contact of this account');
    expect(screen.queryByRole('heading', { name: 'Not yet sent' })).toBeNull();
    fireEvent.click(within(kept).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(mock).toHaveBeenCalledWith('outbox.discard', { id: SENT }));
  });
});

describe('another person’s items in this browser', () => {
  it('are one line of how many and whose, beside the reader’s own, with nothing to send them by', async () => {
    answerWith(send, {
      'outbox.list': () => ok([item(WAITING, 'pending', 'My own one')]),
      'outbox.problem': () => ok(null),
      'outbox.others': () => ok([{ email: 'ana@acme.example', count: 2 }]),
    });
    render(<Outbox />);
    expect(await screen.findByText('2 items filed by ana@acme.example wait for them to sign in here.')).toBeTruthy();
    expect(screen.getAllByRole('article').map((article) => article.getAttribute('aria-label'))).toEqual(['My own one']);
    expect(screen.getAllByRole('button', { name: 'Retry now' })).toHaveLength(1);
  });

  it('keep the section open when the reader has nothing of their own waiting', async () => {
    answerWith(send, {
      'outbox.list': () => ok([]),
      'outbox.problem': () => ok(null),
      'outbox.others': () => ok([{ email: null, count: 1 }]),
    });
    render(<Outbox />);
    expect(await screen.findByRole('heading', { name: 'Not yet sent' })).toBeTruthy();
    expect(screen.getByText(/1 item filed before Highcard recorded who filed it waits in this browser/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('items filed before Highcard recorded who filed them', () => {
  function answering(count: () => number, decided: string[], mine: () => OutboxItem[] = () => [], taken = 2) {
    answerWith(send, {
      'outbox.list': () => ok(mine()),
      'outbox.problem': () => ok(null),
      'outbox.others': () => ok([]),
      'outbox.unowned': () => ok({ count: count() }),
      'outbox.decideUnowned': ({ choice }) => {
        decided.push(choice);
        return ok({ count: taken });
      },
    });
  }

  it('ask the reader, by count only, to send them as theirs; once answered the question is gone', async () => {
    const decided: string[] = [];
    let waiting = 2;
    answering(() => waiting, decided, () => (waiting ? [] : [item('old-1', 'pending', 'Old one')]));
    render(<Outbox />);
    const question = await screen.findByRole('group', { name: /2 items filed in this browser before an update have no sender recorded/ });
    expect(question.textContent).toContain('Send them as yours only if you filed them');
    expect(question.textContent).not.toContain('Too expensive.');
    // Nothing is decided by opening the panel.
    expect(decided).toEqual([]);
    waiting = 0;
    fireEvent.click(within(question).getByRole('button', { name: 'Send as me' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: /no sender recorded/ })).toBeNull());
    expect(decided).toEqual(['send']);
    expect(await screen.findByRole('article', { name: 'Old one' })).toBeTruthy();
  });

  it('say they stay unsent until answered, and put the keyboard back on Discard when its confirmation is cancelled', async () => {
    answering(() => 1, []);
    render(<Outbox />);
    const question = await screen.findByRole('group', { name: /1 item filed in this browser before an update has no sender recorded/ });
    expect(question.textContent).toContain('Until you choose, it stays here and is not sent.');
    fireEvent.click(within(question).getByRole('button', { name: 'Discard' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Discard 1 item?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Discard' })));
  });

  it('discard them only after the reader confirms', async () => {
    const decided: string[] = [];
    let waiting = 1;
    answering(() => waiting, decided);
    render(<Outbox />);
    const question = await screen.findByRole('group', { name: /1 item filed in this browser before an update has no sender recorded/ });
    fireEvent.click(within(question).getByRole('button', { name: 'Discard' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Discard 1 item?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(decided).toEqual([]);
    fireEvent.click(within(question).getByRole('button', { name: 'Discard' }));
    waiting = 0;
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(decided).toEqual(['discard']));
    await waitFor(() => expect(screen.queryByRole('group', { name: /no sender recorded/ })).toBeNull());
  });

  it('put the keyboard on the outbox’s status line, which says politely that they will be sent as the reader’s', async () => {
    let waiting = 1;
    answering(() => waiting, [], () => [], 1);
    render(<Outbox />);
    const question = await screen.findByRole('group', { name: /no sender recorded/ });
    const send = within(question).getByRole('button', { name: 'Send as me' });
    send.focus();
    waiting = 0;
    fireEvent.click(send);
    const line = await screen.findByText('1 item will be sent as yours');
    await waitFor(() => expect(document.activeElement).toBe(line));
    expect(line.getAttribute('aria-live')).toBe('polite');
    expect(line.getAttribute('tabindex')).toBe('-1');
    expect(screen.getByRole('heading', { name: 'Not yet sent' })).toBeTruthy();
  });

  it('say how many the background took, not how many the panel counted, when another panel answered first', async () => {
    let waiting = 3;
    answering(() => waiting, [], () => [], 0);
    render(<Outbox />);
    const question = await screen.findByRole('group', { name: /3 items filed in this browser/ });
    waiting = 0;
    fireEvent.click(within(question).getByRole('button', { name: 'Send as me' }));
    expect(await screen.findByText('Nothing changed: these items were already answered for')).toBeTruthy();
    expect(screen.queryByText(/will be sent as yours/)).toBeNull();
  });

  it('say the count the background discarded', async () => {
    let waiting = 3;
    answering(() => waiting, [], () => [], 1);
    render(<Outbox />);
    const question = await screen.findByRole('group', { name: /3 items filed in this browser/ });
    fireEvent.click(within(question).getByRole('button', { name: 'Discard' }));
    waiting = 0;
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard' }));
    expect(await screen.findByText('1 item discarded')).toBeTruthy();
  });

  it('put the keyboard on the outbox’s status line once a confirmed Discard has taken them away', async () => {
    let waiting = 2;
    answering(() => waiting, []);
    render(<Outbox />);
    const question = await screen.findByRole('group', { name: /no sender recorded/ });
    fireEvent.click(within(question).getByRole('button', { name: 'Discard' }));
    waiting = 0;
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard' }));
    const line = await screen.findByText('2 items discarded');
    await waitFor(() => expect(document.activeElement).toBe(line));
    expect(line.closest('[aria-live="polite"]')).toBe(line);
  });
});
