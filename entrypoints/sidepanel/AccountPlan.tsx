import { useState } from 'preact/hooks';
import { PlanView } from '../../components/PlanView';
import { PromiseForm } from '../../components/PromiseForm';
import { localDay } from '../../utils/due-dates';
import { useAccountContacts } from '../../utils/panel/use-account-contacts';
import { usePlan } from '../../utils/panel/use-plan';
import type { AccountPanelProps } from './types';

/** The account's plan (pact rule 13), between the overview and the timeline: what the customer
 * wants, what each side promised, and "Add to the plan" for what the rep writes themselves. */
export function AccountPlan({ accountId, overview }: AccountPanelProps) {
  const plan = usePlan(accountId);
  const contacts = useAccountContacts(accountId);
  // The new item's id is made once per form, so pressing again after a lost answer adds it once.
  const [adding, setAdding] = useState<string | null>(null);

  return (
    <section class="hc-section hc-plan-panel" aria-labelledby="account-plan-title">
      <h3 id="account-plan-title" class="hc-h3">
        Plan
      </h3>
      {plan.load.kind === 'loading' ? <p role="status">Loading the plan…</p> : null}
      {plan.load.kind === 'error' ? (
        <div role="alert" class="hc-state">
          <p>{plan.load.message}</p>
          <button type="button" onClick={plan.reload}>
            Try again
          </button>
        </div>
      ) : null}
      {plan.load.kind === 'ok' ? (
        <PlanView accountName={overview.name} items={plan.load.items} contacts={contacts} today={localDay()} actions={plan.actions} />
      ) : null}
      {adding ? (
        <PromiseForm
          key={adding}
          sentence=""
          sideGuess={null}
          dueGuess={null}
          contacts={contacts}
          onCancel={() => setAdding(null)}
          onSubmit={async (item) => {
            const result = await plan.add(adding, item);
            if (result.ok) setAdding(null);
            return result;
          }}
        />
      ) : (
        <button type="button" onClick={() => setAdding(crypto.randomUUID())}>
          Add to the plan
        </button>
      )}
    </section>
  );
}
