// The panel's side of For you: the check when it opens, and the "Something new" dot. The dot
// comes from the last check kept in this browser, so a check on the outbox's alarm lights it
// too, and seeing For you in the panel clears it; the seen mark stays in this browser.
import { useEffect, useState } from 'preact/hooks';
import type { ForYouStatus } from './messages';
import { send } from './send';
import { forYouCheckItem } from './storage';

const NOTHING: ForYouStatus = { waiting: false, hasNew: false };

/** Checks now; if the server is slow, lands by the last check rather than keep the panel
 * waiting (the fresh answer still arrives, and the dot follows it). */
export async function forYouOnOpen(waitMs = 800): Promise<ForYouStatus> {
  const fresh = send('forYou.check', { maxAgeMs: 0 }).then((result) => (result.ok ? result.data : null));
  const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs));
  const first = await Promise.race([fresh, late]);
  if (first) return first;
  const last = await send('forYou.status', {});
  return last.ok ? last.data : NOTHING;
}

/** Whether something new waits in For you for this organization: it follows the last check
 * kept in this browser, so it lights when a check finds something and clears once the panel's
 * For you has been seen (forYou.looked). */
export function useForYouDot(orgId: string | null): boolean {
  const [dot, setDot] = useState(false);
  useEffect(() => {
    setDot(false);
    if (!orgId) return;
    let live = true;
    void send('forYou.status', {}).then((result) => live && setDot(result.ok && result.data.hasNew));
    const stop = forYouCheckItem.watch((check) => live && setDot(!!check && check.orgId === orgId && check.hasNew));
    return () => {
      live = false;
      stop();
    };
  }, [orgId]);
  return dot;
}
