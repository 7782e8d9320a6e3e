import { useId } from 'preact/hooks';
import { canUndo, interleave } from '../utils/merge';
import { mergeLineDate, mergeLineWords } from '../utils/merge-words';
import type { Result, Revision } from '../utils/messages';
import type { MergeLinesData } from '../utils/panel/use-merge-lines';
import type { TimelineData } from '../utils/panel/use-timeline';
import { NO_FILTERS, type TimelineFilters } from '../utils/timeline-filters';
import { KINDS, SIGNALS, type Kind, type Signal } from '../utils/vocabulary';
import type { EntryActions } from './entry-actions';
import { KeptAge } from './KeptAge';
import { KIND_LABELS, signalLabel } from './labels';
import { TimelineItem } from './TimelineItem';

/** An account's entries, newest first, a page at a time ("Load more" continues after the last
 * entry shown), filtered by signal, kind and date range, with the account's merges as lines
 * between them. What it shows comes from utils/panel/use-timeline.ts and use-merge-lines.ts. */
export function Timeline({
  timeline,
  mergeLines,
  currentUserId,
  focusEntryId = null,
  focusRoute = null,
  loadRevisions,
  entryActions,
}: {
  timeline: TimelineData;
  mergeLines: MergeLinesData;
  currentUserId: string | null;
  /** Opened from For you: the entry to show (the hook reads pages until it is in view). */
  focusEntryId?: string | null;
  /** Who brought that entry to the reader and their note, shown beside it. */
  focusRoute?: { from: string; note: string | null } | null;
  loadRevisions: (entryId: string) => Promise<Result<Revision[]>>;
  /** The page's controls under each entry. */
  entryActions?: EntryActions;
}) {
  const { filters, setFilters, entries, next, load, kept } = timeline;
  const { merges, keptPeople, undoing, undoError, undo } = mergeLines;
  const ids = useId();

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
                loadRevisions={loadRevisions}
                entryActions={entryActions}
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
          <button type="button" onClick={() => void timeline.retry()}>
            Try again
          </button>
        </div>
      ) : null}
      {next && load.kind === 'idle' ? (
        <button type="button" onClick={() => void timeline.more()}>
          Load more
        </button>
      ) : null}
    </section>
  );
}
