import { useEffect, useState } from 'preact/hooks';
import { AccountOverviewPanel } from '../../components/AccountOverviewPanel';
import { KeptAge } from '../../components/KeptAge';
import { keptThenFresh, type Shown } from '../../utils/kept-answer';
import type { AccountOverview } from '../../utils/messages';
import { rememberOpened } from '../../utils/recent-accounts';
import { send } from '../../utils/send';
import { ACCOUNT_PANELS } from './account-panels';
import { AccountTimeline } from './AccountTimeline';
import type { PanelProps } from './types';

/** How often an open account asks again, so a colleague's merge or undo shows without a reload. */
const RECHECK_MS = 10_000;

/** One account: its overview, then its timeline (its first entry in view without scrolling),
 * then the panels other parts add, folded under a summary each. The overview paints at once from the answer kept in this browser, with its age, then the server's. An
 * account merged away answers with the one it leads to now (the background resolves the id):
 * the view shows that one, and shows the asked one again once the merge is undone. */
export function AccountView({ accountId, orgId, userId, focusEntryId, focusRoute, closeAccount }: PanelProps & { accountId: string }) {
  const [overview, setOverview] = useState<Shown<AccountOverview>>({ kind: 'loading' });
  const load = (live: () => boolean = () => true) => {
    setOverview({ kind: 'loading' });
    return keptThenFresh(
      (prefer) => send('account.overview', { accountId, prefer }),
      (shown) => {
        setOverview(shown);
        if (shown.kind === 'ok' && !shown.cachedAt) void rememberOpened({ orgId, accountId: shown.data.account_id, name: shown.data.name });
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
  const shownId = overview.kind === 'ok' ? overview.data.account_id : accountId;
  const reload = async () => {
    const result = await send('account.overview', { accountId });
    if (result.ok) setOverview({ kind: 'ok', data: result.data, cachedAt: result.data.cachedAt ?? null, offline: Boolean(result.data.cachedAt) });
    setRevision((n) => n + 1);
  };
  // Asked again now and then: when the account now leads elsewhere (a colleague merged it) or
  // back (they undid it), the view follows and its parts start over.
  useEffect(() => {
    let live = true;
    const recheck = async () => {
      if (document.visibilityState === 'hidden') return;
      const result = await send('account.overview', { accountId });
      if (!live || !result.ok || result.data.cachedAt) return;
      const moved = result.data.account_id !== shownId;
      setOverview({ kind: 'ok', data: result.data, cachedAt: null, offline: false });
      if (moved) {
        void rememberOpened({ orgId, accountId: result.data.account_id, name: result.data.name });
        setRevision((n) => n + 1);
      }
    };
    const timer = setInterval(() => void recheck(), RECHECK_MS);
    // send() never throws: a failed recheck just leaves the view as it is.
    const onVisibility = () => void recheck();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [accountId, shownId, orgId]);

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
          {ACCOUNT_PANELS.filter((p) => !p.summary).map(({ id, Component }) => (
            <Component
              key={id}
              accountId={shownId}
              orgId={orgId}
              userId={userId}
              overview={overview.data}
              onChanged={() => void reload()}
            />
          ))}
          <AccountTimeline
            key={`${shownId}-${revision}`}
            accountId={shownId}
            currentUserId={userId}
            focusEntryId={focusEntryId}
            focusRoute={focusRoute}
            onChanged={() => void reload()}
          />
          {ACCOUNT_PANELS.filter((p) => p.summary).map(({ id, summary, Component }) => (
            <details key={id} class="hc-fold" data-panel={id}>
              <summary>{summary}</summary>
              <Component
                accountId={shownId}
                orgId={orgId}
                userId={userId}
                overview={overview.data}
                onChanged={() => void reload()}
              />
            </details>
          ))}
        </>
      ) : null}
    </div>
  );
}
