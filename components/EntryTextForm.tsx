import { useId, useState } from 'preact/hooks';
import { LIMITS, SIGNALS, type Signal } from '../utils/vocabulary';
import { SignalChips } from './SignalChips';
import { handled } from '../utils/handled';

export interface EntryText {
  title: string;
  body: string;
  signals: Signal[];
}

interface Props {
  initial: { title: string; body: string; signals: readonly string[] };
  submitLabel: string;
  /** Resolves to null when saved, or to the error to show. */
  onSubmit: (text: EntryText) => Promise<string | null>;
  onCancel: () => void;
  /** Said above the form, e.g. that an edit keeps the old text visible. */
  note?: string;
}

/** Title, body and signals of an entry or an unsent item, edited as plain text. */
export function EntryTextForm({ initial, submitLabel, onSubmit, onCancel, note }: Props) {
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const [signals, setSignals] = useState<Signal[]>(
    initial.signals.filter((s): s is Signal => (SIGNALS as readonly string[]).includes(s)),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteId = useId();

  return (
    <form
      class="hc-form"
      aria-describedby={note ? noteId : undefined}
      onSubmit={handled(async (event) => {
        event.preventDefault();
        if (!title.trim()) {
          setError('Give the entry a title.');
          return;
        }
        setBusy(true);
        setError(null);
        const problem = await onSubmit({ title: title.trim(), body, signals });
        setBusy(false);
        setError(problem);
      })}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      {note ? (
        <p id={noteId} class="hc-muted">
          {note}
        </p>
      ) : null}
      <label>
        Title
        <input required maxLength={LIMITS.title} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        Text
        <textarea rows={5} maxLength={LIMITS.body} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      <SignalChips selected={signals} onChange={setSignals} />
      {error ? (
        <p role="alert" class="hc-error">
          {error}
        </p>
      ) : null}
      <div class="hc-row">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
