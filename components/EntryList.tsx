import type { LookupResult } from '../utils/messages';
import { SIGNAL_LABELS, type Signal } from '../utils/vocabulary';
import { formatWhen } from '../utils/format';
import { EntryThanks } from './EntryThanks';

type Entry = LookupResult['entries'][number];

const KIND_LABELS: Record<Entry['kind'], string> = {
  email: 'Email',
  linkedin_message: 'LinkedIn message',
  linkedin_profile: 'LinkedIn profile',
  note: 'Note',
  clip: 'Clip from a web page',
};

/** The team's latest entries. Everything is rendered as text, never as HTML. */
export function EntryList({ entries, userId = null }: { entries: readonly Entry[]; /** The reader, for "This helped me". */ userId?: string | null }) {
  return (
    <ul class="hc-entries">
      {entries.map((entry) => (
        <li key={entry.id} class="hc-entry">
          <p class="hc-entry__title">{entry.title}</p>
          <p class="hc-entry__meta">
            {KIND_LABELS[entry.kind]} · {formatWhen(entry.occurred_at)}
            {entry.author_display_name ? ` · ${entry.author_display_name}` : ''}
            {entry.author_department ? ` (${entry.author_department})` : ''}
          </p>
          {entry.body ? <p class="hc-entry__body">{excerpt(entry.body)}</p> : null}
          {entry.signals.length ? (
            <p class="hc-entry__signals">
              {entry.signals.map((signal) => SIGNAL_LABELS[signal as Signal] ?? signal).join(' · ')}
            </p>
          ) : null}
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

function excerpt(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
