// The clip window's draft: a selection from any page, the account and the customer the rep
// chose, and the signals. Building the capture from it is pure, so "the row holds exactly
// what the window showed" is testable without a browser.
import { canonicalProfileUrl } from './capture/linkedin/detect';
import { companyDomainOf } from './free-mail';
import type { AccountContact, CaptureInput, ClipHandoff } from './messages';

export type { ClipHandoff } from './messages';

/** A contact of the chosen account (merge.accountContacts), to choose the customer from. */
export type KnownContact = Pick<AccountContact, 'id' | 'full_name' | 'email' | 'linkedin_url'>;
import { LIMITS } from './limits';
import type { Signal } from './vocabulary';

export type ClipAccount = { mode: 'existing'; id: string; name: string } | { mode: 'new'; name: string; domain: string } | null;

export type ClipCustomer = { mode: 'known'; contact: KnownContact } | { mode: 'new'; name: string; address: string } | null;

export interface ClipDraft {
  id: string;
  orgId: string;
  title: string;
  text: string;
  account: ClipAccount;
  customer: ClipCustomer;
  signals: Signal[];
}

export interface ClipProblem {
  field: 'title' | 'text' | 'account' | 'customer';
  message: string;
}

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** A new customer's "Email or LinkedIn URL" field, read as one or the other, or null. */
export function customerAddress(value: string): { email: string } | { linkedin_url: string } | null {
  const text = value.trim();
  if (EMAIL.test(text) && text.length <= LIMITS.email) return { email: text.toLowerCase() };
  const profile = /linkedin\.com\/in\//i.test(text) ? canonicalProfileUrl(/^https?:\/\//i.test(text) ? text : `https://${text}`) : null;
  return profile ? { linkedin_url: profile } : null;
}

/** The company domain a new customer's email suggests for a new account, if any. */
export function suggestedDomain(customer: ClipCustomer): string {
  if (customer?.mode !== 'new') return '';
  const address = customerAddress(customer.address);
  return address && 'email' in address ? (companyDomainOf(address.email) ?? '') : '';
}

/** What stops the draft from being filed, each for the field the rep has to change. */
export function clipProblems(draft: ClipDraft): ClipProblem[] {
  const problems: ClipProblem[] = [];
  const title = draft.title.trim();
  if (!title) problems.push({ field: 'title', message: 'Give it a title.' });
  else if (title.length > LIMITS.title) problems.push({ field: 'title', message: `The title is longer than ${LIMITS.title} characters.` });
  if (!draft.text.trim()) problems.push({ field: 'text', message: 'There is no text to file yet.' });
  else if (draft.text.length > LIMITS.body) problems.push({ field: 'text', message: `The text is longer than ${LIMITS.body.toLocaleString('en')} characters.` });
  const account = draft.account;
  if (!account) problems.push({ field: 'account', message: 'Choose the account, or name a new one.' });
  else if (account.mode === 'new') {
    if (!account.name.trim()) problems.push({ field: 'account', message: 'Name the new account.' });
    else if (account.domain.trim() && !HOSTNAME.test(account.domain.trim().toLowerCase())) {
      problems.push({ field: 'account', message: 'The domain should look like acme.example.' });
    }
  }
  const customer = draft.customer;
  if (!customer) problems.push({ field: 'customer', message: 'Choose the customer, or add someone new.' });
  else if (customer.mode === 'new') {
    if (!customer.name.trim()) problems.push({ field: 'customer', message: 'Give the customer’s name.' });
    else if (!customerAddress(customer.address)) {
      problems.push({ field: 'customer', message: 'Give their email or LinkedIn profile URL (linkedin.com/in/…).' });
    }
  }
  return problems;
}

/** The capture the window files: exactly the text and title shown, kind clip, keyed by the selection's hash. */
export function clipCapture(draft: ClipDraft, handoff: Pick<ClipHandoff, 'kind' | 'sourceRef' | 'sourceUrl' | 'selectedAt'>): CaptureInput {
  const customer = draft.customer;
  const contact =
    customer?.mode === 'known'
      ? // The team's own record of this person: filed on it, nothing about them overwritten.
        { id: customer.contact.id }
      : customer?.mode === 'new'
        ? { full_name: customer.name.trim(), ...customerAddress(customer.address) }
        : null;
  const account = draft.account;
  const clip = handoff.kind === 'clip';
  return {
    id: draft.id,
    org_id: draft.orgId,
    kind: handoff.kind,
    // A note has no source: its id is its idempotency key.
    ...(clip && { source_ref: handoff.sourceRef }),
    ...(clip && handoff.sourceUrl && { source_url: handoff.sourceUrl }),
    occurred_at: handoff.selectedAt,
    title: draft.title.trim(),
    body: draft.text,
    signals: draft.signals,
    contact,
    account:
      account?.mode === 'existing'
        ? { id: account.id }
        : account?.mode === 'new'
          ? { name: account.name.trim(), ...(account.domain.trim() && { domain: account.domain.trim().toLowerCase() }) }
          : null,
  };
}
