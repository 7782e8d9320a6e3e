// Everything the sidebar component needs, as one model: the session, the team's context, the
// items filed from this page and the preview. The component renders it and calls back.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { LookupResult, OutboxItem, SessionState } from '../messages';
import { buildCapture, newDraft, type Draft } from '../preview';
import { send } from '../send';
import type { SiteView, SourceItem } from './types';
import { useFollow, useForYouCheck, type FollowModel } from './use-for-you';
import { useAnnounceInView } from './use-in-view';
import { useOnline } from './use-online';
import { useOutbox } from './use-outbox';
import { fileOnCandidate, useSamePerson, type SamePerson } from './use-same-person';
import { mayLookUp, useSession } from './use-session';
import { useTeamContext, type ContextState } from './use-team-context';
import { customersFor } from './own-domain';

export interface SidebarModel {
  view: SiteView;
  session: SessionState | null;
  sessionError: string | null;
  context: ContextState;
  online: boolean;
  /** Items filed in this browser (all of them: the component picks what concerns the view). */
  outbox: OutboxItem[];
  /** Capture ids filed from this page, by source key (notes have no source_ref to match). */
  filedHere: Record<string, string[]>;
  draft: Draft | null;
  /** The source the preview was opened from (focus returns to it when it closes). */
  draftSource: string | null;
  filing: boolean;
  /** The last problem filing (or opening the preview), in words for the rep. */
  fileError: string | null;
  /** Which source the last problem is about, so it shows next to it. */
  fileErrorFor: string | null;
  /** Bumped when something (the shortcut) asks for focus inside the sidebar. */
  focusRequest: number;
  collapsed: boolean;
  onToggle: () => void;
  onLookup: () => void;
  onOpen: (source: SourceItem) => void;
  onDraftChange: (draft: Draft) => void;
  onSubmit: (draft: Draft) => void;
  onCancel: () => void;
  onSignIn: () => void;
  /** Follow the one account matched (For you, helper F); null otherwise. */
  follow: FollowModel | null;
  /** "Is this Mia Schmidt (…)?" and the rep's answer (helper M, use-same-person.ts). */
  samePerson?: SamePerson;
  /** "Add selection" / "Write a note": the clip window on what the rep selected (clip-actions.ts). */
  onClip?: (mode: 'clip' | 'note') => void;
  /** "Add selection": the selected part of one message in its own preview (clip-actions.ts). */
  onAddSelection?: () => void;
}

export interface SidebarHostProps {
  view: SiteView;
  collapsed: boolean;
  onToggle: () => void;
  focusRequest: number;
  /** Where filed items are watched from (storage events), so states change without polling. */
  subscribeOutbox: (onChange: () => void) => () => void;
  /** Opens Settings at sign-in (through the background: pages cannot open it themselves). */
  openSignIn: () => void;
}

export function useSidebar(props: SidebarHostProps): SidebarModel {
  const { view } = props;
  const { session, error: sessionError } = useSession(view.id);
  const context = useTeamContext(view, session);
  const outbox = useOutbox(props.subscribeOutbox);
  const online = useOnline();
  useAnnounceInView(view.id, context.state);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [filing, setFiling] = useState(false);
  const [fileError, setFileError] = useState<{ message: string; source: string | null } | null>(null);
  const [filedHere, setFiledHere] = useState<Record<string, string[]>>({});
  const [draftSource, setDraftSource] = useState<string | null>(null);

  useEffect(() => {
    setDraft(null);
    setFileError(null);
    setFiledHere({});
  }, [view.id]);

  const known: LookupResult | null = context.state.status === 'ready' ? context.state.result : null;

  // For you (helper F): Follow the one account matched, and a check for new items on opening.
  const matched = known?.accounts.length === 1 ? known.accounts[0]! : null;
  const follow = useFollow(matched ? { id: matched.id, name: matched.name } : null);
  useForYouCheck(session);

  // Once something filed from this page has reached the server, ask the team's answer again,
  // so "What the team knows" holds it as the team sees it.
  const sentHere = outbox.items
    .filter((item) => item.status === 'sent' && Object.values(filedHere).some((ids) => ids.includes(item.id)))
    .map((item) => item.id)
    .join(',');
  useEffect(() => {
    // With automatic lookup off, only the rep asks (pact rule 1).
    if (sentHere && context.state.status === 'ready' && mayLookUp(session)) void context.lookup();
  }, [sentHere]);
  const samePerson = useSamePerson(view, context.state, outbox.items, () => void context.lookup());

  const onOpen = useCallback(
    (source: SourceItem) => {
      if (!session?.activeOrgId) return;
      const seed = source.read(known);
      if ('problem' in seed) {
        setFileError({ message: seed.problem, source: source.key });
        return;
      }
      setFileError(null);
      setDraftSource(source.key);
      const customers = customersFor(seed.contacts, view.lookup, session.user?.email);
      const shown = customers.length === seed.contacts.length ? seed : { ...seed, contacts: customers, contactIndex: 0 };
      setDraft(samePerson.apply(newDraft(crypto.randomUUID(), session.activeOrgId, shown, known)));
    },
    [session?.activeOrgId, session?.user?.email, view.lookup, known, samePerson.apply],
  );

  const onSubmit = useCallback(
    async (current: Draft) => {
      setFiling(true);
      const result = await send('capture.file', { capture: buildCapture(current) });
      setFiling(false);
      if (!result.ok) {
        setFileError({ message: result.error, source: null });
        return;
      }
      const key = draftSource ?? current.seed.sourceRef;
      if (key) setFiledHere((filed) => ({ ...filed, [key]: [...(filed[key] ?? []), current.id] }));
      setDraft(null);
      await outbox.refresh();
    },
    [outbox.refresh, draftSource],
  );

  return {
    view,
    session,
    sessionError,
    context: context.state,
    online,
    outbox: outbox.items,
    filedHere,
    draft,
    draftSource,
    filing,
    fileError: fileError?.message ?? null,
    fileErrorFor: fileError?.source ?? null,
    focusRequest: props.focusRequest,
    collapsed: props.collapsed,
    onToggle: props.onToggle,
    onLookup: () => void context.lookup(true),
    onOpen,
    onDraftChange: setDraft,
    onSubmit: (d) => void onSubmit(d),
    onCancel: () => {
      setDraft(null);
      setFileError(null);
    },
    onSignIn: props.openSignIn,
    follow,
    samePerson: {
      ...samePerson,
      // Answered in the preview (Gmail): the open draft follows the answer at once.
      onSame: () => {
        samePerson.onSame();
        if (draft && samePerson.question) setDraft(fileOnCandidate(draft, samePerson.question));
      },
    },
  };
}
