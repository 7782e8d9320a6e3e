// A list read a page at a time, newest first, each page continuing after the last row shown
// (keyset on occurred_at, id): an account's timeline in the panel and a week's entries in
// Insights read their pages through this one hook.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Shown } from './kept-answer';
import type { Result } from './messages';

export interface KeysetPage<T, C> {
  entries: T[];
  next: C | null;
}

export type PageLoad = { kind: 'loading' } | { kind: 'idle' } | { kind: 'error'; message: string };

/** Reads the page after `after` (the first page when null) and reports each state of it: a
 * first page may show a kept answer before the server's. Stops reporting once `live()` is false. */
export type PageSource<T, C> = (
  after: C | null,
  show: (shown: Shown<KeysetPage<T, C>>) => void,
  live: () => boolean,
) => Promise<void>;

/** A source that asks once per page. */
export function askedOnce<T, C>(ask: (after: C | null) => Promise<Result<KeysetPage<T, C>>>): PageSource<T, C> {
  return async (after, show, live) => {
    const result = await ask(after);
    if (!live()) return;
    show(result.ok ? { kind: 'ok', data: result.data, cachedAt: null, offline: false } : { kind: 'error', message: result.error });
  };
}

export interface KeysetPages<T, C> {
  entries: T[];
  /** Where the next page starts; null at the end of the list. */
  next: C | null;
  load: PageLoad;
  /** The age of the first page when it was the one kept in this browser. */
  kept: { cachedAt: string | null; offline: boolean };
  /** Reads the next page; nothing while a page is on its way or at the end. */
  more: () => Promise<void>;
  /** After an error: the page that failed again (the first one when nothing is shown). */
  retry: () => Promise<void>;
}

const FRESH = { cachedAt: null, offline: false };

/** Starts over from the first page whenever one of `key` changes; an answer for an earlier
 * key is dropped. A failed page keeps what was loaded before it. */
export function useKeysetPages<T extends { id: string }, C>(source: PageSource<T, C>, key: readonly unknown[]): KeysetPages<T, C> {
  const [entries, setEntries] = useState<T[]>([]);
  const [next, setNext] = useState<C | null>(null);
  const [load, setLoad] = useState<PageLoad>({ kind: 'loading' });
  const [kept, setKept] = useState<{ cachedAt: string | null; offline: boolean }>(FRESH);
  const generation = useRef(0);
  const busy = useRef(false);
  const latest = useRef(source);
  latest.current = source;

  const fetchPage = async (after: C | null) => {
    const mine = after ? generation.current : ++generation.current;
    const live = () => mine === generation.current;
    busy.current = true;
    setLoad({ kind: 'loading' });
    await latest.current(
      after,
      (shown) => {
        if (shown.kind !== 'ok') return setLoad(shown);
        // A row already shown (a page answered twice, or a row that moved between pages) is not shown again.
        setEntries((before) => {
          if (!after) return shown.data.entries;
          const seen = new Set(before.map((entry) => entry.id));
          return [...before, ...shown.data.entries.filter((entry) => !seen.has(entry.id))];
        });
        setNext(shown.data.next);
        if (!after) setKept({ cachedAt: shown.cachedAt, offline: shown.offline });
        setLoad({ kind: 'idle' });
      },
      live,
    );
    if (live()) busy.current = false;
  };

  useEffect(() => {
    setEntries([]);
    setNext(null);
    setKept(FRESH);
    void fetchPage(null);
  }, key);

  return {
    entries,
    next,
    load,
    kept,
    more: async () => {
      if (busy.current || !next) return;
      await fetchPage(next);
    },
    retry: () => fetchPage(entries.length ? next : null),
  };
}
