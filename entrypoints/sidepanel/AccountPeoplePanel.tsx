// The account view's people and merges: loads the people known at the account,
// merges two of them or another account into this one, and tells the view to reload after.
import { useEffect, useState } from 'preact/hooks';
import { AccountMerge } from '../../components/AccountMerge';
import { AccountPeople } from '../../components/AccountPeople';
import type { AccountContact, AccountHit, AccountOverview, AccountSize } from '../../utils/messages';
import { send } from '../../utils/send';
import type { AccountPanelProps } from './types';
import { handled } from '../../utils/handled';

export function AccountPeoplePanel({ accountId, overview, onChanged }: AccountPanelProps) {
  const [people, setPeople] = useState<AccountContact[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [mergeError, setMergeError] = useState<string | null>(null);
  const [hits, setHits] = useState<AccountHit[]>([]);
  const [other, setOther] = useState<AccountOverview | null>(null);
  const [sizes, setSizes] = useState<AccountSize[]>([]);
  const [accountError, setAccountError] = useState<string | null>(null);

  const load = async () => {
    const result = await send('merge.accountContacts', { accountId });
    if (result.ok) setPeople(result.data);
    setProblem(result.ok ? null : result.error);
  };
  useEffect(() => {
    setPeople(null);
    void load();
  }, [accountId]);

  const mergeContacts = async (keepId: string, mergeId: string) => {
    setBusy(true);
    const result = await send('merge.contacts', { keepId, mergeId });
    setBusy(false);
    setMergeError(result.ok ? null : result.error);
    if (result.ok) {
      await load();
      onChanged?.();
    }
  };

  // When the rep keeps the other account, this one is merged away: the view follows to it.
  const mergeAccount = async (keepId: string, mergeId: string) => {
    setBusy(true);
    const result = await send('merge.accounts', { keepId, mergeId });
    setBusy(false);
    setAccountError(result.ok ? null : result.error);
    if (result.ok) {
      setOther(null);
      setSizes([]);
      setHits([]);
      await load();
      onChanged?.();
    }
  };

  return (
    <>
      {problem ? (
        <p role="alert" class="hc-error">
          {problem}
        </p>
      ) : null}
      {people ? (
        <AccountPeople
          people={people}
          domains={overview.domains}
          busy={busy}
          error={mergeError}
          onMerge={(keepId, mergeId) => void mergeContacts(keepId, mergeId)}
        />
      ) : null}
      <AccountMerge
        account={overview}
        hits={hits}
        other={other}
        sizes={sizes}
        busy={busy}
        error={accountError}
        onSearch={handled(async (query) => {
          const result = await send('accounts.search', { query });
          setHits(result.ok ? result.data : []);
          setAccountError(result.ok ? (result.data.length ? null : `No account found for “${query}”.`) : result.error);
        })}
        onChoose={handled(async (otherId) => {
          setAccountError(null);
          if (!otherId) {
            setOther(null);
            setSizes([]);
            return;
          }
          // Both at once, so the dialog opens already sized and its proposal never flips. Without
          // sizes (an older server, a failed count) it weighs the people known instead.
          const [result, sized] = await Promise.all([
            send('account.overview', { accountId: otherId }),
            send('merge.accountSizes', { accountIds: [overview.account_id, otherId] }),
          ]);
          setSizes(sized.ok ? sized.data : []);
          setOther(result.ok ? result.data : null);
          if (!result.ok) setAccountError(result.error);
        })}
        onMerge={(keepId, mergeId) => void mergeAccount(keepId, mergeId)}
      />
    </>
  );
}
