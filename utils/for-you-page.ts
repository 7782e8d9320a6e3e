// The popup's side of For you: the check when it opens, and the dot on its tab. The dot
// comes from the last check kept in this browser, so a check on the outbox's alarm or a
// sidebar's lights it too; it stays while the popup is open (the popup clears it when the
// reader chooses the tab), so landing on For you still shows what was new.
import { useEffect, useState } from 'preact/hooks';
import type { ForYouStatus } from './messages';
import { send } from './send';
import { forYouCheckItem } from './storage';

const NOTHING: ForYouStatus = { waiting: false, hasNew: false };

/** Checks now; if the server is slow, lands by the last check rather than keep the popup
 * waiting (the fresh answer still arrives, and the dot follows it). */
export async function forYouOnOpen(waitMs = 800): Promise<ForYouStatus> {
  const fresh = send('forYou.check', { maxAgeMs: 0 }).then((result) => (result.ok ? result.data : null));
  const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs));
  const first = await Promise.race([fresh, late]);
  if (first) return first;
  const last = await send('forYou.status', {});
  return last.ok ? last.data : NOTHING;
}

/** Whether something new has waited in For you for this organization since the popup opened. */
export function useForYouDot(orgId: string | null): boolean {
  const [dot, setDot] = useState(false);
  useEffect(() => {
    if (!orgId) return;
    let live = true;
    const light = (hasNew: boolean) => live && hasNew && setDot(true);
    void send('forYou.status', {}).then((result) => light(result.ok && result.data.hasNew));
    const stop = forYouCheckItem.watch((check) => light(!!check && check.orgId === orgId && check.hasNew));
    return () => {
      live = false;
      stop();
    };
  }, [orgId]);
  return dot;
}
