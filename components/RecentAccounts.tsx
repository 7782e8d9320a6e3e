import { formatWhen } from '../utils/format';
import type { RecentAccount } from '../utils/recent-accounts';

/** The accounts opened lately in this browser, newest first, one press away. */
export function RecentAccounts({ accounts, onOpen }: { accounts: RecentAccount[]; onOpen: (accountId: string) => void }) {
  return (
    <section class="hc-recent" aria-labelledby="recent-title">
      <h2 id="recent-title" class="hc-h2">
        Recently opened
      </h2>
      <ul>
        {accounts.map((account) => (
          <li key={account.accountId}>
            <button type="button" class="hc-link" onClick={() => onOpen(account.accountId)}>
              {account.name}
            </button>{' '}
            <span class="hc-muted">{formatWhen(account.openedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
