import type { LookupResult, OutboxItem } from '../utils/messages';
import { formatWhen } from '../utils/format';
import { filedStateText } from '../utils/panel/states';
import type { EntryActions } from './entry-actions';

type TeamEntry = LookupResult['entries'][number];

interface Props {
  /** The rep's own filing of this source, from the outbox. */
  mine: OutboxItem | undefined;
  /** A colleague's entry for this source, from the team's answer. */
  team: TeamEntry | undefined;
  online: boolean;
  now: number;
  /** The signed-in rep: their own earlier filing (gone from the outbox) reads "Filed by you". */
  me?: string | null;
  /** The page's controls for the entry that came of it ("Bring to a colleague"). */
  entryActions?: EntryActions;
}

/** What became of a source that was filed: the rep's own state, or who on the team filed it.
 * (Controls that follow a filing — "Bring to a colleague", Follow — go beside this.) */
export function FiledState({ mine, team, online, now, me = null, entryActions }: Props) {
  if (mine) {
    const { text, tone } = filedStateText(mine, now, online);
    return (
      <>
        <p class={tone === 'problem' ? 'hc-error' : tone === 'done' ? 'hc-filed' : 'hc-filed hc-filed--waiting'} role="status">
          {text}
        </p>
        {/* Right after filing: bring it to a colleague (For you) once it is on the server. */}
        {mine.status === 'sent'
          ? entryActions?.({ id: mine.result?.id ?? mine.id, title: mine.capture.title, authorId: me, authorName: null, filing: true })
          : null}
      </>
    );
  }
  if (!team) return null;
  return (
    <>
      <p class="hc-filed">
        Filed by {me && team.author_id === me ? 'you' : (team.author_display_name ?? 'a colleague')} on{' '}
        {formatWhen(typeof team.created_at === 'string' ? team.created_at : team.occurred_at)}
      </p>
      {entryActions?.({
        id: team.id,
        title: team.title,
        authorId: typeof team.author_id === 'string' ? team.author_id : null,
        authorName: team.author_display_name ?? null,
        filing: true,
      })}
    </>
  );
}
