import type { LookupResult, OutboxItem } from '../utils/messages';
import { formatWhen } from '../utils/format';
import { filedStateText } from '../utils/panel/states';
import { BringToColleague } from './BringToColleague';

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
}

/** What became of a source that was filed: the rep's own state, or who on the team filed it.
 * (Controls that follow a filing — "Bring to a colleague", Follow — go beside this.) */
export function FiledState({ mine, team, online, now, me = null }: Props) {
  if (mine) {
    const { text, tone } = filedStateText(mine, now, online);
    return (
      <>
        <p class={tone === 'problem' ? 'hc-error' : tone === 'done' ? 'hc-filed' : 'hc-filed hc-filed--waiting'} role="status">
          {text}
        </p>
        {/* Right after filing: bring it to a colleague (For you) once it is on the server. */}
        {mine.status === 'sent' ? <BringToColleague entryId={mine.result?.id ?? mine.id} entryTitle={mine.capture.title} /> : null}
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
      <BringToColleague entryId={team.id} entryTitle={team.title} />
    </>
  );
}
