// One customer, one record: how two records are recognised as possibly one, and how a merge
// is said to people. Pure, so the wording and the matching are tested without a browser.
import type { AccountContact, Candidate, MergeLine } from './messages';

/** A name folded for comparison, as the database folds it (private.name_key): case, accents
 * and extra spaces do not count. */
export function nameKey(name: string | null | undefined): string {
  return (name ?? '')
    .normalize('NFD')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/[łøđıħŧ]/g, (c) => ({ ł: 'l', ø: 'o', đ: 'd', ı: 'i', ħ: 'h', ŧ: 't' })[c] ?? c)
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

/** What tells the candidate apart: "mia@acme-robotics.example · Acme Robotics". */
export function candidateDetail(candidate: Pick<Candidate, 'email' | 'linkedin_url' | 'account_name'>): string {
  const known = candidate.email ?? (candidate.linkedin_url ? 'LinkedIn' : null);
  return [known, candidate.account_name].filter(Boolean).join(' · ');
}

/** "Is this Mia Schmidt (mia@acme-robotics.example · Acme Robotics)?" */
export function samePersonQuestion(candidate: Candidate): string {
  const detail = candidateDetail(candidate);
  return `Is this ${candidate.full_name}${detail ? ` (${detail})` : ''}?`;
}

/** The candidate to ask about for a person in view: one of the same name, the first the team
 * knows. None when the person is already known to the team. */
export function candidateFor(name: string | null | undefined, candidates: readonly Candidate[]): Candidate | null {
  const key = nameKey(name);
  if (!key) return null;
  return candidates.find((candidate) => nameKey(candidate.full_name) === key) ?? null;
}

/** How a record is told apart in one line: its address, else "LinkedIn". */
function knownBy(email: string | null, linkedinUrl: string | null): string | null {
  return email ?? (linkedinUrl ? 'LinkedIn' : null);
}

/** "Ana merged Mia Schmidt (LinkedIn) into Mia Schmidt"; once undone, the one line is
 * "Ben undid the merge of Mia Schmidt (LinkedIn)". */
export function mergeLineText(line: MergeLine): string {
  const by = line.kind === 'contact' ? knownBy(line.merged_email, line.merged_linkedin_url) : null;
  const merged = `${line.merged_name}${by ? ` (${by})` : ''}`;
  if (line.undone_at) {
    const again = line.kind === 'account' && line.merged_domain ? `${line.merged_name} (${line.merged_domain})` : merged;
    return `${line.undone_by_display_name ?? 'Someone'} undid the merge of ${again}`;
  }
  return `${line.merged_by_display_name ?? 'Someone'} merged ${merged} into ${line.kept_name}`;
}

/** When the line happened in the timeline: the undo, for an undone merge. */
export function mergeLineAt(line: MergeLine): string {
  return line.undone_at ?? line.merged_at;
}

/** Whether the line still offers "Undo" at `now` (the server decides; this hides a stale offer). */
export function canUndo(line: MergeLine, now = Date.now()): boolean {
  return Boolean(line.id && !line.undone_at && line.undo_until && Date.parse(line.undo_until) > now);
}

function localPart(email: string): string {
  return email.split('@')[0]!.toLowerCase();
}

function domainOf(email: string): string {
  return email.split('@')[1]?.toLowerCase() ?? '';
}

function addresses(person: AccountContact): string[] {
  return [person.email, ...person.further_emails].filter((e): e is string => Boolean(e));
}

/** Likely duplicates among the people of an account, by person id: the same name, or the same
 * address at two of the account's domains (mia@acme.example and mia@acme-robotics.example).
 * Only a hint for the rep; nothing is merged without them. */
export function likelyDuplicates(people: readonly AccountContact[], domains: readonly string[]): Map<string, string[]> {
  const own = new Set(domains.map((d) => d.toLowerCase()));
  const result = new Map<string, string[]>();
  const pair = (a: AccountContact, b: AccountContact) => {
    result.set(a.id, [...new Set([...(result.get(a.id) ?? []), b.id])]);
    result.set(b.id, [...new Set([...(result.get(b.id) ?? []), a.id])]);
  };
  for (let i = 0; i < people.length; i += 1) {
    for (let j = i + 1; j < people.length; j += 1) {
      const a = people[i]!;
      const b = people[j]!;
      const sameName = nameKey(a.full_name) !== '' && nameKey(a.full_name) === nameKey(b.full_name);
      const sameAddress = addresses(a).some((x) =>
        addresses(b).some(
          (y) => localPart(x) === localPart(y) && domainOf(x) !== domainOf(y) && own.has(domainOf(x)) && own.has(domainOf(y)),
        ),
      );
      if (sameName || sameAddress) pair(a, b);
    }
  }
  return result;
}

/** What a contact merge moves, as the confirmation lists it. */
export function contactMoves(merged: AccountContact): string[] {
  return [
    `Every entry about ${merged.full_name}, with its author and earlier versions`,
    ...addresses(merged).map((email) => `The address ${email}`),
    ...[merged.linkedin_url, ...merged.further_linkedin_urls]
      .filter((url): url is string => Boolean(url))
      .map((url) => `The LinkedIn profile ${url}`),
  ];
}

/** The rows shown for a person in the side-by-side confirmation. */
export function contactRows(person: AccountContact): Array<[string, string]> {
  return [
    ['Name', person.full_name],
    ['Email', addresses(person).join(', ') || '—'],
    ['LinkedIn', [person.linkedin_url, ...person.further_linkedin_urls].filter(Boolean).join(', ') || '—'],
    ['Title', person.title ?? '—'],
    ['Company', person.company ?? '—'],
  ];
}

/** An account's timeline with its merge lines between the entries, newest first. A line shows
 * once the entries around it are loaded: older than every loaded entry, it waits for the next
 * page unless there is none (`complete`). */
export function interleave<E extends { occurred_at: string }>(
  entries: readonly E[],
  lines: readonly MergeLine[],
  complete: boolean,
): Array<{ entry: E } | { line: MergeLine }> {
  const pending = [...lines].sort((a, b) => Date.parse(mergeLineAt(b)) - Date.parse(mergeLineAt(a)));
  const out: Array<{ entry: E } | { line: MergeLine }> = [];
  for (const entry of entries) {
    while (pending.length && Date.parse(mergeLineAt(pending[0]!)) >= Date.parse(entry.occurred_at)) {
      out.push({ line: pending.shift()! });
    }
    out.push({ entry });
  }
  if (complete) for (const line of pending) out.push({ line });
  return out;
}
