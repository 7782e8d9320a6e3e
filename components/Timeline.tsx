import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatWhen, withOffset } from '../utils/format';
import { keptThenFresh } from '../utils/kept-answer';
import { canUndo, interleave } from '../utils/merge';
import { mergeLineDate, mergeLineWords, type KeptIdentity } from '../utils/merge-words';
import type { MergeLine, TimelineCursor, TimelineEntry, TimelineQuery } from '../utils/messages';
import { loadEntryRevisions } from '../utils/entry-revisions';
import { send } from '../utils/send';
import { KINDS, SIGNALS, type Kind, type Signal } from '../utils/vocabulary';
import { KeptAge } from './KeptAge';
import { KIND_LABELS, signalLabel } from './labels';
import { TimelineItem } from './TimelineItem';

export const TIMELINE_PAGE_SIZE = 20;

export interface TimelineFilters {
  signal: Signal | '';
  kind: Kind | '';
  /** Days from <input type="date">, both inclusive. */
  from: string;
  to: string;
}

const NO_FILTERS: TimelineFilters = { signal: '', kind: '', from: '', to: '' };

/** The start of a calendar day in the reader's zone, as ISO 8601 with its offset. */
export function startOfDay(day: string, plusDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  return withOffset(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays));
}

export function timelineQuery(accountId: string, filters: TimelineFilters, after: TimelineCursor | null): TimelineQuery {
  return {
    accountId,
    signal: filters.signal || null,
    kind: filters.kind || null,
    from: startOfDay(filters.from),
    // "To" is inclusive for people, exclusive for the query: the start of the next day.
    to: startOfDay(filters.to, 1),
    after,
    limit: TIMELINE_PAGE_SIZE,
  };
}

type Load = { kind: 'loading' } | { kind: 'idle' } | { kind: 'error'; message: string };

/** An account's entries, newest first, a page at a time ("Load more" continues after the last
 * entry shown), filtered by signal, kind and date range. */
export function Timeline({
  accountId,
  currentUserId,
  focusEntryId = null,
  focusRoute = null,
  onChanged,
}: {
  accountId: string;
  /** A merge shown here was undone: the account view reloads. */
  onChanged?: () => void;
  currentUserId: string | null;
  /** Opened from For you: the entry to show, loading pages until it is in view. */
  focusEntryId?: string | null;
  /** Who brought that entry to the reader and their note, shown beside it. */
  focusRoute?: { from: string; note: string | null } | null;
}) {
  const [filters, setFilters] = useState<TimelineFilters>(NO_FILTERS);
  const [entries, setEntries] = useState<TimelineEntry[]>([]);
  const [next, setNext] = useState<TimelineCursor | null>(null);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const generation = useRef(0);
  const ids = useId();

  // The first page paints at once from the one kept in this browser (with its age), then the
  // server's replaces it; further pages come from the server only.
  const [kept, setKept] = useState<{ cachedAt: string | null; offline: boolean }>({ cachedAt: null, offline: false });
  const fetchPage = async (after: TimelineCursor | null) => {
    const mine = after ? generation.current : ++generation.current;
    setLoad({ kind: 'loading' });
    const query = timelineQuery(accountId, filters, after);
    const ask = (prefer: 'cache' | 'network') => send('account.timeline', after ? query : { ...query, prefer });
    await keptThenFresh(
      after ? () => ask('network') : ask,
      (shown) => {
        if (shown.kind !== 'ok') return setLoad(shown.kind === 'error' ? shown : { kind: 'loading' });
        setEntries((before) => (after ? [...before, ...shown.data.entries] : shown.data.entries));
        setNext(shown.data.next);
        if (!after) setKept({ cachedAt: shown.cachedAt, offline: shown.offline });
        setLoad({ kind: 'idle' });
      },
      () => mine === generation.current, // the filters changed meanwhile
    );
  };

  useEffect(() => {
    setEntries([]);
    setNext(null);
    void fetchPage(null);
  }, [accountId, filters]);

  // For you opens the timeline at an entry: load further pages (a few at most) until it shows.
  const pagesForFocus = useRef(0);
  useEffect(() => {
    if (!focusEntryId || load.kind !== 'idle' || entries.some((entry) => entry.id === focusEntryId)) return;
    if (next && pagesForFocus.current < 5) {
      pagesForFocus.current += 1;
      void fetchPage(next);
    }
  }, [focusEntryId, entries, load.kind]);

  // One customer, one record: each merge is one line between the entries, never an
  // entry, and only on the unfiltered timeline.
  // A line names what tells the kept person apart ("into Mia Schmidt (m.schmidt@acme.example)"),
  // so the people of the account are read once there is a person's line to tell.
  const [merges, setMerges] = useState<MergeLine[]>([]);
  const [keptPeople, setKeptPeople] = useState<ReadonlyMap<string, KeptIdentity>>(new Map());
  const [undoing, setUndoing] = useState<string | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const loadMerges = async (live: () => boolean = () => true) => {
    const result = await send('merge.history', { accountId });
    if (!live()) return;
    const lines = result.ok ? result.data : [];
    setMerges(lines);
    if (!lines.some((line) => line.kind === 'contact')) return;
    const people = await send('merge.accountContacts', { accountId });
    if (live() && people.ok) setKeptPeople(new Map(people.data.map((p) => [p.id, p])));
  };
  useEffect(() => {
    let live = true;
    void loadMerges(() => live);
    return () => {
      live = false;
    };
  }, [accountId]);
  const undo = async (line: MergeLine) => {
    if (!line.id) return;
    setUndoing(line.id);
    const result = await send('merge.undo', { mergeId: line.id });
    setUndoing(null);
    setUndoError(result.ok ? null : result.error);
    if (result.ok) {
      await loadMerges();
      onChanged?.();
    }
  };

  const filtered = Boolean(filters.signal || filters.kind || filters.from || filters.to);
  const set = <K extends keyof TimelineFilters>(key: K, value: TimelineFilters[K]) => setFilters({ ...filters, [key]: value });

  return (
    <section aria-labelledby="timeline-title" class="hc-timeline">
      <h2 id="timeline-title" class="hc-h2">
        Timeline
      </h2>
      <fieldset class="hc-filters">
        <legend>Filter the timeline</legend>
        <div class="hc-field">
          <label for={`${ids}-signal`}>Signal</label>
          <select id={`${ids}-signal`} value={filters.signal} onChange={(e) => set('signal', e.currentTarget.value as Signal | '')}>
            <option value="">All signals</option>
            {SIGNALS.map((signal) => (
              <option key={signal} value={signal}>
                {signalLabel(signal)}
              </option>
            ))}
          </select>
        </div>
        <div class="hc-field">
          <label for={`${ids}-kind`}>Kind</label>
          <select id={`${ids}-kind`} value={filters.kind} onChange={(e) => set('kind', e.currentTarget.value as Kind | '')}>
            <option value="">All kinds</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <div class="hc-field">
          <label for={`${ids}-from`}>From</label>
          <input type="date" id={`${ids}-from`} value={filters.from} max={filters.to || undefined} onChange={(e) => set('from', e.currentTarget.value)} />
        </div>
        <div class="hc-field">
          <label for={`${ids}-to`}>To</label>
          <input type="date" id={`${ids}-to`} value={filters.to} min={filters.from || undefined} onChange={(e) => set('to', e.currentTarget.value)} />
        </div>
        {filtered ? (
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        ) : null}
      </fieldset>

      <KeptAge cachedAt={kept.cachedAt} offline={kept.offline} about="entries" />
      {entries.length ? (
        <ol class="hc-entries" aria-label="Entries, newest first">
          {interleave(entries, filtered ? [] : merges, !next).map((item) =>
            'line' in item ? (
              <li key={`merge-${item.line.id ?? item.line.merged_id}`} class="hc-history-line">
                <p role="note">
                  {mergeLineWords(item.line, item.line.kind === 'contact' ? keptPeople.get(item.line.keep_id) : undefined)} ·{' '}
                  {mergeLineDate(item.line)}
                </p>
                {canUndo(item.line) ? (
                  <button type="button" disabled={undoing !== null} onClick={() => void undo(item.line)}>
                    {undoing === item.line.id ? 'Undoing…' : 'Undo'}
                  </button>
                ) : null}
              </li>
            ) : (
              <TimelineItem
                key={item.entry.id}
                entry={item.entry}
                currentUserId={currentUserId}
                focused={item.entry.id === focusEntryId}
                routed={item.entry.id === focusEntryId ? focusRoute : null}
                loadRevisions={loadEntryRevisions}
              />
            ),
          )}
        </ol>
      ) : load.kind === 'idle' ? (
        <p class="hc-empty">
          {filtered
            ? 'No entry matches these filters. Clear them to see the whole timeline.'
            : 'Nothing has been filed about this account yet. Open a customer’s email or LinkedIn profile and press “Add to customer record”.'}
        </p>
      ) : null}

      {undoError ? (
        <p role="alert" class="hc-error">
          {undoError}
        </p>
      ) : null}
      {load.kind === 'loading' ? <p role="status">Loading entries…</p> : null}
      {load.kind === 'error' ? (
        <div role="alert" class="hc-error">
          <p>{load.message}</p>
          <button type="button" onClick={() => void fetchPage(entries.length ? next : null)}>
            Try again
          </button>
        </div>
      ) : null}
      {next && load.kind === 'idle' ? (
        <button type="button" onClick={() => void fetchPage(next)}>
          Load more
        </button>
      ) : null}
    </section>
  );
}
