import { useState } from 'preact/hooks';
import type { OutboxItem } from '../utils/messages';
import type { ContextState } from '../utils/panel/use-team-context';
import { errorForRep, justFiledMeta, offlineLine } from '../utils/panel/states';
import { newestEntry, summarize } from '../utils/panel/summary';
import type { EntryActions } from './entry-actions';
import { EntryList } from './EntryList';
import { FollowButton } from './FollowButton';
import { LatestEntry } from './LatestEntry';
import type { FollowModel } from '../utils/panel/use-for-you';

interface Props {
  state: ContextState;
  /** What the empty state names: "acme-robotics.example", "Mia Schmidt". */
  subject: string;
  /** The rep: left out of "Ask", which names colleagues to talk to. */
  me: string | null;
  /** What the rep just filed about them, shown at once with its state. */
  justFiled: readonly OutboxItem[];
  online: boolean;
  /** Items not yet sent, for the offline line. */
  unsent: number;
  now: number;
  onLookup: () => void;
  /** Follow the account (For you); null when no single account matched. */
  follow?: FollowModel | null;
  /** The page's controls under each of the team's entries. */
  entryActions?: EntryActions;
}

/** "What the team knows": one line that expands to the account, contacts, who to ask and the
 * latest entries, and the newest entry itself under it, so it is read before replying.
 * (M's "Is this … ?" question and a Follow control go under them.) */
export function TeamContext({ state, subject, me, justFiled, online, unsent, now, onLookup, follow = null, entryActions }: Props) {
  const [open, setOpen] = useState(false);
  const offline = !online ? <p class="hc-notice" role="status">{offlineLine(unsent)}</p> : null;
  const filed = justFiled.length ? (
    <ul class="hc-entries" aria-label="Just filed by you">
      {justFiled.map((item) => (
        <li key={item.id} class="hc-entry hc-entry--mine">
          <p class="hc-entry__title">{item.capture.title}</p>
          <p class="hc-entry__meta">{justFiledMeta(item, now, online)}</p>
        </li>
      ))}
    </ul>
  ) : null;

  if (state.status === 'idle') {
    return (
      <>
        {offline}
        <button type="button" onClick={onLookup}>
          Look up {subject}
        </button>
        {filed}
      </>
    );
  }
  if (state.status === 'loading') {
    return (
      <>
        {offline}
        <p class="hc-muted" role="status">
          Looking up {subject}…
        </p>
        {filed}
      </>
    );
  }
  if (state.status === 'error') {
    return (
      <div>
        {offline ?? (
          <p role="alert" class="hc-error">
            {errorForRep(state.message, online, state.kind)}
          </p>
        )}
        <button type="button" onClick={onLookup}>
          Try again
        </button>
        {filed}
      </div>
    );
  }

  const { result } = state;
  const summary = summarize(result, me);
  const colleagues = summary.ask;
  const newest = newestEntry(result);
  return (
    <div aria-busy={state.refreshing}>
      {offline}
      {summary.empty ? (
        <p>Nobody has filed anything about {subject} yet.</p>
      ) : (
        <div class="hc-summary">
          <p class="hc-summary__line">
            {summary.name ? <strong>{summary.name}</strong> : null}
            {summary.entries ? ` · ${summary.entries}` : ''}
            {colleagues.length ? ` · Ask ${colleagues[0]}${askOthers(colleagues.length - 1, summary.askMore)}` : ''}
          </p>
          <button type="button" class="hc-link" aria-expanded={open} onClick={() => setOpen(!open)}>
            Details
          </button>
        </div>
      )}
      {newest && !open ? <LatestEntry key={newest.id} entry={newest} entryActions={entryActions} /> : null}
      {follow ? <FollowButton accountName={follow.accountName} following={follow.following} onChange={follow.onChange} /> : null}
      {state.refreshing ? (
        <p class="hc-muted" role="status">
          Updating…
        </p>
      ) : null}
      {filed}
      {open && !summary.empty ? (
        <div class="hc-context-details">
          {result.accounts.length ? (
            <p>
              <strong>Account:</strong> {result.accounts.map((a) => a.name).join(', ')}
            </p>
          ) : null}
          {result.contacts.length ? (
            <p>
              <strong>Known contacts:</strong>{' '}
              {result.contacts
                .map((c) => [c.full_name, typeof c.title === 'string' ? c.title : null].filter(Boolean).join(', '))
                .join('; ')}
            </p>
          ) : null}
          {colleagues.length ? (
            <p>
              <strong>Ask:</strong> {colleagues.join(', ')}
              {summary.askMore ? <span class="hc-muted"> (who filed most recently; others may have filed before them)</span> : null}
            </p>
          ) : null}
          {result.entries.length ? <EntryList entries={result.entries} entryActions={entryActions} /> : null}
        </div>
      ) : null}
    </div>
  );
}

/** " +2" after the first colleague; " +19 or more" when the lookup named only the most recent. */
function askOthers(others: number, more: boolean): string {
  if (more) return ` +${others} or more`;
  return others > 0 ? ` +${others}` : '';
}
