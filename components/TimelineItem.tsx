import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatWhen } from '../utils/format';
import type { Result, Revision, TimelineEntry } from '../utils/messages';
import { excerpt, kindLabel, safeHttpsUrl, signalLabel } from './labels';
import type { EntryActions } from './entry-actions';
import { RevisionHistory } from './RevisionHistory';

export const TITLE_CLAMP_CHARS = 90;

/** One entry of an account's timeline. Everything is text; the source link is shown to its
 * author only (the view returns it for their own rows) and only when it is https. */
export function TimelineItem({
  entry,
  currentUserId,
  accountName,
  focused = false,
  routed = null,
  loadRevisions,
  entryActions,
}: {
  entry: TimelineEntry;
  currentUserId: string | null;
  /** Shown where entries of several accounts are listed together (Insights' drill-down). */
  accountName?: string | null;
  /** Opened from For you: scrolled into view and marked as the current entry. */
  focused?: boolean;
  /** The colleague who brought it to the reader, and their note. */
  routed?: { from: string; note: string | null } | null;
  /** Reads the earlier versions when the reader opens them. */
  loadRevisions: (entryId: string) => Promise<Result<Revision[]>>;
  /** The page's controls under the entry ("Bring to a colleague", "This helped me"). */
  entryActions?: EntryActions;
}) {
  const article = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focused) return;
    article.current?.scrollIntoView?.({ block: 'center' });
    article.current?.focus();
  }, [focused]);
  const [expanded, setExpanded] = useState(false);
  const [history, setHistory] = useState(false);
  const bodyId = useId();
  const historyId = useId();
  const short = excerpt(entry.body);
  // Two lines of a 380 px panel hold about this much; a longer title is clamped until expanded.
  const longTitle = entry.title.length > TITLE_CLAMP_CHARS;
  const link = entry.author_id === currentUserId ? safeHttpsUrl(entry.source_url) : null;
  const author = entry.author_display_name ?? 'A former member';

  return (
    <li class="hc-entry">
      <article
        aria-label={entry.title}
        ref={article}
        class={focused ? 'hc-entry--current' : undefined}
        tabIndex={focused ? -1 : undefined}
        aria-current={focused ? 'true' : undefined}
      >
        {focused && routed ? (
          <aside class="hc-entry__routed" aria-label={`Brought to you by ${routed.from}`}>
            <p class="hc-entry__meta">Brought to you by {routed.from}</p>
            {routed.note ? <blockquote>{routed.note}</blockquote> : null}
          </aside>
        ) : null}
        <h3 class="hc-entry__title" data-clamp={expanded ? undefined : 'two-lines'}>
          {entry.title}
        </h3>
        <p class="hc-entry__meta">
          <time dateTime={entry.occurred_at}>{formatWhen(entry.occurred_at, true)}</time> · {kindLabel(entry.kind, entry.source_url)}
          {accountName ? ` · ${accountName}` : ''}
          {entry.contact_name ? ` · ${entry.contact_name}` : ''}
        </p>
        <p class="hc-entry__meta">
          Filed by {author}
          {entry.author_department ? ` (${entry.author_department})` : ''}
        </p>
        {entry.body ? (
          <p id={bodyId} class="hc-entry__body">
            {expanded ? entry.body : short.text}
          </p>
        ) : null}
        {short.cut || longTitle ? (
          <button type="button" class="hc-link" aria-expanded={expanded} aria-controls={entry.body ? bodyId : undefined} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show less' : 'Show all'}
          </button>
        ) : null}
        {entry.signals.length ? (
          <ul class="hc-tags" aria-label="Signals">
            {entry.signals.map((signal) => (
              <li key={signal}>{signalLabel(signal)}</li>
            ))}
          </ul>
        ) : null}
        <div class="hc-row">
          {entry.revision_count > 0 ? (
            <button
              type="button"
              class="hc-link"
              aria-expanded={history}
              aria-controls={historyId}
              onClick={() => setHistory(!history)}
            >
              {history ? 'Hide earlier versions' : `Edited — see ${entry.revision_count === 1 ? 'the earlier version' : 'earlier versions'}`}
            </button>
          ) : null}
          {link ? (
            <a href={link} target="_blank" rel="noopener noreferrer">
              Open the source
            </a>
          ) : null}
        </div>
        {history ? (
          <div id={historyId}>
            <RevisionHistory entryId={entry.id} loadRevisions={loadRevisions} />
          </div>
        ) : null}
        {entryActions?.({ id: entry.id, title: entry.title, authorId: entry.author_id, authorName: entry.author_display_name })}
      </article>
    </li>
  );
}
