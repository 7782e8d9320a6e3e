import { useState } from 'preact/hooks';
import type { AccountHit, AccountOverview } from '../utils/messages';
import { MergeDialog } from './MergeDialog';

interface Props {
  /** The account open in the popup: the one kept. */
  account: AccountOverview;
  /** Accounts found for the rep's search (this one left out by the caller or here). */
  hits: readonly AccountHit[];
  /** The account chosen to merge into this one, once loaded. */
  other: AccountOverview | null;
  busy?: boolean;
  error?: string | null;
  onSearch: (query: string) => void;
  onChoose: (accountId: string | null) => void;
  onMerge: (mergeId: string) => void;
}

function rows(account: AccountOverview): Array<[string, string]> {
  return [
    ['Domains', account.domains.join(', ') || '—'],
    ['People known', String(account.contact_count)],
    ['Last heard from', account.last_activity_at ? new Date(account.last_activity_at).toLocaleDateString() : '—'],
  ];
}

/** "Merge with another account…": find the other account, see both side by side and what will
 * move, then merge it into this one. (To keep the other one, merge from its own view.) */
export function AccountMerge({ account, hits, other, busy = false, error = null, onSearch, onChoose, onMerge }: Props) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Merge with another account…
      </button>
    );
  }
  if (other) {
    return (
      <MergeDialog
        noun="account"
        keep={{ name: account.name, rows: rows(account) }}
        merge={{ name: other.name, rows: rows(other) }}
        moves={[
          ...other.domains.map((domain) => `The domain ${domain}`),
          `The ${other.contact_count === 1 ? 'person' : `${other.contact_count} people`} known at ${other.name}`,
          `Every entry about ${other.name}, with its author and earlier versions`,
          `Filings under the name ${other.name}`,
        ]}
        busy={busy}
        error={error}
        onCancel={() => onChoose(null)}
        onConfirm={() => onMerge(other.account_id)}
      />
    );
  }
  const found = hits.filter((hit) => hit.account_id !== account.account_id);
  return (
    <div class="hc-account-merge">
      <form
        role="search"
        class="hc-row"
        onSubmit={(event) => {
          event.preventDefault();
          const query = new FormData(event.currentTarget).get('query');
          if (typeof query === 'string' && query.trim()) onSearch(query.trim());
        }}
      >
        <label>
          Merge into {account.name}: <input name="query" type="search" autoComplete="off" />
        </label>
        <button type="submit">Find</button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </form>
      {found.length ? (
        <ul aria-label="Accounts found">
          {found.map((hit) => (
            <li key={hit.account_id}>
              <button type="button" onClick={() => onChoose(hit.account_id)}>
                {hit.name}
                {hit.domains.length ? ` · ${hit.domains.join(', ')}` : ''}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p role="alert" class="hc-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
