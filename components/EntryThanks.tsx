import { useEntryThanks } from '../utils/thanks';
import { ThanksButton } from './ThanksButton';
import { ThanksReceived } from './ThanksReceived';

/** What goes under an entry about thanks: on a colleague's entry "This helped me", on your
 * own the thank-yous you received, one by one. Drop it into any entry row with the entry's
 * id and author; it fetches with the other entries on screen (utils/thanks.ts). */
export function EntryThanks({ entryId, authorId, authorName, userId }: {
  entryId: string;
  /** Unknown authors (an answer without author ids) get no control at all. */
  authorId: string | null | undefined;
  authorName: string | null | undefined;
  /** The signed-in reader; nothing is shown when signed out. */
  userId: string | null | undefined;
}) {
  const enabled = !!userId && !!authorId;
  const state = useEntryThanks(entryId, enabled);
  if (!enabled || !state.rows) return null;
  if (authorId === userId) return <ThanksReceived thanks={state.rows.filter((row) => row.from_user !== userId)} />;
  const mine = state.rows.find((row) => row.from_user === userId) ?? null;
  return (
    <ThanksButton
      authorName={authorName ?? 'the author'}
      mine={mine}
      busy={state.busy}
      error={state.error}
      onThank={state.thank}
      onWithdraw={state.withdraw}
    />
  );
}

/** On an entry in "What I have shared": the thank-yous it received, each with its sender. */
export function OwnEntryThanks({ entryId }: { entryId: string }) {
  const state = useEntryThanks(entryId);
  return state.rows ? <ThanksReceived thanks={state.rows} /> : null;
}
