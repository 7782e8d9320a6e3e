// The team's context in one line: the account, how much the team has filed, who to ask.
import { LIMITS } from '../limits';
import type { LookupResult } from '../messages';

export interface ContextSummary {
  /** The account(s) on record, or the first known contact when there is no account. */
  name: string | null;
  /** "3 entries", "1 entry"; null when nobody has filed anything. */
  entries: string | null;
  /** Colleagues (never the rep) who have filed about them, most recent first. */
  ask: string[];
  /** The lookup names only the colleagues who filed most recently (LIMITS.lookupPeople): when
   * it names that many, others may have filed before them, and the panel says so. */
  askMore: boolean;
  empty: boolean;
}

export function summarize(result: LookupResult, me: string | null): ContextSummary {
  const names = result.accounts.map((account) => account.name);
  const contact = result.contacts.map((c) => c.full_name).find((name): name is string => Boolean(name));
  const count = result.entries.length;
  return {
    name: names.length ? names.join(', ') : (contact ?? null),
    // The lookup answers with the latest ten: more than that is said as "10+".
    entries: count ? `${count >= 10 ? '10+' : count} ${count === 1 ? 'entry' : 'entries'}` : null,
    ask: colleaguesToAsk(result, me),
    askMore: result.people.length >= LIMITS.lookupPeople,
    empty: !result.accounts.length && !result.contacts.length && !result.entries.length,
  };
}

/** "Ben (Support)" for each colleague who filed about them, the rep left out. */
export function colleaguesToAsk(result: LookupResult, me: string | null): string[] {
  return result.people
    .filter((person) => person.user_id !== me)
    .map((p) => `${p.display_name ?? 'A colleague'}${typeof p.department === 'string' ? ` (${p.department})` : ''}`);
}

/** The newest of the team's entries about them (the lookup answers its latest ten). */
export function newestEntry(result: LookupResult): LookupResult['entries'][number] | null {
  let newest: LookupResult['entries'][number] | null = null;
  for (const entry of result.entries) if (!newest || Date.parse(entry.occurred_at) > Date.parse(newest.occurred_at)) newest = entry;
  return newest;
}
