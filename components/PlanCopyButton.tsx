import { useState } from 'preact/hooks';
import type { Result } from '../utils/messages';
import { useAction } from './use-action';

/** "Copy for the customer": the open promises, both ways, as text the rep pastes into a reply. */
export function PlanCopyButton({ copy }: { copy: () => Promise<Result<unknown>> }) {
  const { busy, error, run } = useAction();
  const [copied, setCopied] = useState(false);
  return (
    <div class="hc-row">
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setCopied(false);
          void run(copy).then(setCopied);
        }}
      >
        Copy for the customer
      </button>
      {copied ? (
        <span role="status" class="hc-muted">
          Copied: paste it into your reply and change what you like.
        </span>
      ) : null}
      {error ? (
        <span role="alert" class="hc-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
