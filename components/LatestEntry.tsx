import { useState } from 'preact/hooks';
import type { LookupResult } from '../utils/messages';
import { formatWhen } from '../utils/format';
import type { EntryActions } from './entry-actions';
import { kindLabel, signalLabel } from './labels';

type Entry = LookupResult['entries'][number];

/** The first line of an entry's text, for the one line the collapsed entry shows. */
export function firstLine(body: string | undefined): string {
  return (body ?? '').split('\n').map((line) => line.trim()).find(Boolean) ?? '';
}

/** The newest entry the team filed about them, in view before the rep replies (pact rule 6):
 * its title, when and by whom, and its first line; "Read it" opens the whole entry with its
 * controls in place. Everything is rendered as text, never as HTML. */
export function LatestEntry({ entry, entryActions }: { entry: Entry; entryActions?: EntryActions }) {
  const [open, setOpen] = useState(false);
  const line = firstLine(entry.body);
  const author = entry.author_display_name ? `${entry.author_display_name}${entry.author_department ? ` (${entry.author_department})` : ''}` : null;
  return (
    <article class={`hc-entry hc-latest${open ? ' hc-latest--open' : ''}`} aria-label={`Latest entry: ${entry.title}`}>
      <div class="hc-latest__head">
        <p class="hc-entry__title hc-latest__title">{entry.title}</p>
        <button type="button" class="hc-link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Show less' : 'Read it'}
        </button>
      </div>
      <p class="hc-entry__meta">
        Latest · {kindLabel(entry.kind)} · {formatWhen(entry.occurred_at)}
        {author ? ` · ${author}` : ''}
      </p>
      {open ? (
        <>
          {entry.body ? <p class="hc-entry__body">{entry.body}</p> : null}
          {entry.signals.length ? <p class="hc-entry__signals">{entry.signals.map(signalLabel).join(' · ')}</p> : null}
          {entryActions?.({
            id: entry.id,
            title: entry.title,
            authorId: typeof entry.author_id === 'string' ? entry.author_id : null,
            authorName: entry.author_display_name ?? null,
          })}
        </>
      ) : line ? (
        <p class="hc-latest__line">{line}</p>
      ) : null}
    </article>
  );
}
