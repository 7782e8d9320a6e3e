import { useState } from 'preact/hooks';
import { formatWhen } from '../utils/format';
import { accountSide, defaultKeep, mergeQuestion } from '../utils/merge-words';
import type { AccountHit, AccountOverview, AccountSize } from '../utils/messages';
import { MergeDialog } from './MergeDialog';

interface Props {
  /** The account open in the panel: the one kept. */
  account: AccountOverview;
  /** Accounts found for the rep's search (this one left out by the caller or here). */
  hits: readonly AccountHit[];
  /** The account chosen to merge into this one, once loaded. */
  other: AccountOverview | null;
  /** Both accounts' entries and age, when the server gave them: they size the question and
   * decide which one is proposed to be kept. */
  sizes?: readonly AccountSize[];
  busy?: boolean;
  error?: string | null;
  onSearch: (query: string) => void;
  onChoose: (accountId: string | null) => void;
  /** Merge `mergeId` into `keepId`: the larger account is proposed, the rep may swap. */
  onMerge: (keepId: string, mergeId: string) => void;
}

const NO_SIZES: readonly AccountSize[] = [];

function rows(account: AccountOverview, size: AccountSize | undefined): Array<[string, string]> {
  return [
    ['Domains', account.domains.join(', ') || '—'],
    ...(size ? [['Entries', String(size.entries)] as [string, string]] : []),
    ['People known', String(account.contact_count)],
    ['Last heard from', formatWhen(account.last_activity_at) || '—'],
  ];
}

/** "Merge with another account…": find the other account, see both side by side and what will
 * move, then merge the smaller into the larger (or the other way round, as the rep chooses). */
export function AccountMerge({ account, hits, other, sizes = NO_SIZES, busy = false, error = null, onSearch, onChoose, onMerge }: Props) {
  const [open, setOpen] = useState(false);
  const [swapped, setSwapped] = useState(false);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Merge with another account…
      </button>
    );
  }
  if (other) {
    // Sized by entries only when both sizes are known: never entries against people.
    const sized = [account, other].every((a) => sizes.some((size) => size.account_id === a.account_id));
    const sizeOf = (a: AccountOverview) => (sized ? sizes.find((size) => size.account_id === a.account_id) : undefined);
    const side = (a: AccountOverview) => accountSide(a, sizeOf(a));
    // The open account is proposed first, so it stays kept when the two are the same size.
    const proposed = defaultKeep(side(account), side(other)).keep.id === account.account_id ? [account, other] : [other, account];
    const [keep, merge] = (swapped ? [proposed[1], proposed[0]] : proposed) as [AccountOverview, AccountOverview];
    return (
      <MergeDialog
        noun="account"
        keep={{ name: keep.name, rows: rows(keep, sizeOf(keep)) }}
        merge={{ name: merge.name, rows: rows(merge, sizeOf(merge)) }}
        question={mergeQuestion(side(keep), side(merge))}
        onSwap={() => setSwapped(!swapped)}
        moves={[
          ...merge.domains.map((domain) => `The domain ${domain}`),
          `The ${merge.contact_count === 1 ? 'person' : `${merge.contact_count} people`} known at ${merge.name}`,
          `Every entry about ${merge.name}, with its author and earlier versions`,
          `Filings under the name ${merge.name}`,
        ]}
        busy={busy}
        error={error}
        onCancel={() => {
          setSwapped(false);
          onChoose(null);
        }}
        onConfirm={() => onMerge(keep.account_id, merge.account_id)}
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
