// The panel follows an account another extension page asked it to show (Insights' account
// names): at once if the request is fresh when the panel opens, and whenever a new one comes,
// only when the request came from this panel's window (utils/open-panel-account.ts says why).
import { useEffect, useRef } from 'preact/hooks';
import { currentWindow, follows, type PanelRequest, type PanelWindow } from '../open-panel-account';
import { panelRequestItem } from '../storage';

export function usePanelRequest(orgId: string | null, open: (accountId: string) => void, where: () => Promise<PanelWindow> = currentWindow): void {
  // Each request is followed once by this panel, so reopening the record later stays the rep's choice.
  const followed = useRef<number | null>(null);
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    if (!orgId) return;
    let live = true;
    const consider = async (request: PanelRequest | null) => {
      if (!request || followed.current === request.requestedAt) return;
      // Asked each time: focus moves between windows while the panel stays open.
      const here = await where();
      if (!live || !follows(request, orgId, here) || followed.current === request.requestedAt) return;
      followed.current = request.requestedAt;
      openRef.current(request.accountId);
    };
    void panelRequestItem.getValue().then(consider);
    const unwatch = panelRequestItem.watch((request) => void consider(request));
    return () => {
      live = false;
      unwatch();
    };
  }, [orgId]);
}
