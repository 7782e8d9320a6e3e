import { useEffect, useId, useState } from 'preact/hooks';
import { formatDay, localDay } from '../../utils/due-dates';
import { count } from '../../utils/insights';
import type { OverdueAccountsAnswer } from '../../utils/messages';
import type { OverdueAccount } from '../../utils/plans/overdue';
import { send } from '../../utils/send';
import { useOpenInPanel, type OpenInPanel } from './open-in-panel';

type Load = { kind: 'loading' } | { kind: 'ok'; data: OverdueAccountsAnswer } | { kind: 'error'; message: string };

/** Insights' promises past their date, by account and never by person: the accounts waiting
 * on us, and those whose promises to us are late. The same rows as docs/managers.md's SQL.
 * Each account's name opens it in the side panel. */
export function OverdueAccounts({ orgId }: { orgId: string }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const panel = useOpenInPanel(orgId);
  const ids = useId();
  const fetch = async () => {
    setLoad({ kind: 'loading' });
    const result = await send('plan.overdueAccounts', { today: localDay() });
    setLoad(result.ok ? { kind: 'ok', data: result.data } : { kind: 'error', message: result.error });
  };
  useEffect(() => void fetch(), []);

  return (
    <section class="hc-insights__overdue" aria-labelledby={`${ids}-overdue`}>
      <h2 id={`${ids}-overdue`} class="hc-h2">
        Promises past their date
      </h2>
      <p class="hc-muted">Open steps of the accounts’ plans whose due date has passed, by account. Nobody is named or counted here.</p>
      {load.kind === 'loading' ? <p role="status">Loading promises…</p> : null}
      {load.kind === 'error' ? (
        <div role="alert" class="hc-error">
          <p>Promises past their date could not be loaded: {load.message}</p>
          <button type="button" onClick={() => void fetch()}>
            Try again
          </button>
        </div>
      ) : null}
      {panel.byHand ? (
        <p role="status" class="hc-banner">
          Open Highcard’s side panel to see {panel.byHand}.
        </p>
      ) : null}
      {load.kind === 'ok' ? (
        <>
          <OverdueTable
            title="Accounts waiting on us"
            accounts={load.data.ours}
            stepWords={['step of ours', 'steps of ours']}
            empty="Nothing overdue — no account waits on us."
            panel={panel}
          />
          <OverdueTable
            title="Accounts whose promises to us are overdue"
            accounts={load.data.theirs}
            stepWords={['promise to us', 'promises to us']}
            empty="Nothing overdue — no customer’s promise to us is past its date."
            panel={panel}
          />
          {load.data.capped ? (
            <p class="hc-muted">Only the 500 oldest overdue steps are counted here; there are more.</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function OverdueTable({
  title,
  accounts,
  stepWords,
  empty,
  panel,
}: {
  title: string;
  accounts: OverdueAccount[];
  stepWords: [string, string];
  empty: string;
  panel: OpenInPanel;
}) {
  const id = useId();
  return (
    <div class="hc-overdue">
      <h3 id={id} class="hc-h3">
        {title}
      </h3>
      {accounts.length ? (
        <table class="hc-signal-table" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Overdue</th>
              <th scope="col">Oldest due date</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.account_id}>
                <th scope="row">
                  <button
                    type="button"
                    class="hc-link"
                    title="Open in Highcard’s side panel"
                    onClick={() => panel.open(account)}
                  >
                    {account.account_name}
                  </button>
                </th>
                <td>{count(account.overdue_steps, stepWords[0], stepWords[1])}</td>
                <td>
                  <time dateTime={account.oldest_due_on}>{formatDay(account.oldest_due_on)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="hc-empty">{empty}</p>
      )}
    </div>
  );
}
