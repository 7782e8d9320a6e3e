/** How far an import (or its check) has come, as a progress bar with its numbers. */
export function ImportProgress({ label, done, total }: { label: string; done: number; total: number | null }) {
  return (
    <div class="hc-stack">
      <label>
        {label}…
        <progress
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuenow={done}
          {...(total !== null ? { 'aria-valuemax': total, max: total, value: done } : {})}
        />
      </label>
      <p class="hc-muted" aria-live="polite">
        {total !== null ? `${done.toLocaleString('en')} of ${total.toLocaleString('en')} rows` : `${done.toLocaleString('en')} rows so far`}
      </p>
    </div>
  );
}
