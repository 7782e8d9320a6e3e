// "This settles it": the customer's reply settles a step. The reply is filed the usual way
// (the preview, then the outbox), and once the server has the entry the step is settled with
// it. Pure decisions here; use-settle-by-filing.ts runs them beside the panel's page model.
import type { LookupResult, OutboxItem, PageSource } from '../messages';

/** The message a step is settled by: the latest one from the customer that can be filed. */
export function settlingSource(sources: readonly PageSource[]): PageSource | null {
  const fileable = sources.filter((source) => !source.mine && !source.notice && !('problem' in source.seed));
  return fileable.at(-1) ?? null;
}

/** The team's entry for that message when someone filed it already. */
export function filedEntryId(source: PageSource, known: LookupResult | null): string | null {
  const entry = known?.entries.find((candidate) => candidate.source_ref === source.key);
  return entry ? entry.id : null;
}

export type FilingProgress =
  | { kind: 'waiting' }
  /** The server has the message; the panel settles the step with it. */
  | { kind: 'filed'; entryId: string }
  /** The outbox settled the step with the message (or found it settled another way). */
  | { kind: 'settled'; skipped: boolean }
  | { kind: 'stuck'; message: string };

/** Where the filing of that message has got to, from what this page filed since the rep asked. */
export function filingProgress(filedIds: readonly string[], before: readonly string[], outbox: readonly OutboxItem[]): FilingProgress {
  const fresh = filedIds.filter((id) => !before.includes(id));
  const item = fresh.length ? outbox.find((candidate) => candidate.id === fresh.at(-1)) : undefined;
  if (!item) return { kind: 'waiting' };
  if (item.status === 'needs_attention') {
    const then = item.settles ? 'the step is settled once it is filed' : 'then settle the step';
    return { kind: 'stuck', message: `The reply could not be filed; correct it in the outbox, ${then}.` };
  }
  // The filing carried the step: the outbox settles it, here or after the panel was closed.
  if (item.settles) return item.settles.state === 'waiting' ? { kind: 'waiting' } : { kind: 'settled', skipped: item.settles.state === 'skipped' };
  if (item.status === 'sent' && item.result) return { kind: 'filed', entryId: item.result.id };
  return { kind: 'waiting' };
}
