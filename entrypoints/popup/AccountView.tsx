import { useEffect, useState } from 'preact/hooks';
import { AccountOverviewPanel } from '../../components/AccountOverviewPanel';
import { KeptAge } from '../../components/KeptAge';
import { Timeline } from '../../components/Timeline';
import { keptThenFresh, type Shown } from '../../utils/kept-answer';
import type { AccountOverview } from '../../utils/messages';
import { rememberOpened } from '../../utils/recent-accounts';
import { send } from '../../utils/send';
import { ACCOUNT_PANELS } from './account-panels';
import type { PopupTabProps } from './types';

/** One account: its overview, the panels other parts add, and its timeline. The overview
 * paints at once from the answer kept in this browser, with its age, then the server's. */
export function AccountView({ accountId, orgId, userId, focusEntryId, closeAccount }: PopupTabProps & { accountId: string }) {
  const [overview, setOverview] = useState<Shown<AccountOverview>>({ kind: 'loading' });
  const load = (live: () => boolean = () => true) => {
    setOverview({ kind: 'loading' });
    return keptThenFresh(
      (prefer) => send('account.overview', { accountId, prefer }),
      (shown) => {
        setOverview(shown);
        if (shown.kind === 'ok' && !shown.cachedAt) void rememberOpened({ orgId, accountId, name: shown.data.name });
      },
      live,
    );
  };
  useEffect(() => {
    let live = true;
    void load(() => live);
    return () => {
      live = false;
    };
  }, [accountId]);
  // A panel changed the account (a merge): fetch the overview again without blanking the view,
  // and start the timeline over.
  const [revision, setRevision] = useState(0);
  const reload = async () => {
    const result = await send('account.overview', { accountId });
    if (result.ok) setOverview({ kind: 'ok', data: result.data, cachedAt: result.data.cachedAt ?? null, offline: Boolean(result.data.cachedAt) });
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
          <KeptAge cachedAt={overview.cachedAt} offline={overview.offline} />
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
