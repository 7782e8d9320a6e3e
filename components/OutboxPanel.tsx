import { useEffect, useRef, useState } from "preact/hooks";
import { formatWhen } from "../utils/format";
import type { OutboxPanelData } from "../utils/panel/use-outbox-panel";
import { ConfirmDialog } from "./ConfirmDialog";
import { EntryTextForm } from "./EntryTextForm";
import { OUTBOX_STATUS_LABELS } from "./labels";
import { RefusedPromises } from "./RefusedPromises";
import { UnownedQuestion } from "./UnownedQuestion";
import { handled } from "../utils/handled";
import { othersWaitingLine } from "../utils/panel/states";

/** Items filed in this browser and not yet sent (pact rule 7): what waits, and why; the ones
 * the server refused can be corrected, retried or discarded. Below, promises refused after
 * the message they came with was filed. Only the reader's own items are listed; another
 * person's are one line of counts (pact rule 4: they are theirs to send). */
export function OutboxPanel({
  items,
  error,
  problem,
  others,
  unowned,
  busy,
  update,
  retry,
  discard,
  decideUnowned,
}: OutboxPanelData) {
  const [editing, setEditing] = useState<string | null>(null);
  const [discarding, setDiscarding] = useState<string | null>(null);
  // Once the question about unowned items is answered it goes, and the button that had the
  // keyboard with it: the line saying what happened takes the keyboard instead, and is heard.
  const [outcome, setOutcome] = useState<string | null>(null);
  const outcomeLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (outcome) outcomeLine.current?.focus();
  }, [outcome]);
  // The outcome says what the background did, not what this panel counted: another panel may
  // have answered for the same items first.
  const decide = async (choice: "send" | "discard") => {
    const answer = await decideUnowned(choice);
    if ("error" in answer) return;
    const { count } = answer;
    const items = count === 1 ? "1 item" : `${count} items`;
    if (!count)
      setOutcome("Nothing changed: these items were already answered for");
    else
      setOutcome(
        choice === "send"
          ? `${items} will be sent as yours`
          : `${items} discarded`,
      );
  };

  const unsent = (items ?? []).filter((item) => item.status !== "sent");
  const refused = (
    <RefusedPromises
      items={items ?? []}
      busy={busy}
      dismiss={(id) => void discard(id)}
    />
  );
  const othersLine = othersWaitingLine(others);
  if (items && !unsent.length && !error && !othersLine && !unowned && !outcome)
    return refused;

  return (
    <>
      <section aria-labelledby="outbox-title" class="hc-outbox">
        <h2 id="outbox-title" class="hc-h2">
          Not yet sent
        </h2>
        <p
          ref={outcomeLine}
          tabIndex={-1}
          role="status"
          aria-live="polite"
          class="hc-muted hc-outbox__outcome"
        >
          {outcome}
        </p>
        {items === null && !error ? <p role="status">Loading…</p> : null}
        {error ? (
          <p role="alert" class="hc-error">
            {error}
          </p>
        ) : null}
        {othersLine ? (
          <p role="status" class="hc-muted">
            {othersLine}
          </p>
        ) : null}
        {unowned ? (
          <UnownedQuestion
            count={unowned}
            busy={busy}
            onSend={() => void decide("send")}
            onDiscard={() => void decide("discard")}
          />
        ) : null}
        {problem && unsent.length ? (
          <p role="status" class="hc-muted">
            {problem.message} Nothing is lost: it tries again at the next
            chance.
          </p>
        ) : null}
        <ul class="hc-entries">
          {unsent.map((item) => (
            <li key={item.id} class="hc-entry">
              <article aria-label={item.capture.title}>
                <h3 class="hc-entry__title">{item.capture.title}</h3>
                <p class="hc-entry__meta">
                  {OUTBOX_STATUS_LABELS[item.status]} · filed{" "}
                  {formatWhen(new Date(item.createdAt).toISOString(), true)}
                </p>
                {item.error ? (
                  <p
                    class={
                      item.status === "needs_attention"
                        ? "hc-error"
                        : "hc-muted"
                    }
                  >
                    {item.error}
                  </p>
                ) : null}
                {editing === item.id ? (
                  <EntryTextForm
                    initial={item.capture}
                    submitLabel="Save and send"
                    onCancel={() => setEditing(null)}
                    onSubmit={async (text) => {
                      const problem = await update(item.id, {
                        ...item.capture,
                        ...text,
                      });
                      if (!problem) setEditing(null);
                      return problem;
                    }}
                  />
                ) : discarding === item.id ? (
                  <ConfirmDialog
                    title="Discard this item?"
                    message="It has not been filed, and nothing of it will be kept."
                    confirmLabel="Discard"
                    busy={busy}
                    onCancel={() => setDiscarding(null)}
                    onConfirm={handled(async () => {
                      await discard(item.id);
                      setDiscarding(null);
                    })}
                  />
                ) : (
                  <div class="hc-row">
                    {item.status === "needs_attention" ? (
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => setEditing(item.id)}
                      >
                        Edit
                      </button>
                    ) : null}
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => void retry(item.id)}
                    >
                      Retry now
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => setDiscarding(item.id)}
                    >
                      Discard
                    </button>
                  </div>
                )}
              </article>
            </li>
          ))}
        </ul>
      </section>
      {refused}
    </>
  );
}
