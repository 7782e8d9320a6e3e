// "File selection to customer record" from any page: the selection the background kept
// (context menu, Alt+Shift+F, or "Add selection" in the panel) waits here until it is filed
// or dismissed. The panel asks for the newest one, and again whenever one is kept.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ClipHandoff } from '../messages';
import { send } from '../send';
import { pendingClipsItem } from '../storage';

export interface PendingClip {
  clipId: string;
  handoff: ClipHandoff;
}

export function usePendingClip(): { pending: PendingClip | null; dismiss: () => Promise<void>; done: () => void } {
  const [pending, setPending] = useState<PendingClip | null>(null);
  const ask = useCallback(async () => {
    const latest = await send('clip.pending', {});
    const clipId = latest.ok ? latest.data.clipId : null;
    // None waiting: the one shown stays (it may just have been filed, and says so) until the
    // rep is done with it.
    if (!clipId) return;
    const clip = await send('clip.get', { clipId });
    setPending((now) => (now?.clipId === clipId ? now : clip.ok ? { clipId, handoff: clip.data } : null));
  }, []);
  useEffect(() => {
    void ask();
    return pendingClipsItem.watch(() => void ask());
  }, [ask]);
  const dismiss = useCallback(async () => {
    if (pending) await send('clip.discard', { clipId: pending.clipId });
    setPending(null);
  }, [pending]);
  return { pending, dismiss, done: () => setPending(null) };
}
