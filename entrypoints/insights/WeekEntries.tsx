import { loadEntryRevisions } from '../../utils/entry-revisions';
import { useEffect, useRef } from 'preact/hooks';
import { TimelineItem } from '../../components/TimelineItem';
import { signalName, weekLabel } from '../../utils/insights';
import { askedOnce, useKeysetPages } from '../../utils/keyset-pages';
import type { InsightEntry, TimelineCursor } from '../../utils/messages';
import { send } from '../../utils/send';
import type { Signal } from '../../utils/vocabulary';
import { entryControls } from '../sidepanel/EntryControls';

export const WEEK_PAGE_SIZE = 20;

/** The entries behind one week of one signal, newest first, 20 at a time ("Load more"
 * continues after the last one shown: keyset on occurred_at, id, like an account's timeline).
 * Each entry is the timeline's own item, so everything an entry offers there it offers here. */
export function WeekEntries({
  signal,
  week,
  currentUserId,
  onClose,
}: {
  signal: Signal;
  week: string;
  currentUserId: string | null;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const source = askedOnce((after: TimelineCursor | null) => send('insights.entries', { signal, week, after, limit: WEEK_PAGE_SIZE }));
  const { entries, next, load, more, retry } = useKeysetPages<InsightEntry, TimelineCursor>(source, [signal, week]);
  useEffect(() => heading.current?.focus(), [signal, week]);

  const actions = entryControls(currentUserId);
  const title = `${signalName(signal)} in the week of ${weekLabel(week)}`;
  return (
    <section class="hc-week" aria-labelledby="week-title">
      <div class="hc-week__head">
        <h2 id="week-title" class="hc-h2" tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <button type="button" class="hc-link" onClick={onClose}>
          Close
        </button>
      </div>
      {entries.length ? (
        <ol class="hc-entries" aria-label={`Entries: ${title}, newest first`}>
          {entries.map((entry) => (
            <TimelineItem
              key={entry.id}
              entry={entry}
              currentUserId={currentUserId}
              accountName={entry.account_name}
              loadRevisions={loadEntryRevisions}
              entryActions={actions}
            />
          ))}
        </ol>
      ) : load.kind === 'idle' ? (
        <p class="hc-empty">No live entries that week any more: they may have been retracted or edited since.</p>
      ) : null}
      {load.kind === 'loading' ? <p role="status">Loading entries…</p> : null}
      {load.kind === 'error' ? (
        <div role="alert" class="hc-error">
          <p>{load.message}</p>
          <button type="button" onClick={() => void retry()}>
            Try again
          </button>
        </div>
      ) : null}
      {next && load.kind === 'idle' ? (
        <button type="button" onClick={() => void more()}>
          Load more
        </button>
      ) : null}
    </section>
  );
}
