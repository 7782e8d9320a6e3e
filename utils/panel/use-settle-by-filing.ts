// "This settles it" beside "This page": files the customer's reply through the usual preview,
// then settles the step with the entry the server made. It lives beside the page's model, not
// in the part that shows the steps, because the preview takes that part's place meanwhile.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LookupResult, OpenStep, OutboxItem, PageSource } from '../messages';
import { send } from '../send';
import { filedEntryId, filingProgress, settlingSource } from './settle-by-filing';

export interface SettlePage {
  sources: readonly PageSource[];
  known: LookupResult | null;
  outbox: readonly OutboxItem[];
  filedHere: Record<string, string[]>;
  /** The preview is open. */
  previewing: boolean;
  /** Opens the preview for a message whose filing settles the step `settles`. */
  open: (source: PageSource, settles: string) => void;
  /** Asks the team's answer again, so the settled step leaves "Open with them". */
  refresh: () => void;
}

export type SettleNote = { kind: 'ok' | 'error'; text: string } | null;

interface Waiting {
  step: OpenStep;
  sourceKey: string;
  before: string[];
  opened: boolean;
}

export function useSettleByFiling(page: SettlePage): { start: (step: OpenStep) => void; note: SettleNote; waiting: boolean } {
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [note, setNote] = useState<SettleNote>(null);
  const settling = useRef(false);

  const settle = async (step: OpenStep, entryId: string) => {
    settling.current = true;
    const result = await send('plan.settle', { id: step.id, outcome: 'done', interactionId: entryId });
    settling.current = false;
    setWaiting(null);
    setNote(result.ok ? { kind: 'ok', text: `Settled “${step.body}” with their reply.` } : { kind: 'error', text: result.error });
    if (result.ok) page.refresh();
  };

  useEffect(() => {
    if (!waiting || settling.current) return;
    if (page.previewing && !waiting.opened) return setWaiting({ ...waiting, opened: true });
    const progress = filingProgress(page.filedHere[waiting.sourceKey] ?? [], waiting.before, page.outbox);
    if (progress.kind === 'filed') return void settle(waiting.step, progress.entryId);
    if (progress.kind === 'settled') {
      setWaiting(null);
      setNote(
        progress.skipped
          ? { kind: 'ok', text: `“${waiting.step.body}” was already settled; their reply is filed.` }
          : { kind: 'ok', text: `Settled “${waiting.step.body}” with their reply.` },
      );
      return void page.refresh();
    }
    if (progress.kind === 'stuck') {
      setWaiting(null);
      return setNote({ kind: 'error', text: progress.message });
    }
    // The rep closed the preview without filing: the step stays open.
    if (waiting.opened && !page.previewing && !(page.filedHere[waiting.sourceKey] ?? []).some((id) => !waiting.before.includes(id))) {
      setWaiting(null);
    }
  }, [waiting, page.previewing, page.filedHere, page.outbox]);

  const start = (step: OpenStep) => {
    setNote(null);
    const source = settlingSource(page.sources);
    if (!source) return setNote({ kind: 'error', text: 'Open the customer’s reply in the thread to settle the step with it.' });
    const filed = filedEntryId(source, page.known);
    if (filed) return void settle(step, filed);
    setWaiting({ step, sourceKey: source.key, before: [...(page.filedHere[source.key] ?? [])], opened: false });
    page.open(source, step.id);
  };

  return { start, note, waiting: waiting !== null };
}
