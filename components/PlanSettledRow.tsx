import { useId } from 'preact/hooks';
import { formatWhen } from '../utils/format';
import type { PlanItem } from '../utils/messages';
import type { PlanActions } from '../utils/plan-actions';
import { PLAN_KIND_LABELS, PLAN_OUTCOME_LABELS, PLAN_SIDE_LABELS } from './labels';
import { PlanWords } from './PlanWords';
import { useAction } from './use-action';

/** A settled item: how it ended, and Reopen for whoever settled it or wrote it. */
export function PlanSettledRow({ item, actions }: { item: PlanItem; actions: PlanActions }) {
  const bodyId = useId();
  const { busy, error, run } = useAction();
  const what = item.kind === 'step' && item.side ? PLAN_SIDE_LABELS[item.side] : PLAN_KIND_LABELS[item.kind];
  const ended = item.outcome ? PLAN_OUTCOME_LABELS[item.outcome] : 'Settled';
  return (
    <li class="hc-plan-item hc-plan-item--settled" aria-labelledby={bodyId}>
      <p class="hc-muted">{what}</p>
      <p id={bodyId} class="hc-plan-item__body">
        {item.body}
      </p>
      <p>
        <strong>{ended}</strong>
        {item.settled_at ? <span class="hc-muted"> on {formatWhen(item.settled_at)}</span> : null}
        {item.settled_note ? <> — {item.settled_note}</> : null}
      </p>
      <PlanWords excerpt={item.source_excerpt} />
      {item.settled_by_me || item.written_by_me ? (
        <button type="button" aria-describedby={bodyId} disabled={busy} onClick={() => void run(() => actions.reopen(item.id))}>
          Reopen
        </button>
      ) : null}
      {error ? (
        <p role="alert" class="hc-error">
          {error}
        </p>
      ) : null}
    </li>
  );
}
