// What the rep just filed about the people in view, from the outbox, until the team's
// lookup has it: the context shows the new entry at once, marked with its state.
import type { LookupResult, OutboxItem } from '../messages';
import type { SiteView } from './types';

/** Outbox items about this view that the team's answer does not hold yet, newest first. */
export function justFiled(
  view: SiteView,
  outbox: readonly OutboxItem[],
  filedHere: Readonly<Record<string, readonly string[]>>,
  known: LookupResult | null,
): OutboxItem[] {
  const keys = new Set([...view.sources, ...(view.extraSources ?? [])].map((source) => source.key));
  const ids = new Set(Object.values(filedHere).flat());
  const emails = new Set(view.lookup.emails.map((email) => email.toLowerCase()));
  const profile = view.lookup.linkedinUrl?.toLowerCase() ?? null;
  const inAnswer = new Set((known?.entries ?? []).map((entry) => entry.id));
  const refsInAnswer = new Set((known?.entries ?? []).map((entry) => entry.source_ref).filter(Boolean));
  const about = (item: OutboxItem) => {
    const { capture } = item;
    if (ids.has(item.id) || (capture.source_ref && keys.has(capture.source_ref))) return true;
    const contact = capture.contact;
    if (!contact) return false;
    return Boolean(
      (contact.email && emails.has(contact.email.toLowerCase())) ||
        (profile && contact.linkedin_url && contact.linkedin_url.toLowerCase() === profile),
    );
  };
  return outbox
    .filter(
      (item) =>
        about(item) &&
        !inAnswer.has(item.id) &&
        !(item.result && inAnswer.has(item.result.id)) &&
        !(item.capture.source_ref && refsInAnswer.has(item.capture.source_ref)),
    )
    .sort((a, b) => b.createdAt - a.createdAt);
}
