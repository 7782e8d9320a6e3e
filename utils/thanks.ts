// The thank-yous a page shows next to entries (pact rule 10), fetched in one message per
// render instead of one per entry: every entry on screen asks for its own, and the asks of
// the same moment go out together. Kept for the page's lifetime; nothing is counted.
import { useEffect, useState } from 'preact/hooks';
import type { ThankYou } from './messages';
import { send } from './send';

type Listener = () => void;

const known = new Map<string, ThankYou[]>();
const listeners = new Map<string, Set<Listener>>();
const pending = new Set<string>();
let timer: ReturnType<typeof setTimeout> | null = null;

function notify(id: string): void {
  for (const listener of listeners.get(id) ?? []) listener();
}

async function flush(): Promise<void> {
  timer = null;
  const ids = [...pending].slice(0, 200);
  if (ids.length === 0) return;
  for (const id of ids) pending.delete(id);
  if (pending.size) timer = setTimeout(() => void flush(), 0);
  const result = await send('thanks.list', { interactionIds: ids });
  // Thanks are a quiet extra: when they cannot be read the entry shows no control at all,
  // rather than a "This helped me" that may be wrong.
  if (!result.ok) return;
  for (const id of ids) known.set(id, result.data.filter((row) => row.interaction_id === id));
  for (const id of ids) notify(id);
}

function ask(id: string): void {
  pending.add(id);
  timer ??= setTimeout(() => void flush(), 0);
}

/** Forgets everything fetched (for tests). */
export function forgetThanks(): void {
  known.clear();
  pending.clear();
  if (timer) clearTimeout(timer);
  timer = null;
}

export interface EntryThanksState {
  /** What the reader may see for this entry; null until it arrives. */
  rows: ThankYou[] | null;
  busy: boolean;
  error: string | null;
  thank: (note: string | null) => void;
  withdraw: () => void;
}

/** The thank-yous of one entry the reader can see, and the reader's "This helped me". */
export function useEntryThanks(entryId: string, enabled = true): EntryThanksState {
  const [, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!enabled) return undefined;
    const listener = () => setVersion((version) => version + 1);
    const set = listeners.get(entryId) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(entryId, set);
    if (!known.has(entryId)) ask(entryId);
    return () => {
      set.delete(listener);
    };
  }, [entryId, enabled]);

  const act = async (action: () => ReturnType<typeof send<'thanks.give'>>) => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) ask(entryId);
  };

  return {
    rows: known.get(entryId) ?? null,
    busy,
    error,
    thank: (note) => void act(() => send('thanks.give', { interactionId: entryId, note })),
    withdraw: () => void act(() => send('thanks.withdraw', { interactionId: entryId })),
  };
}
