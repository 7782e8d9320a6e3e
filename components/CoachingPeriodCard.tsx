import { useId, useState } from 'preact/hooks';
import { COACHING_LIMITS, deletionText, endsText, isOpen, otherPerson, whoSees } from '../utils/coaching';
import { formatWhen } from '../utils/format';
import type { CoachingPeriod } from '../utils/messages';
import { ConfirmDialog } from './ConfirmDialog';
import { handled } from '../utils/handled';

/** Returns the server's words when an action failed, null when it worked. */
export type Act<T extends unknown[]> = (...args: T) => Promise<string | null>;

interface Props {
  period: CoachingPeriod;
  userId: string;
  now?: Date;
  onAddNote: Act<[periodId: string, body: string]>;
  onEditNote: Act<[noteId: string, body: string]>;
  onEnd: Act<[periodId: string]>;
}

/** One coaching period as its manager or employee sees it: who sees it, until when, when it
 * is deleted, and the notes newest first with a text box while it is open. Text only: no
 * ticks, no counts, nothing scored (pact rule 9). */
export function CoachingPeriodCard({ period, userId, now = new Date(), onAddNote, onEditNote, onEnd }: Props) {
  const open = isOpen(period, now);
  const other = otherPerson(period, userId);
  const amManager = period.manager_id === userId;
  const [ending, setEnding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();

  const act = async (action: () => Promise<string | null>): Promise<boolean> => {
    setBusy(true);
    const problem = await action();
    setBusy(false);
    setError(problem);
    return problem === null;
  };
  const nameOf = (authorId: string) => (authorId === userId ? 'You' : other.name);
  const notes = [...period.notes].sort((a, b) => b.created_at.localeCompare(a.created_at));

  return (
    <article class="hc-coaching" aria-labelledby={headingId}>
      <h4 id={headingId}>{amManager ? `Coaching ${other.name}` : `Coaching with ${other.name}`}</h4>
      <p class="hc-coaching__purpose">{period.purpose}</p>
      <p class="hc-muted">{whoSees(period, userId)}</p>
      <p class="hc-muted">
        {endsText(period, now)} {deletionText(period)}
      </p>
      {amManager && open ? (
        ending ? (
          <ConfirmDialog
            title="End this coaching period now?"
            message={`Neither of you can add notes afterwards. You and ${other.name} can still read them until they are deleted.`}
            confirmLabel="End it now"
            busy={busy}
            onCancel={() => setEnding(false)}
            onConfirm={handled(async () => {
              await act(() => onEnd(period.id));
              setEnding(false);
            })}
          />
        ) : (
          <div class="hc-row">
            <button type="button" onClick={() => setEnding(true)}>
              End this period now
            </button>
          </div>
        )
      ) : null}
      {error ? (
        <p role="alert" class="hc-error">
          {error}
        </p>
      ) : null}
      {open ? <NoteForm busy={busy} label={`Write a note for ${other.name}`} onSave={(body) => act(() => onAddNote(period.id, body))} /> : <p class="hc-muted">This period has ended: no more notes can be written.</p>}
      {notes.length ? (
        <ul class="hc-coaching__notes" aria-label="Notes">
          {notes.map((note) => (
            <NoteItem
              key={note.id}
              author={nameOf(note.author_id)}
              note={note}
              editable={open && note.author_id === userId}
              busy={busy}
              onSave={(body) => act(() => onEditNote(note.id, body))}
            />
          ))}
        </ul>
      ) : (
        <p class="hc-empty">No notes yet.</p>
      )}
    </article>
  );
}

function NoteItem({ author, note, editable, busy, onSave }: {
  author: string;
  note: CoachingPeriod['notes'][number];
  editable: boolean;
  busy: boolean;
  onSave: (body: string) => Promise<boolean>;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <li class="hc-coaching__note">
      <p class="hc-muted">
        {author} · <time dateTime={note.created_at}>{formatWhen(note.created_at, true)}</time>
        {note.updated_at !== note.created_at ? ' · edited' : ''}
      </p>
      {editing ? (
        <NoteForm
          busy={busy}
          label="Edit your note"
          initial={note.body}
          submitLabel="Save note"
          onCancel={() => setEditing(false)}
          onSave={async (body) => {
            const saved = await onSave(body);
            if (saved) setEditing(false);
            return saved;
          }}
        />
      ) : (
        <>
          <p class="hc-coaching__body">{note.body}</p>
          {editable ? (
            <button type="button" class="hc-link" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : null}
        </>
      )}
    </li>
  );
}

function NoteForm({ label, initial = '', submitLabel = 'Add note', busy, onSave, onCancel }: {
  label: string;
  initial?: string;
  submitLabel?: string;
  busy: boolean;
  onSave: (body: string) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(initial);
  const fieldId = useId();
  return (
    <form
      class="hc-form"
      onSubmit={handled(async (event) => {
        event.preventDefault();
        if (!body.trim()) return;
        if (await onSave(body.trim())) setBody('');
      })}
    >
      <label for={fieldId}>{label}</label>
      <textarea id={fieldId} rows={4} maxLength={COACHING_LIMITS.note} required value={body} onInput={(event) => setBody(event.currentTarget.value)} />
      <div class="hc-row">
        <button type="submit" disabled={busy || !body.trim()}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
