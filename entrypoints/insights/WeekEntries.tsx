import { loadEntryRevisions } from '../../utils/entry-revisions';
import { useEffect, useRef, useState } from 'preact/hooks';
import { TimelineItem } from '../../components/TimelineItem';
import { signalName, weekLabel } from '../../utils/insights';
import type { InsightEntry, TimelineCursor } from '../../utils/messages';
import { send } from '../../utils/send';
import type { Signal } from '../../utils/vocabulary';

export const WEEK_PAGE_SIZE = 20;

type Load = { kind: 'loading' } | { kind: 'idle' } | { kind: 'error'; message: string };

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
  const [entries, setEntries] = useState<InsightEntry[]>([]);
  const [next, setNext] = useState<TimelineCursor | null>(null);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const generation = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);

  const fetchPage = async (after: TimelineCursor | null) => {
    const mine = after ? generation.current : ++generation.current;
    setLoad({ kind: 'loading' });
    const result = await send('insights.entries', { signal, week, after, limit: WEEK_PAGE_SIZE });
    if (mine !== generation.current) return; // another week was chosen meanwhile
    if (!result.ok) {
      setLoad({ kind: 'error', message: result.error });
      return;
    }
    setEntries((shown) => (after ? [...shown, ...result.data.entries] : result.data.entries));
    setNext(result.data.next);
    setLoad({ kind: 'idle' });
  };

  useEffect(() => {
    setEntries([]);
    setNext(null);
    void fetchPage(null);
    heading.current?.focus();
  }, [signal, week]);

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
            <TimelineItem key={entry.id} entry={entry} currentUserId={currentUserId} accountName={entry.account_name} loadRevisions={loadEntryRevisions} />
          ))}
        </ol>
      ) : load.kind === 'idle' ? (
        <p class="hc-empty">No live entries that week any more: they may have been retracted or edited since.</p>
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
