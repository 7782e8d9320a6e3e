// One action's busy state and outcome, shown next to the control that started it. Only the
// latest action's message stays on screen, so a page never shows two contradicting notes.
import { createContext } from 'preact';
import { useContext, useRef, useState } from 'preact/hooks';
import type { SessionState } from '../../../utils/messages';
import type { Note } from '../../../components/StatusNote';

type Result<T> = { ok: true; data: T } | { ok: false; error: string };
export type Run = <T>(action: () => Promise<Result<T>>, success?: string) => Promise<T | null>;

/** Which action last spoke; provided once by the options page. */
export const LatestAction = createContext<{ latest: object | null; claim: (owner: object) => void }>({
  latest: null,
  claim: () => {},
});

function isSession(data: unknown): data is SessionState {
  return !!data && typeof data === 'object' && 'organizations' in data && 'settings' in data;
}

export function useAction(onSession?: (session: SessionState) => void): { busy: boolean; note: Note | null; run: Run } {
  const me = useRef({}).current;
  const { latest, claim } = useContext(LatestAction);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note | null>(null);

  const run: Run = async (action, success) => {
    claim(me);
    setBusy(true);
    setNote(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setNote({ kind: 'error', text: result.error });
      return null;
    }
    if (success) setNote({ kind: 'ok', text: success });
    if (onSession && isSession(result.data)) onSession(result.data);
    return result.data;
  };

  return { busy, note: latest === me ? note : null, run };
}
