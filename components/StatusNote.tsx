export type Note = { kind: 'ok' | 'error'; text: string };

/** The outcome of an action, placed right next to the control it is about. The live region
 * is always there so screen readers hear the note when it appears. */
export function StatusNote({ note }: { note: Note | null }) {
  return (
    <div aria-live="polite" class="hc-status-note">
      {note ? (
        <p role={note.kind === 'error' ? 'alert' : 'status'} class={note.kind === 'error' ? 'hc-error' : 'hc-ok'}>
          {note.text}
        </p>
      ) : null}
    </div>
  );
}
