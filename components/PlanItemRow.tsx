import { useId, useState } from 'preact/hooks';
import type { PlanItem } from '../utils/messages';
import type { PlanActions, PlanContact } from '../utils/plan-actions';
import { ConfirmDialog } from './ConfirmDialog';
import { DueDate } from './DueDate';
import { PlanEditForm } from './PlanEditForm';
import { PlanRevisions } from './PlanRevisions';
import { PlanSettleForm } from './PlanSettleForm';
import { PlanWords } from './PlanWords';
import { useAction } from './use-action';

type Mode = 'view' | 'edit' | 'settle' | 'withdraw';

/** Who has an 'ours' step. Nobody can be named here but the reader: taking is for yourself. */
function takenWords(item: PlanItem): string | null {
  if (item.kind !== 'step' || item.side !== 'ours') return null;
  if (item.taken_by_me) return 'Taken by you';
  return item.taken_by_display_name ? `Taken by ${item.taken_by_display_name}` : 'Nobody has taken it yet';
}

/** One open item of a plan, with what the reader may do to it. */
export function PlanItemRow({
  item,
  today,
  contacts,
  actions,
}: {
  item: PlanItem;
  today: string;
  contacts: readonly PlanContact[];
  actions: PlanActions;
}) {
  const bodyId = useId();
  const [mode, setMode] = useState<Mode>('view');
  const [history, setHistory] = useState(false);
  const { busy, error, setError, run } = useAction();
  const back = () => {
    setError(null);
    setMode('view');
  };
  const taken = takenWords(item);
  const details = [item.contact_name ? `With ${item.contact_name}` : null, taken].filter(Boolean).join(' · ');

  return (
    <li class="hc-plan-item" aria-labelledby={bodyId}>
      <p id={bodyId} class="hc-plan-item__body">
        {item.body}
      </p>
      {item.kind === 'step' && item.due_on ? (
        <p>
          <DueDate dueOn={item.due_on} today={today} />
        </p>
      ) : null}
      {details ? <p class="hc-muted">{details}</p> : null}
      <PlanWords excerpt={item.source_excerpt} />
      <p class="hc-muted">Written by {item.written_by_me ? 'you' : (item.author_display_name ?? 'a former member')}</p>

      {mode === 'edit' ? (
        <PlanEditForm
          item={item}
          contacts={contacts}
          busy={busy}
          error={error}
          onCancel={back}
          onSave={(change) => void run(() => actions.edit(item.id, change)).then((ok) => ok && setMode('view'))}
        />
      ) : null}
      {mode === 'settle' ? (
        <PlanSettleForm
          itemBody={item.body}
          busy={busy}
          error={error}
          onCancel={back}
          onSettle={(settlement) => void run(() => actions.settle(item.id, settlement)).then((ok) => ok && setMode('view'))}
        />
      ) : null}
      {mode === 'withdraw' ? (
        <ConfirmDialog
          title="Withdraw this item?"
          message="It leaves the plan for everyone. Settle it instead if it was done or dropped."
          confirmLabel="Withdraw"
          busy={busy}
          onCancel={back}
          onConfirm={() => void run(() => actions.withdraw(item.id)).then((ok) => ok && setMode('view'))}
        />
      ) : null}
      {mode === 'view' ? (
        <div class="hc-row hc-plan-item__actions">
          {item.kind === 'step' && item.side === 'ours' && !item.taken_by_display_name && !item.taken_by_me ? (
            <button type="button" aria-describedby={bodyId} disabled={busy} onClick={() => void run(() => actions.take(item.id))}>
              Take it
            </button>
          ) : null}
          {item.taken_by_me ? (
            <button type="button" aria-describedby={bodyId} disabled={busy} onClick={() => void run(() => actions.release(item.id))}>
              Release
            </button>
          ) : null}
          <button type="button" aria-describedby={bodyId} onClick={() => setMode('settle')}>
            Settle
          </button>
          {item.written_by_me ? (
            <>
              <button type="button" aria-describedby={bodyId} onClick={() => setMode('edit')}>
                Edit
              </button>
              <button type="button" class="hc-danger" aria-describedby={bodyId} onClick={() => setMode('withdraw')}>
                Withdraw
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {error && (mode === 'view' || mode === 'withdraw') ? (
        <p role="alert" class="hc-error">
          {error}
        </p>
      ) : null}
      {item.revision_count > 0 ? (
        <>
          <button type="button" class="hc-link" aria-expanded={history} onClick={() => setHistory(!history)}>
            Earlier versions
          </button>
          {history ? <PlanRevisions load={() => actions.revisions(item.id)} /> : null}
        </>
      ) : null}
    </li>
  );
}
