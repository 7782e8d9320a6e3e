import type { ThankYou } from '../utils/messages';
import { ThanksButton } from './ThanksButton';
import { ThanksReceived } from './ThanksReceived';

/** What goes under an entry about thanks: on a colleague's entry "This helped me", on your
 * own the thank-yous you received, one by one. The page reads the thank-yous and hands them
 * here (entrypoints/sidepanel/EntryControls.tsx). */
export function EntryThanks({ authorId, authorName, userId, rows, busy = false, error = null, onThank, onWithdraw }: {
  /** Unknown authors (an answer without author ids) get no control at all. */
  authorId: string | null | undefined;
  authorName: string | null | undefined;
  /** The signed-in reader; nothing is shown when signed out. */
  userId: string | null | undefined;
  /** The thank-yous of this entry the reader may see; null until they arrive (or when they
   * could not be read: then no control rather than a wrong one). */
  rows: readonly ThankYou[] | null;
  busy?: boolean;
  error?: string | null;
  onThank: (note: string | null) => void;
  onWithdraw: () => void;
}) {
  if (!userId || !authorId || !rows) return null;
  if (authorId === userId) return <ThanksReceived thanks={rows.filter((row) => row.from_user !== userId)} />;
  const mine = rows.find((row) => row.from_user === userId) ?? null;
  return (
    <ThanksButton
      authorName={authorName ?? 'the author'}
      mine={mine}
      busy={busy}
      error={error}
      onThank={onThank}
      onWithdraw={onWithdraw}
    />
  );
}
