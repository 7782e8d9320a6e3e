import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { clipProblems, suggestedDomain, type ClipDraft, type ClipHandoff, type ClipProblem, type KnownContact } from '../utils/clip';
import { LIMITS } from '../utils/limits';
import { SignalChips } from './SignalChips';

export type ContactsLoad =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ok'; contacts: KnownContact[] }
  | { kind: 'error'; message: string };

interface Props {
  handoff: ClipHandoff;
  draft: ClipDraft;
  /** The chosen account's contacts, for "the customer". */
  contacts: ContactsLoad;
  /** The panel's account search, handed in by the page (it asks the background itself). */
  accountSearch: ComponentChildren;
  busy: boolean;
  error: string | null;
  onChange: (draft: ClipDraft) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

function Problem({ problems, field }: { problems: ClipProblem[]; field: ClipProblem['field'] }) {
  const problem = problems.find((p) => p.field === field);
  return problem ? <p class="hc-clip__problem">{problem.message}</p> : null;
}

/** The clip's preview: exactly what will be filed, as plain text, editable. */
export function ClipForm({ handoff, draft, contacts, accountSearch, busy, error, onChange, onSubmit, onCancel }: Props) {
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  const update = (patch: Partial<ClipDraft>) => onChange({ ...draft, ...patch });
  const problems = clipProblems(draft);
  const account = draft.account;
  const customer = draft.customer;

  const submit = (event: Event) => {
    event.preventDefault();
    if (problems.length === 0 && !busy) onSubmit();
  };
  const newCustomer = { mode: 'new' as const, name: '', address: '' };
  const note = handoff.kind === 'note';

  return (
    <form
      class="hc-clip__form"
      aria-labelledby="clip-title"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3 id="clip-title">{note ? 'Write a note' : 'File selection to customer record'}</h3>
      <p class="hc-clip__source" hidden={note}>
        Clip from <strong>{handoff.site}</strong>
        {handoff.sourceUrl ? (
          <>
            {' '}
            · Source link, seen only by you: <span class="hc-clip__url">{handoff.sourceUrl}</span>
          </>
        ) : (
          ' · The page is not https, so no source link is kept.'
        )}
      </p>

      <label>
        Title
        <input ref={titleRef} value={draft.title} maxLength={LIMITS.title} onInput={(e) => update({ title: e.currentTarget.value })} />
      </label>
      <Problem problems={problems} field="title" />

      <label>
        {note ? 'Note' : 'Selected text'}
        <textarea rows={8} value={draft.text} onInput={(e) => update({ text: e.currentTarget.value })} />
      </label>
      {handoff.truncated ? (
        <p class="hc-clip__note">The selection was longer than {LIMITS.body.toLocaleString('en')} characters; only its beginning is shown and filed.</p>
      ) : null}
      <Problem problems={problems} field="text" />

      <fieldset>
        <legend>Account</legend>
        {account?.mode === 'existing' ? (
          <p>
            <strong>{account.name}</strong>{' '}
            <button type="button" onClick={() => update({ account: null, customer: null })}>
              Change account
            </button>
          </p>
        ) : account?.mode === 'new' ? (
          <>
            <label>
              New account name
              <input value={account.name} onInput={(e) => update({ account: { ...account, name: e.currentTarget.value } })} />
            </label>
            <label>
              Domain (optional)
              <input
                value={account.domain}
                placeholder="acme.example"
                onInput={(e) => update({ account: { ...account, domain: e.currentTarget.value } })}
              />
            </label>
            <button type="button" onClick={() => update({ account: null })}>
              Find an existing account instead
            </button>
          </>
        ) : (
          <>
            {accountSearch}
            <button type="button" onClick={() => update({ account: { mode: 'new', name: '', domain: suggestedDomain(customer) } })}>
              New account
            </button>
          </>
        )}
        <Problem problems={problems} field="account" />
      </fieldset>

      <fieldset>
        <legend>Customer</legend>
        {account?.mode === 'existing' && contacts.kind === 'loading' ? <p role="status">Loading the account’s contacts…</p> : null}
        {account?.mode === 'existing' && contacts.kind === 'error' ? <p role="alert">{contacts.message}</p> : null}
        {account?.mode === 'existing' && contacts.kind === 'ok'
          ? contacts.contacts.map((contact) => (
              <label key={contact.id} class="hc-clip__choice">
                <input
                  type="radio"
                  name="clip-customer"
                  checked={customer?.mode === 'known' && customer.contact.id === contact.id}
                  onChange={() => update({ customer: { mode: 'known', contact } })}
                />
                {contact.full_name}
                {contact.email ? ` · ${contact.email}` : contact.linkedin_url ? ` · ${contact.linkedin_url}` : ''}
              </label>
            ))
          : null}
        <label class="hc-clip__choice">
          <input
            type="radio"
            name="clip-customer"
            checked={customer?.mode === 'new'}
            onChange={() => update({ customer: newCustomer })}
          />
          Someone new
        </label>
        {customer?.mode === 'new' ? (
          <>
            <label>
              Name
              <input value={customer.name} onInput={(e) => update({ customer: { ...customer, name: e.currentTarget.value } })} />
            </label>
            <label>
              Email or LinkedIn URL
              <input
                value={customer.address}
                onInput={(e) => {
                  const next = { ...customer, address: e.currentTarget.value };
                  // A new account takes the customer's company domain unless the rep typed one.
                  const domain = account?.mode === 'new' && !account.domain ? suggestedDomain(next) : null;
                  update({ customer: next, ...(domain && account?.mode === 'new' && { account: { ...account, domain } }) });
                }}
              />
            </label>
          </>
        ) : null}
        <Problem problems={problems} field="customer" />
      </fieldset>

      <SignalChips selected={draft.signals} onChange={(signals) => update({ signals })} />

      {error ? <p role="alert">{error}</p> : null}
      <div class="hc-clip__actions">
        <button type="submit" disabled={busy || problems.length > 0}>
          File to customer record
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
