// Accounts by name or domain prefix as the person types: waits for a pause in typing and
// drops answers to queries that were overtaken by a newer one.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountHit } from '../messages';
import { send } from '../send';

export const SEARCH_DEBOUNCE_MS = 250;

export type AccountSearchState =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'done'; query: string; hits: AccountHit[] }
  | { kind: 'error'; message: string };

export type AccountSearchData = {
  query: string;
  setQuery: (query: string) => void;
  state: AccountSearchState;
};

export function useAccountSearch(): AccountSearchData {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<AccountSearchState>({ kind: 'idle' });
  const latest = useRef(0);

  useEffect(() => {
    const text = query.trim();
    const request = ++latest.current;
    if (!text) {
      setState({ kind: 'idle' });
      return;
    }
    const search = async () => {
      setState({ kind: 'searching' });
      const result = await send('accounts.search', { query: text });
      if (request !== latest.current) return; // a newer query is on its way
      setState(result.ok ? { kind: 'done', query: text, hits: result.data } : { kind: 'error', message: result.error });
    };
    // send() never throws: a failed search comes back as a result and is shown.
    const timer = setTimeout(() => void search(), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  return { query, setQuery, state };
}
