import { useEffect, useState } from 'preact/hooks';
import { AccountSearchField } from './AccountSearchField';
import { RecentAccounts } from '../../components/RecentAccounts';
import { livingRecent, recentAccountsItem, recentIn, type RecentAccount } from '../../utils/recent-accounts';
import { send } from '../../utils/send';
import { AccountView } from './AccountView';
import type { PanelProps } from './types';

/** An account, or the way to one: search, and the accounts opened lately in this browser. */
export function AccountsTab(props: PanelProps) {
  const { session, orgId, accountId, openAccount } = props;
  const [recent, setRecent] = useState<RecentAccount[] | null>(null);

  useEffect(() => {
    if (accountId) return;
    let live = true;
    // Asked about before they show: a colleague may have merged one away since it was opened.
    void recentAccountsItem.getValue().then(async (list) => {
      const mine = recentIn(list, orgId);
      const resolved = mine.length
        ? await send('ids.resolve', { accountIds: mine.map((item) => item.accountId), contactIds: [] })
        : null;
      if (live) setRecent(resolved?.ok ? livingRecent(mine, orgId, resolved.data) : mine);
    });
    return () => {
      live = false;
    };
  }, [accountId, orgId]);

  if (accountId) return <AccountView {...props} accountId={accountId} />;
  const org = session.organizations.find((o) => o.org_id === orgId);
  return (
    <>
      {org ? <p class="hc-muted">Searching {org.org_name}’s accounts.</p> : null}
      <AccountSearchField autoFocus onOpen={(hit) => openAccount(hit.account_id)} />
      {recent?.length ? <RecentAccounts accounts={recent} onOpen={openAccount} /> : null}
    </>
  );
}
