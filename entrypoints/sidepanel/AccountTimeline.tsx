import { Timeline } from '../../components/Timeline';
import { loadEntryRevisions } from '../../utils/entry-revisions';
import { useMergeLines } from '../../utils/panel/use-merge-lines';
import { useTimeline } from '../../utils/panel/use-timeline';
import { entryControls } from './EntryControls';

/** The open account's timeline: its pages and merge lines read by the panel's hooks, and the
 * controls under each entry (./EntryControls.tsx). */
export function AccountTimeline({
  accountId,
  currentUserId,
  focusEntryId = null,
  focusRoute = null,
  onChanged,
}: {
  accountId: string;
  currentUserId: string | null;
  focusEntryId?: string | null;
  focusRoute?: { from: string; note: string | null } | null;
  /** A merge shown here was undone: the account view reloads. */
  onChanged?: () => void;
}) {
  return (
    <Timeline
      timeline={useTimeline(accountId, focusEntryId)}
      mergeLines={useMergeLines(accountId, onChanged)}
      currentUserId={currentUserId}
      focusEntryId={focusEntryId}
      focusRoute={focusRoute}
      loadRevisions={loadEntryRevisions}
      entryActions={entryControls(currentUserId)}
    />
  );
}
