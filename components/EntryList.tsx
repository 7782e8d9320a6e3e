import type { LookupResult } from '../utils/messages';
import { formatWhen } from '../utils/format';
import type { EntryActions } from './entry-actions';
import { excerpt, kindLabel, signalLabel } from './labels';

type Entry = LookupResult['entries'][number];

/** The team's latest entries. Everything is rendered as text, never as HTML. */
export function EntryList({ entries, entryActions }: {
  entries: readonly Entry[];
  /** The page's controls under each entry ("Bring to a colleague", "This helped me"). */
  entryActions?: EntryActions;
}) {
  return (
    <ul class="hc-entries">
      {entries.map((entry) => (
        <li key={entry.id} class="hc-entry">
          <p class="hc-entry__title">{entry.title}</p>
          <p class="hc-entry__meta">
            {kindLabel(entry.kind)} · {formatWhen(entry.occurred_at)}
            {entry.author_display_name ? ` · ${entry.author_display_name}` : ''}
            {entry.author_department ? ` (${entry.author_department})` : ''}
          </p>
          {entry.body ? <p class="hc-entry__body">{excerpt(entry.body, 220).text}</p> : null}
          {entry.signals.length ? (
            <p class="hc-entry__signals">
              {entry.signals.map(signalLabel).join(' · ')}
            </p>
          ) : null}
          {entryActions?.({
            id: entry.id,
            title: entry.title,
            authorId: typeof entry.author_id === 'string' ? entry.author_id : null,
            authorName: entry.author_display_name ?? null,
          })}
        </li>
      ))}
    </ul>
  );
}
