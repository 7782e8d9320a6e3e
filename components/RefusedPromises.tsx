import type { OutboxItem } from "../utils/messages";

/** Promises read from a filed message that the server refused once the message was filed: the
 * promise's words and the server's are kept here, so nothing the rep wrote is lost quietly. */
export function RefusedPromises({
  items,
  busy,
  dismiss,
}: {
  items: readonly OutboxItem[];
  busy: boolean;
  dismiss: (id: string) => void;
}) {
  const refused = items.filter((item) => item.promise?.state === "refused");
  if (!refused.length) return null;
  return (
    <section aria-labelledby="refused-promises-title" class="hc-outbox">
      <h2 id="refused-promises-title" class="hc-h2">
        Promises not added
      </h2>
      <ul class="hc-entries">
        {refused.map((item) => (
          <li key={item.id} class="hc-entry">
            <article aria-label={item.promise!.item.body}>
              <p class="hc-plan-words__quote">“{item.promise!.item.body}”</p>
              <p class="hc-entry__meta">
                The message “{item.capture.title}” is filed; the promise read
                from it was not added to the plan.
              </p>
              {item.promise!.error ? (
                <p class="hc-error">{item.promise!.error}</p>
              ) : null}
              <button
                type="button"
                disabled={busy}
                onClick={() => dismiss(item.id)}
              >
                Dismiss
              </button>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
