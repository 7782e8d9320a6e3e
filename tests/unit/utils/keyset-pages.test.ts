import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { askedOnce, useKeysetPages, type KeysetPage, type PageSource } from '../../../utils/keyset-pages';
import type { Result } from '../../../utils/messages';

afterEach(cleanup);

type Row = { id: string; at: number };
type Cursor = { at: number; id: string };

/** A list of `total` rows, newest first, read `size` at a time after a cursor, like the keyset
 * queries behind the timeline: every page it was asked for is kept in `asked`. */
function list(total: number, size: number) {
  const rows: Row[] = Array.from({ length: total }, (_, i) => ({ id: `row-${i + 1}`, at: total - i }));
  const asked: (Cursor | null)[] = [];
  const ask = async (after: Cursor | null): Promise<Result<KeysetPage<Row, Cursor>>> => {
    asked.push(after);
    const from = after ? rows.findIndex((row) => row.at < after.at) : 0;
    const entries = from < 0 ? [] : rows.slice(from, from + size);
    const last = entries[entries.length - 1];
    const more = from >= 0 && from + size < rows.length;
    return { ok: true, data: { entries, next: more && last ? { at: last.at, id: last.id } : null } };
  };
  return { rows, asked, ask };
}

const ids = (rows: Row[]) => rows.map((row) => row.id);

describe('a list read a page at a time', () => {
  it('reads the first page on its own, then the next one after the last row shown', async () => {
    const { asked, ask } = list(5, 2);
    const { result } = renderHook(() => useKeysetPages(askedOnce(ask), ['a']));
    await waitFor(() => expect(result.current.load.kind).toBe('idle'));
    expect(ids(result.current.entries)).toEqual(['row-1', 'row-2']);
    expect(result.current.next).toEqual({ at: 4, id: 'row-2' });

    await act(() => result.current.more());
    expect(ids(result.current.entries)).toEqual(['row-1', 'row-2', 'row-3', 'row-4']);
    expect(asked).toEqual([null, { at: 4, id: 'row-2' }]);
  });

  it('stops at the end of the list: no cursor, and asking for more asks nothing', async () => {
    const { asked, ask } = list(3, 2);
    const { result } = renderHook(() => useKeysetPages(askedOnce(ask), ['a']));
    await waitFor(() => expect(result.current.load.kind).toBe('idle'));
    await act(() => result.current.more());
    expect(ids(result.current.entries)).toEqual(['row-1', 'row-2', 'row-3']);
    expect(result.current.next).toBeNull();

    await act(() => result.current.more());
    expect(asked).toHaveLength(2);
    expect(result.current.entries).toHaveLength(3);
  });

  it('shows a row once even when a later page answers it again', async () => {
    // A row filed meanwhile with the same time moves the page boundary: the next page repeats one.
    const source = askedOnce<Row, Cursor>(async (after) =>
      after
        ? { ok: true, data: { entries: [{ id: 'row-2', at: 2 }, { id: 'row-3', at: 1 }], next: null } }
        : { ok: true, data: { entries: [{ id: 'row-1', at: 3 }, { id: 'row-2', at: 2 }], next: { at: 2, id: 'row-2' } } },
    );
    const { result } = renderHook(() => useKeysetPages(source, ['a']));
    await waitFor(() => expect(result.current.load.kind).toBe('idle'));
    await act(() => result.current.more());
    expect(ids(result.current.entries)).toEqual(['row-1', 'row-2', 'row-3']);
  });

  it('keeps what was loaded when a page fails, and asks for that page again on retry', async () => {
    const { ask } = list(5, 2);
    let failNext = true;
    const asked: (Cursor | null)[] = [];
    const flaky = askedOnce<Row, Cursor>(async (after) => {
      asked.push(after);
      if (after && failNext) {
        failNext = false;
        return { ok: false, error: 'The server could not be reached.', kind: 'unreachable' };
      }
      return ask(after);
    });
    const { result } = renderHook(() => useKeysetPages(flaky, ['a']));
    await waitFor(() => expect(result.current.load.kind).toBe('idle'));
    await act(() => result.current.more());
    expect(result.current.load).toEqual({ kind: 'error', message: 'The server could not be reached.' });
    expect(ids(result.current.entries)).toEqual(['row-1', 'row-2']);

    await act(() => result.current.retry());
    expect(result.current.load.kind).toBe('idle');
    expect(ids(result.current.entries)).toEqual(['row-1', 'row-2', 'row-3', 'row-4']);
    expect(asked).toEqual([null, { at: 4, id: 'row-2' }, { at: 4, id: 'row-2' }]);
  });

  it('starts over when its key changes and drops the answer for the earlier key', async () => {
    let release: (() => void) | null = null;
    const source: PageSource<Row, Cursor> = async (_after, show, live) => {
      const slow = new Promise<void>((resolve) => (release = resolve));
      await slow;
      if (live()) show({ kind: 'ok', data: { entries: [{ id: 'old', at: 1 }], next: null }, cachedAt: null, offline: false });
    };
    const fresh = askedOnce<Row, Cursor>(async () => ({ ok: true, data: { entries: [{ id: 'new', at: 1 }], next: null } }));
    const { result, rerender } = renderHook(({ key }: { key: string }) => useKeysetPages(key === 'a' ? source : fresh, [key]), {
      initialProps: { key: 'a' },
    });
    await waitFor(() => expect(release).not.toBeNull());
    rerender({ key: 'b' });
    await waitFor(() => expect(ids(result.current.entries)).toEqual(['new']));
    await act(async () => release!());
    expect(ids(result.current.entries)).toEqual(['new']);
  });

  it('says how old a first page kept in this browser is', async () => {
    const source: PageSource<Row, Cursor> = async (_after, show) => {
      show({ kind: 'ok', data: { entries: [{ id: 'row-1', at: 1 }], next: null }, cachedAt: '2026-11-20T09:00:00Z', offline: true });
    };
    const { result } = renderHook(() => useKeysetPages(source, ['a']));
    await waitFor(() => expect(result.current.kept).toEqual({ cachedAt: '2026-11-20T09:00:00Z', offline: true }));
  });
});
