import { useId, useState } from 'preact/hooks';
import { THANKS_NOTE_MAX } from '../utils/coaching';

interface Props {
  /** The author's name, to address the note ("Note to Ben"). */
  authorName: string;
  /** The reader's own thank-you for this entry, or null when they have not said thanks. */
  mine: { note: string | null } | null;
  busy?: boolean;
  /** The server's words when the last press failed. */
  error?: string | null;
  onThank: (note: string | null) => void;
  onWithdraw: () => void;
}

/** "This helped me" on a colleague's entry (pact rule 10): an optional short note to its
 * author, seen by the two of them only. Once given it stays pressed and says so; pressing
 * it again, or Undo, withdraws it. It shows no number: nobody, not even the author, sees
 * how many people said thanks. Never on your own entry
 * (the caller renders ThanksReceived there instead). */
export function ThanksButton({ authorName, mine, busy = false, error = null, onThank, onWithdraw }: Props) {
  const [writing, setWriting] = useState(false);
  const [note, setNote] = useState('');
  const noteId = useId();

  if (mine) {
    return (
      <div class="hc-thanks hc-thanks--given">
        <button type="button" class="hc-link" aria-pressed="true" disabled={busy} onClick={onWithdraw}>
          This helped me
        </button>
        <span>
          {' '}
          You thanked {authorName}
          {mine.note ? `: “${mine.note}”` : '.'}{' '}
        </span>
        <button type="button" class="hc-link" aria-label={`Undo your thanks to ${authorName}`} disabled={busy} onClick={onWithdraw}>
          Undo
        </button>
        {error ? <p role="alert" class="hc-error">{error}</p> : null}
      </div>
    );
  }

  return (
    <div class="hc-thanks">
      <button type="button" class="hc-link" aria-pressed="false" aria-expanded={writing} disabled={busy} onClick={() => setWriting(!writing)}>
        This helped me
      </button>
      {writing ? (
        <form
          class="hc-form"
          onSubmit={(event) => {
            event.preventDefault();
            const text = note.trim();
            onThank(text ? text : null);
            setWriting(false);
            setNote('');
          }}
        >
          <label for={noteId}>Note to {authorName} (optional)</label>
          <input id={noteId} type="text" maxLength={THANKS_NOTE_MAX} value={note} onInput={(event) => setNote(event.currentTarget.value)} />
          <p class="hc-muted">Only {authorName} and you will see it.</p>
          <div class="hc-row">
            <button type="submit" disabled={busy}>
              Send thanks
            </button>
            <button type="button" onClick={() => setWriting(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {error ? <p role="alert" class="hc-error">{error}</p> : null}
    </div>
  );
}
