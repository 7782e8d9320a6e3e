import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  count: number;
  busy: boolean;
  onSend: () => void;
  onDiscard: () => void;
}

/** Items filed in this browser before Highcard recorded who filed them, that nobody could be
 * named for: the person signed in now is asked what to do with them, and the question goes
 * once they answer. Only how many is said (their text may be a colleague's), and nothing is
 * sent as anyone unless that person says the items are theirs. */
export function UnownedQuestion({ count, busy, onSend, onDiscard }: Props) {
  const id = useId();
  const [discarding, setDiscarding] = useState(false);
  // Cancelling the confirmation puts the keyboard back on Discard, not on the page's top.
  const [cancelled, setCancelled] = useState(false);
  const discard = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (cancelled && !discarding) discard.current?.focus();
  }, [cancelled, discarding]);
  const one = count === 1;
  const items = one ? '1 item' : `${count} items`;
  const them = one ? 'it' : 'them';
  return (
    <div class="hc-unowned" role="group" aria-labelledby={id}>
      <p id={id}>
        {items} filed in this browser before an update {one ? 'has' : 'have'} no sender recorded. Send {them} as yours only if you filed{' '}
        {them}; otherwise discard {them}. Until you choose, {one ? 'it stays' : 'they stay'} here and {one ? 'is' : 'are'} not sent.
      </p>
      {discarding ? (
        <ConfirmDialog
          title={`Discard ${items}?`}
          message={`${one ? 'It was' : 'They were'} never sent, and nothing of ${them} will be kept.`}
          confirmLabel="Discard"
          busy={busy}
          onCancel={() => {
            setDiscarding(false);
            setCancelled(true);
          }}
          onConfirm={() => {
            setDiscarding(false);
            onDiscard();
          }}
        />
      ) : (
        <div class="hc-row">
          <button type="button" class="hc-primary" disabled={busy} onClick={onSend}>
            Send as me
          </button>
          <button type="button" ref={discard} disabled={busy} onClick={() => setDiscarding(true)}>
            Discard
          </button>
        </div>
      )}
    </div>
  );
}
