import { AccountSearch } from '../../components/AccountSearch';
import type { AccountHit } from '../../utils/messages';
import { useAccountSearch } from '../../utils/panel/use-account-search';

/** The account search with its own query: each place that shows it starts empty. */
export function AccountSearchField({ onOpen, autoFocus = false }: { onOpen: (hit: AccountHit) => void; autoFocus?: boolean }) {
  return <AccountSearch onOpen={onOpen} autoFocus={autoFocus} {...useAccountSearch()} />;
}
