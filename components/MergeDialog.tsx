import { useEffect, useId, useRef } from 'preact/hooks';
import { undoNote } from '../utils/merge-words';

export interface MergeSide {
  /** "Mia Schmidt", "Acme Robotics GmbH". */
  name: string;
  rows: ReadonlyArray<readonly [string, string]>;
}

interface Props {
  /** 'person' or 'account': how the two records are called in the dialog. */
  noun: 'person' | 'account';
  keep: MergeSide;
  merge: MergeSide;
  /** The question, naming what tells the two apart (utils/merge-words.ts mergeQuestion). */
  question: string;
  /** Offered when the rep may keep the other record instead of the one proposed. */
  onSwap?: () => void;
  /** What moves from the merged record to the kept one. */
  moves: readonly string[];
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

function Side({ heading, side }: { heading: string; side: MergeSide }) {
  const id = useId();
  return (
    <section aria-labelledby={id} class="hc-merge__side">
      <h4 id={id} class="hc-h3">
        {heading}: {side.name}
      </h4>
      <dl>
        {side.rows.map(([label, value]) => (
          <div key={label} class="hc-merge__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Both records side by side and what will move, before anything is merged. Cancel has focus;
 * Escape cancels. */
export function MergeDialog({ noun, keep, merge, question, onSwap, moves, busy = false, error = null, onConfirm, onCancel }: Props) {
  const titleId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      class="hc-merge hc-dialog"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3 id={titleId} class="hc-h3">
        {question}
      </h3>
      <div class="hc-merge__sides">
        <Side heading={noun === 'person' ? 'Merged person' : 'Merged account'} side={merge} />
        <Side heading="Kept" side={keep} />
      </div>
      <p>What moves to {keep.name}:</p>
      <ul aria-label="What will move">
        {moves.map((move) => (
          <li key={move}>{move}</li>
        ))}
      </ul>
      <p class="hc-muted">
        Nothing {keep.name} already has is overwritten. Everyone in the organization sees this merge in the
        account’s timeline.
      </p>
      <p>{undoNote()}</p>
      {error ? (
        <p role="alert" class="hc-error">
          {error}
        </p>
      ) : null}
      <div class="hc-row">
        <button type="button" ref={cancel} onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        {onSwap ? (
          <button type="button" onClick={onSwap} disabled={busy}>
            Keep the other one instead
          </button>
        ) : null}
        <button type="button" class="hc-primary" onClick={onConfirm} disabled={busy}>
          {busy ? 'Merging…' : 'Merge'}
        </button>
      </div>
    </div>
  );
}
