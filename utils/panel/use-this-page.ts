// Everything "This page" needs, as one model: the session, the team's context, the items filed
// from this page and the preview. The component renders it and calls back.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AccountHit, LookupResult, OutboxItem, PromiseToAdd, SessionState } from '../messages';
import { openSettings } from '../open-page';
import { buildCapture, newDraft, type Draft } from '../preview';
import { send } from '../send';
import { customersFor } from './own-domain';
import { promiseForAccount } from './promise-by-filing';
import { selectedPartOf, sourceHolding } from './selection-source';
import { seedOf, type SiteView, type SourceItem } from './types';
import { useFollow, useForYouCheck, type FollowModel } from './use-for-you';
import { useOnline } from './use-online';
import { subscribeOutbox, useOutbox } from './use-outbox';
import { fileOnCandidate, useSamePerson, type SamePerson } from './use-same-person';
import { mayLookUp } from './use-session';
import { useSimilarAccounts } from './use-similar-accounts';
import { useTeamContext, type ContextState } from './use-team-context';

export interface ThisPageModel {
  view: SiteView;
  session: SessionState | null;
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
  onLookup: () => void;
  /** Opens the preview; `settles` is the plan step the filed message settles ("This settles
   * it"), `promise` the promise read from it ("Add as a promise"), added once it is filed. */
  onOpen: (source: SourceItem, settles?: string | null, promise?: PromiseToAdd | null) => void;
  onDraftChange: (draft: Draft) => void;
  onSubmit: (draft: Draft) => void;
  onCancel: () => void;
  onSignIn: () => void;
  /** Follow the one account matched (For you); null otherwise. */
  follow: FollowModel | null;
  /** "Is this Mia Schmidt (…)?" and the rep's answer (use-same-person.ts). */
  samePerson?: SamePerson;
  /** "File the selection" / "Write a note" on a page that could not be read. */
  onClip?: (mode: 'clip' | 'note') => void;
  /** "Add selection": the selected part of one message in its own preview, else a clip. */
  onAddSelection?: () => void;
  /** The team's accounts of the same or a similar name, offered in the preview. */
  similarAccounts?: readonly AccountHit[];
  /** What filing to the account chosen in the preview changes in the promise it carries. */
  promiseNote?: string | null;
}

export interface ThisPageProps {
  tabId: number;
  view: SiteView;
  session: SessionState | null;
  /** Reads the page again now, so the preview shows the page as it is when the rep asks. */
  reread: () => Promise<SiteView | null>;
}

const GONE = 'This is no longer on the page. Open it again in the tab and retry.';

export function useThisPage({ tabId, view, session, reread }: ThisPageProps): ThisPageModel {
  const context = useTeamContext(view, session);
  const outbox = useOutbox(subscribeOutbox);
  const online = useOnline();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [filing, setFiling] = useState(false);
  const [fileError, setFileError] = useState<{ message: string; source: string | null } | null>(null);
  const [filedHere, setFiledHere] = useState<Record<string, string[]>>({});
  const [draftSource, setDraftSource] = useState<string | null>(null);
  // The step the draft settles: it goes with the filing into the outbox, which settles it once
  // the message is on the server, even if the panel is closed by then.
  const [draftSettles, setDraftSettles] = useState<string | null>(null);
  const [draftPromise, setDraftPromise] = useState<PromiseToAdd | null>(null);

  useEffect(() => {
    setDraft(null);
    setFileError(null);
    setFiledHere({});
  }, [view.id]);

  const known: LookupResult | null = context.state.status === 'ready' ? context.state.result : null;

  // For you: Follow the one account matched, and a check for new items on opening.
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

  const openSeed = useCallback(
    (source: SourceItem, settles: string | null = null, promise: PromiseToAdd | null = null) => {
      if (!session?.activeOrgId) return;
      const seed = seedOf(source, known);
      if ('problem' in seed) {
        setFileError({ message: seed.problem, source: source.key });
        return;
      }
      setFileError(null);
      setDraftSource(source.key);
      setDraftSettles(settles);
      setDraftPromise(promise);
      const customers = customersFor(seed.contacts, view.lookup, session.user?.email);
      const shown = customers.length === seed.contacts.length ? seed : { ...seed, contacts: customers, contactIndex: 0 };
      setDraft(samePerson.apply(newDraft(crypto.randomUUID(), session.activeOrgId, shown, known)));
    },
    [session?.activeOrgId, session?.user?.email, view.lookup, known, samePerson.apply],
  );

  // The page is read again first: the preview shows it as it is now, not as it was reported.
  const onOpen = useCallback(
    async (source: SourceItem, settles: string | null = null, promise: PromiseToAdd | null = null) => {
      const now = await reread();
      if (source.key.includes('#selection-')) return openSeed(source, settles, promise);
      const current = now && now.id === view.id ? [...now.sources, ...(now.extraSources ?? [])].find((s) => s.key === source.key) : undefined;
      if (now && !current) return setFileError({ message: GONE, source: source.key });
      openSeed(current ?? source, settles, promise);
    },
    [reread, openSeed, view.id],
  );

  const clip = useCallback(
    async (mode: 'clip' | 'note', text: string) => {
      const answer = await send('clip.open', { selection: { text, title: view.heading, url: view.url }, mode });
      if (!answer.ok) setFileError({ message: answer.error, source: null });
    },
    [view.heading, view.url],
  );

  const onClip = useCallback(
    async (mode: 'clip' | 'note') => {
      if (mode === 'note') return clip('note', '');
      const selected = await send('page.selection', { tabId });
      await clip('clip', selected.ok ? selected.data.text : '');
    },
    [tabId, clip],
  );

  const onAddSelection = useCallback(async () => {
    const selected = await send('page.selection', { tabId });
    const text = selected.ok ? selected.data.text : '';
    const source = text ? sourceHolding(view.sources, text, known) : null;
    if (source) openSeed(selectedPartOf(source, text, known));
    else await clip('clip', text);
  }, [tabId, view.sources, known, openSeed, clip]);

  const onSubmit = useCallback(
    async (current: Draft) => {
      setFiling(true);
      // The promise goes to the account the message is filed to, with a person of that account only.
      const promise = promiseForAccount(draftPromise, current.account, known).promise;
      const result = await send('capture.file', { capture: buildCapture(current), settles: draftSettles, promise });
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
    [outbox.refresh, draftSource, draftSettles, draftPromise, known],
  );

  const similarAccounts = useSimilarAccounts(draft?.seed.contacts[draft.contactIndex], Boolean(draft));

  return {
    view,
    session,
    context: context.state,
    similarAccounts,
    promiseNote: draft ? promiseForAccount(draftPromise, draft.account, known).note : null,
    online,
    outbox: outbox.items,
    filedHere,
    draft,
    draftSource,
    filing,
    fileError: fileError?.message ?? null,
    fileErrorFor: fileError?.source ?? null,
    onLookup: () => void context.lookup(true),
    onOpen: (source, settles, promise) => void onOpen(source, settles ?? null, promise ?? null),
    onDraftChange: setDraft,
    onSubmit: (d) => void onSubmit(d),
    onCancel: () => {
      setDraft(null);
      setFileError(null);
    },
    onSignIn: () => void openSettings('sign-in'),
    follow,
    onClip: (mode) => void onClip(mode),
    onAddSelection: () => void onAddSelection(),
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
