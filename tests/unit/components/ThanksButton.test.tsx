import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ThanksButton } from '../../../components/ThanksButton';
import { ThanksReceived } from '../../../components/ThanksReceived';
import type { ThankYou } from '../../../utils/messages';
import { send } from '../../../utils/send';
import { forgetThanks } from '../../../utils/thanks';
import { EntryThanksControl } from '../../../entrypoints/sidepanel/EntryControls';
import { answered, answerWith, COLLEAGUE, fail, ME, ok } from './fake-send';

vi.mock('../../../utils/send', () => ({ send: vi.fn() }));

const ENTRY = '00000000-0000-4000-8000-00000000aaaa';
const thankYou = (overrides: Partial<ThankYou> = {}): ThankYou => ({
  interaction_id: ENTRY,
  from_user: COLLEAGUE,
  from_name: 'Ben',
  note: 'this got me through the Hamburg call',
  created_at: '2026-11-20T10:00:00Z',
  ...overrides,
});

beforeEach(() => {
  vi.mocked(send).mockReset();
  forgetThanks();
});
afterEach(cleanup);

/** An entry row's thanks as the pages render them: the hook bound to the component. */
function EntryThanks({ entryId, authorId, authorName, userId }: { entryId: string; authorId: string; authorName: string; userId: string | null }) {
  return <EntryThanksControl entry={{ id: entryId, title: 'An entry', authorId, authorName }} userId={userId} />;
}

describe('the "This helped me" control', () => {
  it('sends thanks with an optional short note', () => {
    const onThank = vi.fn();
    render(<ThanksButton authorName="Ana" mine={null} onThank={onThank} onWithdraw={vi.fn()} />);
    const button = screen.getByRole('button', { name: 'This helped me' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    const note = screen.getByLabelText('Note to Ana (optional)');
    expect(note.getAttribute('maxlength')).toBe('280');
    fireEvent.input(note, { target: { value: '  Saved my Hamburg call  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send thanks' }));
    expect(onThank).toHaveBeenCalledWith('Saved my Hamburg call');
  });

  it('sends thanks without a note as null', () => {
    const onThank = vi.fn();
    render(<ThanksButton authorName="Ana" mine={null} onThank={onThank} onWithdraw={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'This helped me' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send thanks' }));
    expect(onThank).toHaveBeenCalledWith(null);
  });

  it('is pressed once thanked, says so with my note, and pressing it again withdraws', () => {
    const onWithdraw = vi.fn();
    render(<ThanksButton authorName="Ana" mine={{ note: 'Great' }} onThank={vi.fn()} onWithdraw={onWithdraw} />);
    const button = screen.getByRole('button', { name: 'This helped me' });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(document.body.textContent).toContain('You thanked Ana: “Great”');
    fireEvent.click(button);
    expect(onWithdraw).toHaveBeenCalledOnce();
  });

  it('offers Undo once thanked, which withdraws the thank-you', () => {
    const onWithdraw = vi.fn();
    const onThank = vi.fn();
    render(<ThanksButton authorName="Ana" mine={{ note: null }} onThank={onThank} onWithdraw={onWithdraw} />);
    expect(document.body.textContent).toContain('You thanked Ana.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo your thanks to Ana' }));
    expect(onWithdraw).toHaveBeenCalledOnce();
    expect(onThank).not.toHaveBeenCalled();
  });

  it('offers no Undo before thanking', () => {
    render(<ThanksButton authorName="Ana" mine={null} onThank={vi.fn()} onWithdraw={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'This helped me' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Undo/ })).toBeNull();
  });

  it('shows a refusal in the server’s words', () => {
    render(<ThanksButton authorName="Ana" mine={null} error="You cannot thank yourself for your own entry." onThank={vi.fn()} onWithdraw={vi.fn()} />);
    expect(screen.getByRole('alert').textContent).toBe('You cannot thank yourself for your own entry.');
  });
});

describe('thank-yous the author received', () => {
  it('labels each one with who thanked and their note, and no total anywhere', () => {
    render(
      <ThanksReceived
        thanks={[thankYou(), thankYou({ from_user: ME, from_name: 'Cleo', note: null }), thankYou({ from_user: 'gone', from_name: null, note: null })]}
      />,
    );
    const items = screen.getAllByRole('listitem').map((item) => item.textContent ?? '');
    expect(items[0]).toContain('Thanked by Ben: this got me through the Hamburg call');
    expect(items[1]).toContain('Thanked by Cleo.');
    expect(items[2]).toContain('Thanked by a former colleague.');
    expect(screen.getByRole('list').textContent).not.toMatch(/\b2\b|thanks \(|total/i);
  });

  it('renders nothing when there are none', () => {
    const { container } = render(<ThanksReceived thanks={[]} />);
    expect(container.textContent).toBe('');
  });
});

describe('thanks on an entry', () => {
  it('never offers "This helped me" on my own entry; it shows what colleagues sent me', async () => {
    answerWith(send, { 'thanks.list': () => ok([thankYou()]) });
    render(<EntryThanks entryId={ENTRY} authorId={ME} authorName="Me" userId={ME} />);
    expect(await screen.findByText(/Thanked by Ben: this got me through the Hamburg call/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'This helped me' })).toBeNull();
  });

  it('asks once for all entries on screen, and thanks then withdraws on a colleague’s entry', async () => {
    const OTHER = '00000000-0000-4000-8000-00000000bbbb';
    let given = false;
    const fn = answerWith(send, {
      'thanks.list': () => ok(given ? [thankYou({ from_user: ME, from_name: 'Me', note: null })] : []),
      'thanks.give': (payload) => {
        given = true;
        expect(payload).toEqual({ interactionId: ENTRY, note: null });
        return ok({ id: ENTRY });
      },
      'thanks.withdraw': () => {
        given = false;
        return ok({ id: ENTRY });
      },
    });
    render(
      <>
        <EntryThanks entryId={ENTRY} authorId={COLLEAGUE} authorName="Ben" userId={ME} />
        <EntryThanks entryId={OTHER} authorId={COLLEAGUE} authorName="Ben" userId={ME} />
      </>,
    );
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'This helped me' })).toHaveLength(2));
    expect(fn.mock.calls.filter(([type]) => type === 'thanks.list')).toEqual([['thanks.list', { interactionIds: [ENTRY, OTHER] }]]);

    fireEvent.click(screen.getAllByRole('button', { name: 'This helped me' })[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Send thanks' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'This helped me' })[0]!.getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(screen.getAllByRole('button', { name: 'This helped me' })[0]!);
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'This helped me' })[0]!.getAttribute('aria-pressed')).toBe('false'));
  });

  it('undoes my thanks with Undo, calling withdraw', async () => {
    let given = true;
    const fn = answerWith(send, {
      'thanks.list': () => ok(given ? [thankYou({ from_user: ME, from_name: 'Me', note: 'Saved my call' })] : []),
      'thanks.withdraw': () => {
        given = false;
        return ok({ id: ENTRY });
      },
    });
    render(<EntryThanks entryId={ENTRY} authorId={COLLEAGUE} authorName="Ben" userId={ME} />);
    expect((await screen.findByRole('button', { name: 'This helped me', pressed: true })).getAttribute('aria-pressed')).toBe('true');
    expect(document.body.textContent).toContain('You thanked Ben: “Saved my call”');
    fireEvent.click(screen.getByRole('button', { name: 'Undo your thanks to Ben' }));
    expect(await screen.findByRole('button', { name: 'This helped me', pressed: false })).toBeTruthy();
    expect(fn).toHaveBeenCalledWith('thanks.withdraw', { interactionId: ENTRY });
  });

  it('shows no control when the thank-yous cannot be read, rather than a wrong one', async () => {
    const fn = answerWith(send, { 'thanks.list': () => fail('Could not reach the server.') });
    render(<EntryThanks entryId={ENTRY} authorId={COLLEAGUE} authorName="Ben" userId={ME} />);
    await waitFor(() => expect(fn).toHaveBeenCalledWith('thanks.list', { interactionIds: [ENTRY] }));
    await answered(send, 'thanks.list');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows nothing when signed out, and the refusal when thanking fails', async () => {
    answerWith(send, { 'thanks.list': () => ok([]), 'thanks.give': () => fail('Not an entry of your organization.') });
    const { unmount } = render(<EntryThanks entryId={ENTRY} authorId={COLLEAGUE} authorName="Ben" userId={null} />);
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    render(<EntryThanks entryId={ENTRY} authorId={COLLEAGUE} authorName="Ben" userId={ME} />);
    fireEvent.click(await screen.findByRole('button', { name: 'This helped me' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send thanks' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not an entry of your organization.');
  });
});
