import { useEffect, useId, useState } from 'preact/hooks';
import { formatWhen } from '../utils/format';
import type { AccountHit } from '../utils/messages';
import type { AccountSearchData } from '../utils/panel/use-account-search';

/** Accounts by name or domain prefix, as you type: a combobox with a listbox of results
 * (arrow keys move, Enter opens, Escape clears). */
export function AccountSearch({
  onOpen,
  autoFocus = false,
  query,
  setQuery,
  state,
}: { onOpen: (hit: AccountHit) => void; autoFocus?: boolean } & AccountSearchData) {
  const [active, setActive] = useState(-1);
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;

  // Each new answer (or a cleared query) starts the keyboard choice afresh.
  useEffect(() => setActive(-1), [state]);

  const hits = state.kind === 'done' ? state.hits : [];
  const open = hits.length > 0;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setActive((index) => (index + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? hits.length - 1 : index - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active >= 0 ? active : 0];
      if (hit) onOpen(hit);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  return (
    <div class="hc-search">
      <label for={`${listId}-input`}>Find an account</label>
      <input
        id={`${listId}-input`}
        type="text"
        role="combobox"
        autoFocus={autoFocus}
        autoComplete="off"
        spellcheck={false}
        placeholder="Name or domain, e.g. acme"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Accounts" class="hc-listbox" hidden={!open}>
        {hits.map((hit, index) => (
          <li
            key={hit.account_id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            class="hc-option"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onOpen(hit)}
          >
            <span class="hc-option__name">{hit.name}</span>
            <span class="hc-muted">
              {hit.domains.join(', ')}
              {hit.last_activity_at ? `${hit.domains.length ? ' · ' : ''}last heard ${formatWhen(hit.last_activity_at)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p class="hc-muted" role="status" aria-live="polite">
        {state.kind === 'searching'
          ? 'Searching…'
          : state.kind === 'done' && !state.hits.length
            ? `No account in your organization starts with “${state.query}”. Accounts appear once someone files an entry about them.`
            : state.kind === 'done'
              ? `${state.hits.length === 1 ? 'One account matches' : `${state.hits.length} accounts match`}: use the arrow keys and Enter, or click one.`
              : ''}
      </p>
      {state.kind === 'error' ? (
        <p role="alert" class="hc-error">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
