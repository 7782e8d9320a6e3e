// The session as the side panel shows it: asked once, and again whenever the sign-in, the
// organization or the connection changes (in Settings, or the session ending), so a panel
// that stays open never shows a stale "Sign in".
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SessionState } from '../messages';
import { send } from '../send';
import { AUTH_KEY_PREFIX, bare } from '../storage-keys';

export type SessionLoad = { kind: 'loading' } | { kind: 'ok'; data: SessionState } | { kind: 'error'; message: string };

const WATCHED = [bare(AUTH_KEY_PREFIX), 'activeOrg', 'connection', 'settings'];

export function useSessionState(): { session: SessionLoad; reload: () => Promise<void> } {
  const [session, setSession] = useState<SessionLoad>({ kind: 'loading' });
  const reload = useCallback(async () => {
    const result = await send('session.get', {});
    setSession(result.ok ? { kind: 'ok', data: result.data } : { kind: 'error', message: result.error });
  }, []);
  useEffect(() => {
    void reload();
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && Object.keys(changes).some((key) => WATCHED.some((watched) => key.startsWith(watched)))) void reload();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, [reload]);
  return { session, reload };
}
