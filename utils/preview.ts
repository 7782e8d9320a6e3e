// The preview: what the rep sees and edits before filing. Building the capture from it is a
// pure function so that "the row holds exactly what the preview showed" is testable.
import { companyDomainOf } from './free-mail';
import type { AccountHit, CaptureInput, Kind, LookupResult, Signal } from './messages';

export interface ContactCandidate {
  /** A contact the team already has, confirmed by the rep ("Same person"): filed on it. */
  id?: string;
  full_name: string;
  email?: string | null;
  linkedin_url?: string | null;
  title?: string | null;
  company?: string | null;
}

/** What a site hands the preview when the rep presses "Add to customer record". */
export interface DraftSeed {
  kind: Kind;
  sourceRef: string | null;
  sourceUrl: string | null;
  occurredAt: string;
  title: string;
  body: string;
  contacts: ContactCandidate[];
  /** Which candidate the preview selects first (the customer who spoke). */
  contactIndex: number;
  /** Offered to the rep, never chosen for them (e.g. job change when the company moved). */
  suggestedSignals?: Signal[];
}

export type AccountChoice =
  | { mode: 'existing'; id: string; name: string; domains?: readonly string[] }
  | { mode: 'new'; name: string; domain: string | null }
  | { mode: 'none' };

export interface Draft {
  id: string;
  orgId: string;
  seed: DraftSeed;
  title: string;
  body: string;
  occurredAt: string;
  contactIndex: number;
  account: AccountChoice;
  signals: Signal[];
  note: string;
}

/** Where the rep's own note goes in the body: visible in the preview, filed as shown. */
export const NOTE_HEADING = 'Note:';

export function composeBody(body: string, note: string): string {
  const trimmedNote = note.trim();
  if (!trimmedNote) return body;
  return body.trim() ? `${body.replace(/\s+$/, '')}\n\n${NOTE_HEADING} ${trimmedNote}` : `${NOTE_HEADING} ${trimmedNote}`;
}

/** The account choices for a contact: the team's matches first (chosen when the thread names
 * someone the team knows), then a new account from the company domain, never one from a
 * free-mail domain, and beside it the accounts the team has under the same or a similar name
 * (`similar`, from search_accounts), so a company known under another domain is not doubled. */
export function accountChoicesFor(
  contact: ContactCandidate | undefined,
  lookup: LookupResult | null,
  similar: readonly AccountHit[] = [],
): AccountChoice[] {
  const choices: AccountChoice[] = [];
  const domain = contact?.email ? companyDomainOf(contact.email) : null;
  for (const account of lookup?.accounts ?? []) {
    const domains = Array.isArray(account.domains) ? (account.domains as unknown[]).map(String) : [];
    if (!domain || domains.length === 0 || domains.includes(domain)) {
      choices.push({ mode: 'existing', id: account.id, name: account.name, domains });
    }
  }
  const hasMatch = choices.length > 0;
  if (!hasMatch && (domain || contact?.company)) {
    choices.push({ mode: 'new', name: contact?.company?.trim() || domainLabel(domain!), domain });
  }
  for (const hit of similar) addExisting(choices, { mode: 'existing', id: hit.account_id, name: hit.name, domains: hit.domains });
  // With a company domain the server files under that domain's account anyway, so "no
  // account" is only offered where there is none to be had (free mail, LinkedIn only).
  if (!domain) choices.push({ mode: 'none' });
  return choices;
}

type ExistingChoice = Extract<AccountChoice, { mode: 'existing' }>;

/** One account, one choice: what two answers know of the same account is put together, so
 * that neither which answer came first nor which one is asked about decides its label. The
 * name is the first one given (answers name an account alike; a "Same person" candidate may
 * not name it); the domains are every one known, sorted. */
export function sameAccount(first: ExistingChoice, second: ExistingChoice): ExistingChoice {
  const domains = [...new Set([...(first.domains ?? []), ...(second.domains ?? [])])].sort();
  return { mode: 'existing', id: first.id, name: first.name || second.name, domains };
}

function addExisting(choices: AccountChoice[], account: ExistingChoice): void {
  const at = choices.findIndex((choice) => choice.mode === 'existing' && choice.id === account.id);
  if (at < 0) choices.push(account);
  else choices[at] = sameAccount(choices[at] as ExistingChoice, account);
}

/** The preview's account choices with the one the draft holds among them, once: the draft's
 * account (the known contact's after "Same person", or one picked before an answer came in)
 * joins the choice of the same id, or leads the list when no answer offers it. */
export function previewAccountChoices(
  contact: ContactCandidate | undefined,
  lookup: LookupResult | null,
  similar: readonly AccountHit[],
  chosen: AccountChoice,
): AccountChoice[] {
  const choices = accountChoicesFor(contact, lookup, similar);
  if (chosen.mode === 'existing') {
    const at = choices.findIndex((choice) => choice.mode === 'existing' && choice.id === chosen.id);
    if (at < 0) return [chosen, ...choices];
    choices[at] = sameAccount(choices[at] as ExistingChoice, chosen);
    return choices;
  }
  return choices.some((choice) => choice.mode === chosen.mode) ? choices : [chosen, ...choices];
}

/** How an account choice reads. An account the team has is named with its domains, which tell
 * apart two accounts of one name (and show the rep which domain the team has); "on record"
 * only when no answer knows a domain of it. */
export function accountChoiceLabel(choice: AccountChoice): string {
  if (choice.mode === 'existing') {
    return choice.domains?.length ? `${choice.name} (${choice.domains.join(', ')})` : `${choice.name} (on record)`;
  }
  if (choice.mode === 'new') return `New account: ${choice.name}${choice.domain ? ` (${choice.domain})` : ''}`;
  return 'No account';
}

/** The name the preview looks for among the team's accounts: the company, else the domain's. */
export function similarAccountQuery(contact: ContactCandidate | undefined): string | null {
  const domain = contact?.email ? companyDomainOf(contact.email) : null;
  const name = contact?.company?.trim() || (domain ? domainLabel(domain) : '');
  return name || null;
}

/** "acme-robotics.example" → "Acme Robotics". */
export function domainLabel(domain: string): string {
  const first = domain.split('.')[0] ?? domain;
  return first
    .split(/[-_]/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

export function newDraft(id: string, orgId: string, seed: DraftSeed, lookup: LookupResult | null): Draft {
  const contactIndex = Math.min(Math.max(seed.contactIndex, 0), Math.max(seed.contacts.length - 1, 0));
  return {
    id,
    orgId,
    seed,
    title: seed.title,
    body: seed.body,
    occurredAt: seed.occurredAt,
    contactIndex,
    account: accountChoicesFor(seed.contacts[contactIndex], lookup)[0] ?? { mode: 'none' },
    signals: [],
    note: '',
  };
}

export function buildCapture(draft: Draft): CaptureInput {
  const contact = draft.seed.contacts[draft.contactIndex];
  const account =
    draft.account.mode === 'existing'
      ? { id: draft.account.id }
      : draft.account.mode === 'new'
        ? { name: draft.account.name.trim(), ...(draft.account.domain && { domain: draft.account.domain }) }
        : null;
  return {
    id: draft.id,
    org_id: draft.orgId,
    kind: draft.seed.kind,
    ...(draft.seed.sourceRef && { source_ref: draft.seed.sourceRef }),
    ...(draft.seed.sourceUrl && { source_url: draft.seed.sourceUrl }),
    occurred_at: draft.occurredAt,
    title: draft.title.trim(),
    body: composeBody(draft.body, draft.note),
    signals: draft.signals,
    contact: contact?.id
      ? {
          // A known contact keeps its own name; what is in view only fills in what it lacks.
          id: contact.id,
          ...(contact.email && { email: contact.email }),
          ...(contact.linkedin_url && { linkedin_url: contact.linkedin_url }),
          ...(contact.title && { title: contact.title }),
          ...(contact.company && { company: contact.company }),
        }
      : contact
      ? {
          full_name: contact.full_name,
          ...(contact.email && { email: contact.email }),
          ...(contact.linkedin_url && { linkedin_url: contact.linkedin_url }),
          ...(contact.title && { title: contact.title }),
          ...(contact.company && { company: contact.company }),
        }
      : null,
    account,
  };
}
