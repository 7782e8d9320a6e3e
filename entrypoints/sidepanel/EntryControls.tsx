// The controls under every entry row the panel and Insights show, bound here to what asks the
// background: the thank-yous through useEntryThanks (utils/thanks.ts) and "Bring to a
// colleague" through the two route handlers (utils/route-actions.ts). Components that list
// entries only call the render function they are handed, so none of them messages.
import { BringToColleague, type RoutingActions } from '../../components/BringToColleague';
import type { EntryActions, EntryRow } from '../../components/entry-actions';
import { EntryThanks } from '../../components/EntryThanks';
import { routeActions } from '../../utils/route-actions';
import { useEntryThanks } from '../../utils/thanks';

/** "This helped me" on a colleague's entry, the thank-yous received on the reader's own. */
export function EntryThanksControl({ entry, userId }: { entry: EntryRow; userId: string | null }) {
  const enabled = !!userId && !!entry.authorId;
  const state = useEntryThanks(entry.id, enabled);
  return (
    <EntryThanks
      authorId={entry.authorId}
      authorName={entry.authorName}
      userId={userId}
      rows={enabled ? state.rows : null}
      busy={state.busy}
      error={state.error}
      onThank={state.thank}
      onWithdraw={state.withdraw}
    />
  );
}

/** What a page hands its entry lists: "Bring to a colleague" on every row, and the thanks
 * under each entry (not under the state of a filing). */
export function entryControls(userId: string | null, routing: RoutingActions = routeActions): EntryActions {
  return (entry) => (
    <>
      <BringToColleague entryId={entry.id} entryTitle={entry.title} actions={routing} />
      {entry.filing ? null : <EntryThanksControl entry={entry} userId={userId} />}
    </>
  );
}
