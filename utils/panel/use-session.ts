// The session as the panel sees it: the page's last known one at once (so the next thread
// paints from the lookup cache without waiting), confirmed by the background alongside.
import { useEffect, useState } from 'preact/hooks';
import type { SessionState } from '../messages';
import { send } from '../send';

/** The session as this page last saw it; a new thread starts from it instead of waiting. */
let lastSession: SessionState | null = null;

/** For tests: forget the page's last session. */
export function forgetSession(): void {
  lastSession = null;
}

export interface SessionView {
  session: SessionState | null;
  error: string | null;
}

/** Asks the background for the session each time the view changes. */
export function useSession(viewId: string): SessionView {
  const [state, setState] = useState<SessionView>({ session: lastSession, error: null });
  useEffect(() => {
    let live = true;
    void send('session.get', { fresh: false }).then((answer) => {
      if (!live) return;
      if (!answer.ok) return setState((current) => ({ ...current, error: answer.error }));
      lastSession = answer.data;
      setState({ session: answer.data, error: null });
    });
    return () => {
      live = false;
    };
  }, [viewId]);
  return state;
}

/** Whether the panel may ask the team's backend about the people in view by itself. */
export function mayLookUp(session: SessionState | null): boolean {
  return Boolean(session?.user && session.activeOrgId && session.settings.autoLookup);
}
