import type { LookupResult } from '../utils/messages';
import { formatWhen } from '../utils/format';
import { BringToColleague } from './BringToColleague';
import { EntryThanks } from './EntryThanks';
import { excerpt, kindLabel, signalLabel } from './labels';

type Entry = LookupResult['entries'][number];

/** The team's latest entries. Everything is rendered as text, never as HTML. */
export function EntryList({ entries, userId = null }: { entries: readonly Entry[]; /** The reader, for "This helped me". */ userId?: string | null }) {
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
          <BringToColleague entryId={entry.id} entryTitle={entry.title} />
          <EntryThanks
            entryId={entry.id}
            authorId={typeof entry.author_id === 'string' ? entry.author_id : null}
            authorName={entry.author_display_name}
            userId={userId}
          />
        </li>
      ))}
    </ul>
  );
}
