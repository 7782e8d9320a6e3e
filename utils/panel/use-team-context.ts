// "What the team knows" about the people in view: painted from the lookup cache first, then
// refreshed from the network. Every answer carries the generation it was asked in, and only
// the latest generation paints: a slow answer for thread A never lands on thread B.
import type { ErrorKind } from '../errors';
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LookupResult, SessionState } from '../messages';
import { send } from '../send';
import { mayLookUp } from './use-session';
import type { SiteView } from './types';
import { keptLookup } from './kept-lookup';
import { lookupEmailsFor } from './own-domain';

export type ContextState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; result: LookupResult; fetchedAt: number; refreshing: boolean }
  | { status: 'error'; message: string; kind: ErrorKind | null };

export interface TeamContext {
  state: ContextState;
  /** Asks now; `manual` is the rep pressing "Look up" (allowed with automatic lookup off). */
  lookup: (manual?: boolean) => Promise<void>;
}

export function useTeamContext(view: SiteView, session: SessionState | null): TeamContext {
  const [state, setState] = useState<ContextState>({ status: 'idle' });
  const generation = useRef(0);
  const emails = view.lookup.emails.join(',');
  const linkedinUrl = view.lookup.linkedinUrl;
  const fullName = view.lookup.fullName ?? null;

  const lookup = useCallback(
    async (manual = false) => {
      const mine = (generation.current += 1);
      const current = () => mine === generation.current;
      const payload = { emails: lookupEmailsFor(view.lookup, session?.user?.email), linkedinUrl, fullName, manual };
      // Asked on its own (automatic lookup on), the kept answer is read here, not through the
      // background; the rep's own "Look up" and a missing answer ask the background.
      const orgId = session?.activeOrgId;
      const kept = !manual && orgId ? await keptLookup(orgId, payload.emails, linkedinUrl) : null;
      if (!current()) return;
      const cached = kept
        ? ({ ok: true, data: { skipped: false, ...kept, fromCache: true } } as const)
        : await send('lookup', { ...payload, prefer: 'cache' });
      if (!current()) return;
      const early = cached.ok ? cached.data : null;
      if (early?.skipped) {
        // Automatic lookup is off: wait for the rep to press "Look up".
        setState({ status: 'idle' });
        return;
      }
      if (early) {
        setState({ status: 'ready', result: early.result, fetchedAt: early.fetchedAt, refreshing: early.fromCache });
        if (!early.fromCache) return;
      } else {
        setState({ status: 'loading' });
      }
      const fresh = await send('lookup', { ...payload, prefer: 'network' });
      if (!current()) return;
      const answer = fresh.ok ? fresh.data : null;
      // Automatic lookup was turned off meanwhile: nothing shows until the rep asks.
      if (answer?.skipped) {
        if (kept) setState({ status: 'idle' });
        return;
      }
      if (answer) {
        setState({ status: 'ready', result: answer.result, fetchedAt: answer.fetchedAt, refreshing: false });
      } else if (!cached.ok) {
        setState({ status: 'error', message: fresh.ok ? '' : fresh.error, kind: fresh.ok ? null : (fresh.kind ?? null) });
      } else {
        setState((now) => (now.status === 'ready' ? { ...now, refreshing: false } : now));
      }
    },
    // The view's identity and who is asked decide the question; a new view is a new question.
    [view.id, emails, linkedinUrl, fullName, session?.user?.email, session?.activeOrgId],
  );

  const allowed = mayLookUp(session);
  const orgId = session?.activeOrgId ?? null;
  const userId = session?.user?.id ?? null;
  // A layout effect, so the question leaves as soon as the view is rendered rather than a
  // frame later (useEffect waits for the next paint): the cached answer paints one frame sooner.
  useLayoutEffect(() => {
    // A new view or another organization: whatever is in flight is for something else now.
    generation.current += 1;
    setState({ status: 'idle' });
    if (allowed) void lookup();
  }, [lookup, allowed, orgId, userId]);

  return { state, lookup };
}
