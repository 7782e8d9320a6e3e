// The preview offers the team's accounts of the same or a similar name beside "New account"
// (docs/design.md: filing never makes a second account for a company the team has under
// another domain). Asked once per name; an unreachable server just offers none.
import { useEffect, useState } from 'preact/hooks';
import type { AccountHit } from '../messages';
import { similarAccountQuery, type ContactCandidate } from '../preview';
import { send } from '../send';

const NONE: readonly AccountHit[] = [];

export function useSimilarAccounts(contact: ContactCandidate | undefined, enabled: boolean): readonly AccountHit[] {
  const query = enabled ? similarAccountQuery(contact) : null;
  const [hits, setHits] = useState<readonly AccountHit[]>(NONE);
  useEffect(() => {
    setHits(NONE);
    if (!query) return;
    let live = true;
    void send('accounts.search', { query }).then((result) => live && result.ok && setHits(result.data));
    return () => {
      live = false;
    };
  }, [query]);
  return hits;
}
