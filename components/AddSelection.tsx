/** Under a thread's messages: file only the part of a message the rep selected. */
export function AddSelection({ onAdd }: { onAdd: () => void }) {
  return (
    <p class="hc-add-selection hc-muted">
      Only part of a message matters? Select it, then{' '}
      <button type="button" onClick={onAdd}>
        Add selection
      </button>
    </p>
  );
}
