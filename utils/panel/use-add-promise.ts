// "Add as a promise" beside "This page". Its state lives beside the page's model, not in the
// part that shows the form, because the preview takes that part's place while the message a
// promise was read from is filed first; closing the preview brings the form back as it was.
import { useEffect, useState } from 'preact/hooks';
import type { LookupResult, OutboxItem, PageSource, PromiseToAdd, Result } from '../messages';
import type { NewPlanItem } from '../plan-actions';
import { send } from '../send';
import { promiseProgress, promiseSource } from './promise-by-filing';
import { promiseSeed, type PromiseSeed } from './promise-seed';
import { sourceHolding } from './selection-source';

export interface PromisePage {
  tabId: number;
  sources: readonly PageSource[];
  known: LookupResult | null;
  outbox: readonly OutboxItem[];
  filedHere: Record<string, string[]>;
  /** The preview is open. */
  previewing: boolean;
  /** Opens the preview for a message whose filing carries `promise`. */
  open: (source: PageSource, settles: null, promise: PromiseToAdd) => void;
  /** Asks the team's answer again: the new promise shows in "Open with them". */
  refresh: () => void;
}

export interface AddingPromise {
  /** The item's id, made when the form opens: adding it again returns the same item. */
  id: string;
  seed: PromiseSeed;
  source: PageSource | null;
  /** What the rep confirmed, shown again when the message was not filed after all. */
  confirmed: NewPlanItem | null;
}

export type PromiseNote = { kind: 'ok' | 'error'; text: string } | null;

export interface AddPromiseModel {
  adding: AddingPromise | null;
  note: PromiseNote;
  start: () => Promise<void>;
  cancel: () => void;
  submit: (account: { id: string; name: string }, item: NewPlanItem) => Promise<Result<unknown>>;
}

interface Filing {
  sourceKey: string;
  before: string[];
  opened: boolean;
  /** The rep was told the message is on its way. */
  told: boolean;
  accountName: string;
}

export function useAddPromise(page: PromisePage): AddPromiseModel {
  const [adding, setAdding] = useState<AddingPromise | null>(null);
  const [note, setNote] = useState<PromiseNote>(null);
  const [filing, setFiling] = useState<Filing | null>(null);

  useEffect(() => {
    if (!filing) return;
    if (page.previewing && !filing.opened) return setFiling({ ...filing, opened: true });
    const progress = promiseProgress(filing, page.previewing, page.filedHere[filing.sourceKey] ?? [], page.outbox);
    if (progress.kind === 'not-filed') {
      setFiling(null);
      return setNote({ kind: 'error', text: 'The message was not filed, so the promise was not added. It is still here: add it, or cancel.' });
    }
    if (progress.kind === 'added') {
      setFiling(null);
      setAdding(null);
      setNote({ kind: 'ok', text: `Added to the plan with ${filing.accountName}, beside the message it came from.` });
      return page.refresh();
    }
    if (progress.kind === 'stuck') {
      setFiling(null);
      // A refused promise stays in the form (the message is filed now); one waiting on a
      // message the rep must correct stays with that message in the outbox.
      if (!page.outbox.some((item) => item.promise?.item.id === adding?.id && item.promise?.state === 'refused')) setAdding(null);
      return setNote({ kind: 'error', text: progress.message });
    }
    if (filing.opened && !page.previewing && !filing.told) {
      setFiling({ ...filing, told: true });
      setNote({ kind: 'ok', text: 'The message is being filed; the promise is added to the plan once it is on the server, even if you close the panel.' });
    }
  }, [filing, page.previewing, page.filedHere, page.outbox]);

  const start = async () => {
    setNote(null);
    const selected = await send('page.selection', { tabId: page.tabId });
    const text = selected.ok ? selected.data.text : '';
    const source = text ? sourceHolding(page.sources, text, page.known) : null;
    const from = source && !('problem' in source.seed) ? { occurredAt: source.seed.occurredAt, mine: Boolean(source.mine) } : null;
    setAdding({ id: crypto.randomUUID(), seed: promiseSeed(text, from), source, confirmed: null });
  };

  const submit = async (account: { id: string; name: string }, item: NewPlanItem): Promise<Result<unknown>> => {
    if (!adding) return { ok: true, data: null };
    const promise: PromiseToAdd = {
      id: adding.id,
      accountId: account.id,
      kind: item.kind,
      side: item.side,
      body: item.body,
      dueOn: item.due_on,
      contactId: item.contact_id,
      take: item.take,
    };
    const where = promiseSource(adding.source, page.known);
    if (where.kind === 'file-first') {
      setNote(null);
      setAdding({ ...adding, confirmed: item });
      const key = where.source.key;
      setFiling({ sourceKey: key, before: [...(page.filedHere[key] ?? [])], opened: false, told: false, accountName: account.name });
      page.open(where.source, null, promise);
      return { ok: true, data: null };
    }
    const result = await send('plan.add', { ...promise, sourceInteractionId: where.kind === 'filed' ? where.entryId : null });
    if (result.ok) {
      setAdding(null);
      setNote({ kind: 'ok', text: `Added to the plan with ${account.name}.` });
      page.refresh();
    }
    return result;
  };

  return {
    adding,
    note,
    start,
    cancel: () => {
      setAdding(null);
      setNote(null);
    },
    submit,
  };
}
