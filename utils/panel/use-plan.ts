// An account's plan for the panel: loads it, and answers PlanView's and PromiseForm's events
// by asking the background, then reads the plan again so every change shows as the server
// has it.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PlanItem, Result } from '../messages';
import type { NewPlanItem, PlanActions } from '../plan-actions';
import { send } from '../send';
import { customerCopy } from '../plans/customer-copy';

export type PlanLoad = { kind: 'loading' } | { kind: 'ok'; items: PlanItem[] } | { kind: 'error'; message: string };

export interface PlanModel {
  load: PlanLoad;
  actions: PlanActions;
  /** "Add as a promise". `id` is made once when the form opens, so a second press after a lost
   * answer adds nothing new; `sourceInteractionId` is the entry the words came from. */
  add: (id: string, item: NewPlanItem, sourceInteractionId?: string | null) => Promise<Result<unknown>>;
  reload: () => void;
}

async function copy(text: string): Promise<Result<unknown>> {
  if (!text) return { ok: false, error: 'Nothing is promised yet, either way.' };
  try {
    await navigator.clipboard.writeText(text);
    return { ok: true, data: {} };
  } catch {
    return { ok: false, error: 'The browser did not let Highcard use the clipboard; select the plan’s text and copy it instead.' };
  }
}

export function usePlan(accountId: string | null): PlanModel {
  const [load, setLoad] = useState<PlanLoad>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);

  useEffect(() => {
    if (!accountId) return;
    let live = true;
    void send('plan.list', { accountId }).then((result) => {
      if (!live) return;
      setLoad(result.ok ? { kind: 'ok', items: result.data.items } : { kind: 'error', message: result.error });
    });
    return () => {
      live = false;
    };
  }, [accountId, round]);

  /** Runs a change, then reads the plan again when it went through. */
  const then = async (change: Promise<Result<unknown>>): Promise<Result<unknown>> => {
    const result = await change;
    if (result.ok) reload();
    return result;
  };

  const actions: PlanActions = {
    edit: (id, change) =>
      then(
        send('plan.edit', {
          id,
          body: change.body,
          dueOn: change.due_on,
          contactId: change.contact_id,
          clearDueOn: change.due_on === null,
          clearContactId: change.contact_id === null,
        }),
      ),
    withdraw: (id) => then(send('plan.withdraw', { id })),
    settle: (id, settlement) => then(send('plan.settle', { id, outcome: settlement.outcome, note: settlement.note })),
    reopen: (id) => then(send('plan.reopen', { id })),
    take: (id) => then(send('plan.take', { id })),
    release: (id) => then(send('plan.release', { id })),
    revisions: (id) => send('plan.revisions', { id }),
    copyForCustomer: () => copy(load.kind === 'ok' ? customerCopy(load.items, navigator.language) : ''),
  };

  const add = (id: string, item: NewPlanItem, sourceInteractionId: string | null = null) =>
    accountId
      ? then(
          send('plan.add', {
            id,
            accountId,
            kind: item.kind,
            side: item.side,
            body: item.body,
            dueOn: item.due_on,
            contactId: item.contact_id,
            take: item.take,
            sourceInteractionId,
          }),
        )
      : Promise.resolve<Result<unknown>>({ ok: false, error: 'Choose the account first.' });

  return { load, actions, add, reload };
}
