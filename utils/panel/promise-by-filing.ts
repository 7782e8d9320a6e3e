// "Add as a promise" on a message the team has not filed yet: the message is filed first,
// through the usual preview, and the filing carries the promise into the outbox, which adds it
// with the entry the server made. Pure decisions here; use-add-promise.ts runs them.
import type { LookupResult, OutboxItem, PageSource, PromiseToAdd } from '../messages';
import type { AccountChoice } from '../preview';
import { filedEntryId } from './settle-by-filing';

/** Where a promise's words come from: the team's entry for the message (added at once with
 * it), the message to file first (it goes along with the filing), or neither (typed, or a
 * message that cannot be filed: added without a source). */
export type PromiseSource = { kind: 'filed'; entryId: string } | { kind: 'file-first'; source: PageSource } | { kind: 'none' };

export function promiseSource(source: PageSource | null, known: LookupResult | null): PromiseSource {
  if (!source) return { kind: 'none' };
  const entryId = filedEntryId(source, known);
  if (entryId) return { kind: 'filed', entryId };
  if ('problem' in source.seed || source.notice) return { kind: 'none' };
  return { kind: 'file-first', source };
}

export type PromiseProgress =
  /** The preview is still open, or the message is on its way. */
  | { kind: 'waiting' }
  /** The rep closed the preview without filing: nothing was added. */
  | { kind: 'not-filed' }
  | { kind: 'added' }
  /** The server refused the message or the promise: the words for the rep. */
  | { kind: 'stuck'; message: string };

/** Where the filing that carries the promise has got to, from what this page filed since the
 * rep confirmed the promise (`before`: the page's filings of that message until then). */
export function promiseProgress(
  filing: { before: readonly string[]; opened: boolean },
  previewing: boolean,
  filedIds: readonly string[],
  outbox: readonly OutboxItem[],
): PromiseProgress {
  const fresh = filedIds.filter((id) => !filing.before.includes(id)).at(-1);
  if (!fresh) return filing.opened && !previewing ? { kind: 'not-filed' } : { kind: 'waiting' };
  const item = outbox.find((candidate) => candidate.id === fresh);
  if (!item) return { kind: 'waiting' };
  if (item.status === 'needs_attention') {
    return { kind: 'stuck', message: 'The message could not be filed; correct it in the outbox, and the promise is added once it is filed.' };
  }
  if (item.promise?.state === 'refused') {
    return { kind: 'stuck', message: `The message is filed, but the promise was not added: ${item.promise.error ?? 'the server refused it'}` };
  }
  return item.promise?.state === 'added' ? { kind: 'added' } : { kind: 'waiting' };
}

/** The promise a filing carries, fitted to the account the rep files the message to in the
 * preview. Its person was chosen among the contacts of the account the form was for, and the
 * server refuses a person of another account: filed to another account, the promise goes
 * without a person, and `note` says so in the preview before anything is filed. */
export function promiseForAccount(
  promise: PromiseToAdd | null,
  account: AccountChoice,
  known: LookupResult | null,
): { promise: PromiseToAdd | null; note: string | null } {
  if (!promise?.contactId) return { promise, note: null };
  // Filed on no account, the promise goes to the form's account, where its person is.
  if (account.mode === 'none' || (account.mode === 'existing' && account.id === promise.accountId)) return { promise, note: null };
  const person = known?.contacts.find((contact) => contact.id === promise.contactId)?.full_name || 'The person you chose';
  const from = known?.accounts.find((candidate) => candidate.id === promise.accountId)?.name;
  return {
    promise: { ...promise, contactId: null },
    note:
      `The promise goes to ${account.name || 'the new account'} with this message. ${person} is a contact of ${from ?? 'another account'}, ` +
      'so the promise is added without a person at the customer; add one in the plan afterwards.',
  };
}
