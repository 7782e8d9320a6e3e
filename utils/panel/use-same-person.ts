// "Is this Mia Schmidt (mia@acme-robotics.example · Acme Robotics)?": when the person
// in view is unknown by address or profile but the team knows someone of that name, the panel
// asks. "Same person" makes the next filing from this view land on that contact (which links
// the address or profile to it, on the server); "Someone else" files as without the question.
// Nothing is linked before the rep files (pact rule 1), and nothing is guessed for them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { candidateFor, nameKey } from '../merge';
import type { Candidate, OutboxItem } from '../messages';
import type { Draft } from '../preview';
import type { SiteView } from './types';
import type { ContextState } from './use-team-context';

export interface SamePerson {
  /** The contact to ask about; null when there is nobody to ask about or the rep answered. */
  question: Candidate | null;
  /** The rep said "Same person": filings from this view go on this contact. */
  confirmed: Candidate | null;
  onSame: () => void;
  onElse: () => void;
  /** The draft with the answer applied: the person of that name filed on the known contact,
   * under its account. Unchanged without a "Same person". */
  apply: (draft: Draft) => Draft;
}

type Answer = { viewId: string; candidateId: string; same: boolean } | null;

/** Applies "Same person" to a draft: pure, so the preview shows exactly what will be filed. */
export function fileOnCandidate(draft: Draft, candidate: Candidate): Draft {
  const key = nameKey(candidate.full_name);
  const contacts = draft.seed.contacts.map((contact) =>
    nameKey(contact.full_name) === key ? { ...contact, id: candidate.id } : contact,
  );
  const index = contacts.findIndex((contact) => contact.id === candidate.id);
  return {
    ...draft,
    seed: { ...draft.seed, contacts },
    contactIndex: index >= 0 ? index : draft.contactIndex,
    account: candidate.account_id
      ? { mode: 'existing', id: candidate.account_id, name: candidate.account_name ?? '' }
      : draft.account,
  };
}

export function useSamePerson(view: SiteView, context: ContextState, outbox: readonly OutboxItem[], lookUpAgain: () => void): SamePerson {
  const [answer, setAnswer] = useState<Answer>(null);
  const result = context.status === 'ready' ? context.result : null;
  const name = view.lookup.fullName ?? null;
  // Asked only while nobody the lookup matched has that name.
  const known = result?.contacts.some((contact) => nameKey(contact.full_name) === nameKey(name)) ?? true;
  const candidate = !known && result ? candidateFor(name, result.candidates ?? []) : null;
  const mine = answer && answer.viewId === view.id && candidate && answer.candidateId === candidate.id ? answer : null;

  // Once a filing on the confirmed contact has reached the server, the address or profile in
  // view leads to them: look up again so the panel shows what the team knows about them.
  const seen = useRef(new Set<string>());
  const confirmedId = mine?.same ? candidate!.id : null;
  useEffect(() => {
    if (!confirmedId) return;
    const sent = outbox.filter(
      (item) => item.status === 'sent' && item.capture.contact?.id === confirmedId && !seen.current.has(item.id),
    );
    if (!sent.length) return;
    for (const item of sent) seen.current.add(item.id);
    lookUpAgain();
  }, [outbox, confirmedId]);

  return {
    question: candidate && !mine ? candidate : null,
    confirmed: mine?.same ? candidate : null,
    onSame: () => candidate && setAnswer({ viewId: view.id, candidateId: candidate.id, same: true }),
    onElse: () => candidate && setAnswer({ viewId: view.id, candidateId: candidate.id, same: false }),
    apply: (draft) => (mine?.same && candidate ? fileOnCandidate(draft, candidate) : draft),
  };
}
