import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MyEntries } from '../../../components/MyEntries';
import type { MyEntry } from '../../../utils/messages';
import { OwnEntryThanks } from '../../../entrypoints/options/sections/SharedSection';
import { useMyEntries } from '../../../entrypoints/options/sections/use-my-entries';
import { send } from '../../../utils/send';
import { answerWith, fail, myEntry, ok } from './fake-send';

vi.mock('../../../utils/send', () => ({ send: vi.fn() }));

let blobs: Blob[] = [];
beforeEach(() => {
  vi.mocked(send).mockReset();
  blobs = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:test/${blobs.length}`;
  });
  URL.revokeObjectURL = vi.fn();
});
afterEach(cleanup);

/** Settings wires the hook to the list the same way. */
function Shared() {
  return <MyEntries {...useMyEntries()} entryActions={(entry) => <OwnEntryThanks entryId={entry.id} />} />;
}

describe('what I have shared', () => {
  it('lists my entries, retracted ones marked, and filters them as I type', async () => {
    answerWith(send, {
      'mine.list': () =>
        ok([
          myEntry({ title: 'Pricing objection', body: 'Too expensive', signals: ['pricing'] }),
          myEntry({ title: 'Asked for a demo', account_name: 'Northwind' }),
          myEntry({ title: 'Old news', retracted_at: '2026-11-21T10:00:00+00:00' }),
        ]),
    });
    render(<Shared />);
    const list = await screen.findByRole('list', { name: 'My entries' });
    expect(within(list).getAllByRole('article')).toHaveLength(3);
    const retracted = screen.getByRole('article', { name: 'Old news' });
    expect(retracted.textContent).toContain('Retracted');
    expect(within(retracted).queryByRole('button', { name: /Edit|Retract/ })).toBeNull();

    fireEvent.input(screen.getByLabelText('Search my entries'), { target: { value: 'northwind' } });
    expect(within(list).getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual(['Asked for a demo']);
    fireEvent.input(screen.getByLabelText('Search my entries'), { target: { value: 'zzz' } });
    expect(screen.getByText('None of your entries matches “zzz”.')).toBeTruthy();
  });

  it('says what to do when I have filed nothing', async () => {
    answerWith(send, { 'mine.list': () => ok([]) });
    render(<Shared />);
    expect(await screen.findByText(/You have not filed anything yet/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Export as CSV' })).toBeNull();
  });

  it('shows an error with a way to try again', async () => {
    let calls = 0;
    answerWith(send, { 'mine.list': () => (++calls === 1 ? fail('Could not reach the server.') : ok([myEntry({ title: 'Back' })])) });
    render(<Shared />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not reach the server.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'Back' })).toBeTruthy();
  });

  it('edits the title, text and signals of an entry', async () => {
    const mine = myEntry({ title: 'Pricing objection', signals: ['pricing'] });
    let entries: MyEntry[] = [mine];
    const mock = answerWith(send, {
      'mine.list': () => ok(entries),
      'entry.update': ({ id, title, body, signals }) => {
        entries = [{ ...mine, title, body, signals: [...signals] }];
        return ok({ id });
      },
    });
    render(<Shared />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit “Pricing objection”' }));
    expect(screen.getByText('Your colleagues will see that you edited this entry, and the earlier text.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Pricing objection (volume tier)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Competitor' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const edited = await screen.findByRole('article', { name: 'Pricing objection (volume tier)' });
    // The confirmation sits in the entry it is about.
    expect(within(edited).getByRole('status').textContent).toBe('Saved. The earlier text is kept in the entry’s history.');
    expect(mock).toHaveBeenCalledWith('entry.update', {
      id: mine.id,
      title: 'Pricing objection (volume tier)',
      body: mine.body,
      signals: ['pricing', 'competitor'],
    });
  });

  it('retracts only after the confirmation, and shows the server’s refusal', async () => {
    const mine = myEntry({ title: 'Pricing objection' });
    const mock = answerWith(send, {
      'mine.list': () => ok([mine]),
      'entry.retract': () => fail('Only its author can retract an entry.'),
    });
    render(<Shared />);
    fireEvent.click(await screen.findByRole('button', { name: 'Retract “Pricing objection”' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Retract this entry?' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(mock).not.toHaveBeenCalledWith('entry.retract', expect.anything());

    fireEvent.click(screen.getByRole('button', { name: 'Retract “Pricing objection”' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Retract' }));
    await waitFor(() => expect(mock).toHaveBeenCalledWith('entry.retract', { id: mine.id }));
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toBe('Only its author can retract an entry.');
    // In the entry, and without a "Try again" that would only reload the list.
    expect(screen.getByRole('article', { name: 'Pricing objection' }).contains(refusal)).toBe(true);
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('exports every entry as CSV with a header row, and as JSON', async () => {
    const entries = [myEntry({ title: 'Said "no", then yes', body: 'line one\nline two' }), myEntry({ title: 'Other' })];
    answerWith(send, { 'mine.list': () => ok(entries) });
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    render(<Shared />);
    fireEvent.input(await screen.findByLabelText('Search my entries'), { target: { value: 'other' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export as CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export as JSON' }));
    click.mockRestore();

    expect(clicks).toEqual([expect.stringMatching(/^highcard-my-entries-\d{4}-\d{2}-\d{2}\.csv$/), expect.stringMatching(/\.json$/)]);
    const csv = await blobs[0]!.text();
    expect(csv.split('\r\n')[0]).toBe(
      'id,organization,account,contact,kind,occurred_at,title,body,signals,source_url,created_at,updated_at,retracted_at',
    );
    expect(csv).toContain('"Said ""no"", then yes","line one\nline two"');
    // The search narrows the list on screen, not what is exported.
    expect(JSON.parse(await blobs[1]!.text())).toEqual(entries);
  });
});
