import { useEffect, useState } from 'preact/hooks';
import { AccountOverviewPanel } from '../../components/AccountOverviewPanel';
import { Timeline } from '../../components/Timeline';
import type { AccountOverview } from '../../utils/messages';
import { rememberOpened } from '../../utils/recent-accounts';
import { send } from '../../utils/send';
import { ACCOUNT_PANELS } from './account-panels';
import type { PopupTabProps } from './types';

type Load<T> = { kind: 'loading' } | { kind: 'ok'; data: T } | { kind: 'error'; message: string };

/** One account: its overview, the panels other parts add, and its timeline. */
export function AccountView({ accountId, orgId, userId, focusEntryId, closeAccount }: PopupTabProps & { accountId: string }) {
  const [overview, setOverview] = useState<Load<AccountOverview>>({ kind: 'loading' });
  const load = async () => {
    setOverview({ kind: 'loading' });
    const result = await send('account.overview', { accountId });
    setOverview(result.ok ? { kind: 'ok', data: result.data } : { kind: 'error', message: result.error });
    if (result.ok) void rememberOpened({ orgId, accountId, name: result.data.name });
  };
  useEffect(() => void load(), [accountId]);
  // A panel changed the account (a merge): fetch the overview again without blanking the view,
  // and start the timeline over.
  const [revision, setRevision] = useState(0);
  const reload = async () => {
    const result = await send('account.overview', { accountId });
    if (result.ok) setOverview({ kind: 'ok', data: result.data });
    setRevision((n) => n + 1);
  };

  return (
    <div class="hc-account">
      <button type="button" class="hc-link" onClick={closeAccount}>
        ← Search accounts
      </button>
      {overview.kind === 'loading' ? <p role="status">Loading the account…</p> : null}
      {overview.kind === 'error' ? (
        <div role="alert" class="hc-state">
          <p>{overview.message}</p>
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : null}
      {overview.kind === 'ok' ? (
        <>
          <AccountOverviewPanel overview={overview.data} />
          {ACCOUNT_PANELS.map(({ id, Component }) => (
            <Component
              key={id}
              accountId={accountId}
              orgId={orgId}
              userId={userId}
              overview={overview.data}
              onChanged={() => void reload()}
            />
          ))}
          <Timeline key={revision} accountId={accountId} currentUserId={userId} focusEntryId={focusEntryId} />
        </>
      ) : null}
    </div>
  );
}
