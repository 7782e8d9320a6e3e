// The panel follows an account another extension page asked it to show (Insights' account
// names): at once if the request is fresh when the panel opens, and whenever a new one comes.
import { useEffect, useRef } from 'preact/hooks';
import { follows, type PanelRequest } from '../open-panel-account';
import { panelRequestItem } from '../storage';

export function usePanelRequest(orgId: string | null, open: (accountId: string) => void): void {
  // Each request is followed once by this panel, so reopening the record later stays the rep's choice.
  const followed = useRef<number | null>(null);
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    if (!orgId) return;
    const consider = (request: PanelRequest | null) => {
      if (!follows(request, orgId) || followed.current === request.requestedAt) return;
      followed.current = request.requestedAt;
      openRef.current(request.accountId);
    };
    void panelRequestItem.getValue().then(consider);
    return panelRequestItem.watch(consider);
  }, [orgId]);
}
