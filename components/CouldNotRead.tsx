interface Props {
  /** Opens the clip window on what the rep selected on the page. */
  onFileSelection: () => void;
  /** Opens the clip window on an empty note. */
  onWriteNote: () => void;
}

/** A page that looks like a thread, profile or conversation but could not be read: said
 * plainly, with the two ways that always work. Never an empty list, never a guessed value. */
export function CouldNotRead({ onFileSelection, onWriteNote }: Props) {
  return (
    <div class="hc-could-not-read" role="status">
      <p>
        <strong>Highcard couldn't read this page.</strong> Its layout may have changed. You can still file what matters:
      </p>
      <p class="hc-muted">Select the customer's words on the page, then choose “File the selection”, or write a note in your own words.</p>
      <div class="hc-row">
        <button type="button" onClick={onFileSelection}>
          File the selection
        </button>
        <button type="button" onClick={onWriteNote}>
          Write a note
        </button>
      </div>
    </div>
  );
}
