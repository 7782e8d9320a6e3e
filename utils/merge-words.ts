// How a merge is put to the rep and told in the timeline, so that two records of the same name
// never read as "Merge Acme Robotics into Acme Robotics?". Pure: the wording is tested without
// a browser. Dates go through utils/format.ts like every other date in Highcard.
import { formatWhen } from './format';
import type { AccountOverview, AccountSize, MergeLine } from './messages';

/** How long a merge can be undone (docs/design.md: "ours are not [final], for 30 days"). */
export const UNDO_DAYS = 30;

/** One side of a merge as the dialog knows it: an account (domains) or a person (email,
 * LinkedIn, title). `entries` and `created_at` decide which one is kept by default. */
export interface MergeSide {
  id: string;
  name: string;
  domains?: readonly string[];
  email?: string | null;
  linkedin_url?: string | null;
  title?: string | null;
  entries?: number;
  /** People known at an account: its size when its entries are not counted. */
  people?: number;
  created_at?: string | null;
}

export function entriesWord(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}

function sizeWord(side: MergeSide): string | null {
  if (side.entries !== undefined) return entriesWord(side.entries);
  if (side.people !== undefined) return `${side.people} ${side.people === 1 ? 'person' : 'people'}`;
  return null;
}

const size = (side: MergeSide) => side.entries ?? side.people ?? 0;

/** The identities of a side in the order they tell records apart: domain, email, LinkedIn, title. */
function identities(side: MergeSide): string[] {
  return [
    side.domains?.[0],
    side.email ?? undefined,
    side.linkedin_url ? 'LinkedIn' : undefined,
    side.title ?? undefined,
  ].filter((value): value is string => Boolean(value));
}

/** What tells `side` apart from `other`: its first identity the other does not share, else its
 * first identity at all ("acme-robotics.de", "m.schmidt@acme.example", "LinkedIn", "CTO"). */
export function tellApart(side: MergeSide, other: MergeSide): string | null {
  const theirs = new Set(identities(other).map((value) => value.toLowerCase()));
  const own = identities(side);
  return own.find((value) => !theirs.has(value.toLowerCase())) ?? own[0] ?? null;
}

/** "Acme Robotics (acme-robotics.example · 12 entries)". */
export function sideLabel(side: MergeSide, other: MergeSide): string {
  const details = [tellApart(side, other), sizeWord(side)]
    .filter(Boolean)
    .join(' · ');
  return details ? `${side.name} (${details})` : side.name;
}

/** "Keep Acme Robotics (acme-robotics.example · 12 entries) and merge Acme Robotics
 * (acme-robotics.de · 2 entries) into it?" */
export function mergeQuestion(keep: MergeSide, merge: MergeSide): string {
  return `Keep ${sideLabel(keep, merge)} and merge ${sideLabel(merge, keep)} into it?`;
}

/** The dialog's promise that a wrong merge is not final: "Any member can undo this merge for
 * 30 days, until 5 Jan 2027." */
export function undoNote(now = new Date()): string {
  const until = new Date(now.getTime() + UNDO_DAYS * 24 * 60 * 60 * 1000);
  return `Any member can undo this merge for ${UNDO_DAYS} days, until ${formatWhen(until.toISOString())}.`;
}

/** Which record is kept unless the rep chooses: the larger one (entries, else people), then the older one,
 * then the first given (so the choice never flips between renders). */
export function defaultKeep<S extends MergeSide>(a: S, b: S): { keep: S; merge: S } {
  const entries = size(b) - size(a);
  if (entries !== 0) return entries > 0 ? { keep: b, merge: a } : { keep: a, merge: b };
  const aAt = a.created_at ? Date.parse(a.created_at) : Number.POSITIVE_INFINITY;
  const bAt = b.created_at ? Date.parse(b.created_at) : Number.POSITIVE_INFINITY;
  return bAt < aAt ? { keep: b, merge: a } : { keep: a, merge: b };
}

/** An account as the merge dialog weighs it: by its entries and age once both accounts' sizes
 * are known (`sizes` holds both, or the comparison would weigh entries against people), else
 * by the people known there. */
export function accountSide(
  account: Pick<AccountOverview, 'account_id' | 'name' | 'domains' | 'contact_count'>,
  size: AccountSize | undefined,
): MergeSide {
  const side: MergeSide = { id: account.account_id, name: account.name, domains: account.domains };
  return size ? { ...side, entries: size.entries, created_at: size.created_at } : { ...side, people: account.contact_count };
}

/** What the timeline knows of the record a line kept, to tell it apart from the merged one. */
export interface KeptIdentity {
  email?: string | null;
  linkedin_url?: string | null;
  domain?: string | null;
  title?: string | null;
}

function mergedSide(line: MergeLine): MergeSide {
  return line.kind === 'contact'
    ? { id: line.merged_id, name: line.merged_name, email: line.merged_email, linkedin_url: line.merged_linkedin_url }
    : { id: line.merged_id, name: line.merged_name, domains: line.merged_domain ? [line.merged_domain] : [] };
}

function keptSide(line: MergeLine, kept: KeptIdentity | undefined): MergeSide {
  return {
    id: line.keep_id,
    name: line.kept_name,
    domains: kept?.domain ? [kept.domain] : [],
    email: kept?.email ?? null,
    linkedin_url: kept?.linkedin_url ?? null,
    title: kept?.title ?? null,
  };
}

function named(side: MergeSide, other: MergeSide): string {
  const detail = tellApart(side, other);
  return detail ? `${side.name} (${detail})` : side.name;
}

/** The timeline's merge line, naming what tells the two apart: "Ana merged Mia Schmidt
 * (LinkedIn) into Mia Schmidt (m.schmidt@acme.example)"; once undone, "Ana undid the merge of
 * Mia Schmidt (LinkedIn)". */
export function mergeLineWords(line: MergeLine, kept?: KeptIdentity): string {
  const merged = mergedSide(line);
  const keep = keptSide(line, kept);
  if (line.undone_at) {
    return `${line.undone_by_display_name ?? 'Someone'} undid the merge of ${named(merged, keep)}`;
  }
  return `${line.merged_by_display_name ?? 'Someone'} merged ${named(merged, keep)} into ${named(keep, merged)}`;
}

/** The line's date, in the one format every date in Highcard uses. */
export function mergeLineDate(line: MergeLine): string {
  return formatWhen(line.undone_at ?? line.merged_at);
}
