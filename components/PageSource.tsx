import type { LookupResult, OutboxItem } from '../utils/messages';
import type { SourceItem } from '../utils/panel/types';
import type { EntryActions } from './entry-actions';
import { FiledState } from './FiledState';

interface Props {
  source: SourceItem;
  mine: OutboxItem | undefined;
  team: LookupResult['entries'][number] | undefined;
  /** A problem opening this source's preview, shown next to it. */
  problem: string | null;
  online: boolean;
  now: number;
  /** The signed-in rep, so their own earlier filing reads "Filed by you". */
  me?: string | null;
  onAdd: () => void;
  /** The page's controls for what was filed from it. */
  entryActions?: EntryActions;
}

/** One thing on the page the rep can file: who and when, an excerpt, and its button or state. */
export function PageSource({ source, mine, team, problem, online, now, me = null, onAdd, entryActions }: Props) {
  const filed = Boolean(mine || team);
  const offerButton = !filed || source.repeatable;
  const notice = problem ?? source.notice ?? null;
  return (
    <li class={source.mine ? 'hc-source hc-source--mine' : 'hc-source'} data-source-key={source.key} tabIndex={-1}>
      <div class="hc-source__row">
        <p class="hc-source__label">{source.label}</p>
        {offerButton ? (
          <button
            type="button"
            // A source that cannot be filed as it is (a collapsed message), or the rep's own
            // message, is not offered as prominently as what the customer said.
            class={source.notice || source.mine ? 'hc-secondary' : 'hc-primary'}
            aria-describedby={notice ? `hc-notice-${cssId(source.key)}` : undefined}
            onClick={onAdd}
          >
            {source.actionLabel ?? 'Add to customer record'}
          </button>
        ) : null}
      </div>
      {source.detail ? <p class="hc-muted hc-source__detail">{source.detail}</p> : null}
      {notice ? (
        <p id={`hc-notice-${cssId(source.key)}`} class={problem ? 'hc-error' : 'hc-notice'} role={problem ? 'alert' : undefined}>
          {notice}
        </p>
      ) : null}
      <FiledState mine={mine} team={team} online={online} now={now} me={me} entryActions={entryActions} />
    </li>
  );
}

function cssId(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, '_');
}
