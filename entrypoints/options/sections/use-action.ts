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

export type RunSession = (action: () => Promise<Result<SessionState>>, success?: string) => Promise<SessionState | null>;

/** `run` for any action; `runSession` for one that answers with the new session, which the
 * page then shows everywhere. */
export function useAction(onSession?: (session: SessionState) => void): {
  busy: boolean;
  note: Note | null;
  run: Run;
  runSession: RunSession;
} {
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
    return result.data;
  };
  const runSession: RunSession = async (action, success) => {
    const session = await run(action, success);
    if (session) onSession?.(session);
    return session;
  };

  return { busy, note: latest === me ? note : null, run, runSession };
}
