import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SessionState } from '../utils/background/handlers';
import type { LookupResult } from '../utils/messages';
import type { OutboxItem } from '../utils/outbox';
import { buildCapture, newDraft, type Draft, type DraftSeed } from '../utils/preview';
import { send } from '../utils/send';
import { formatWhen } from '../utils/format';
import { EntryList } from './EntryList';
import { PreviewForm } from './PreviewForm';

/** Something in view the rep can file: a Gmail message, a LinkedIn message or profile. */
export interface SourceItem {
  /** The capture's source_ref (also how "already filed" is recognised). */
  key: string;
  label: string;
  detail: string | null;
  /** Reads the page again when the rep asks, so the preview shows the page as it is now;
   * or says, for the rep, why it cannot. */
  read: (known: LookupResult | null) => DraftSeed | { problem: string };
  /** The button's text when it is not the default. */
  actionLabel?: string;
}

/** What a site tells the sidebar about the page in view. */
export interface SiteView {
  /** The page's identity: a new one resets the sidebar (another thread or person). */
  id: string;
  heading: string;
  lookup: { emails: string[]; linkedinUrl: string | null };
  /** What the empty state names: "acme-robotics.example", "Mia Schmidt". */
  subject: string;
  sources: SourceItem[];
  /** The context section's heading, when the site asks a sharper question. */
  contextHeading?: string;
  /** An extra way to file, e.g. a free-text note about a LinkedIn profile. */
  extraSources?: SourceItem[];
}

type ContextState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; result: LookupResult; fetchedAt: number; refreshing: boolean }
  | { status: 'error'; message: string; offline: boolean };

interface Props {
  view: SiteView;
  collapsed: boolean;
  onToggle: () => void;
  /** Where filed items are watched from (storage events), so badges change without polling. */
  subscribeOutbox: (onChange: () => void) => () => void;
}

/** The session as this page last saw it; a new thread starts from it instead of waiting. */
let lastSession: SessionState | null = null;

export function Sidebar({ view, collapsed, onToggle, subscribeOutbox }: Props) {
  const [session, setSession] = useState<SessionState | null>(lastSession);
  const [sessionError, setSessionError] = useState<string | null>(null);
  const [context, setContext] = useState<ContextState>({ status: 'idle' });
  const [outbox, setOutbox] = useState<OutboxItem[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [filing, setFiling] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  // The preview replaces the list, so focus goes back to the source's new button by key.
  const returnFocusTo = useRef<string | null>(null);
  const root = useRef<HTMLElement>(null);

  const lookup = useCallback(async (manual = false) => {
    const payload = { emails: view.lookup.emails, linkedinUrl: view.lookup.linkedinUrl, manual };
    const cached = await send('lookup', { ...payload, prefer: 'cache' });
    const early = cached.ok ? cached.data : null;
    if (early?.skipped) {
      // Automatic lookup is off: wait for the rep to press "Look up".
      setContext({ status: 'idle' });
      return;
    }
    if (early) {
      setContext({ status: 'ready', result: early.result, fetchedAt: early.fetchedAt, refreshing: early.fromCache });
      if (!early.fromCache) return;
    } else {
      setContext({ status: 'loading' });
    }
    const fresh = await send('lookup', { ...payload, prefer: 'network' });
    const answer = fresh.ok ? fresh.data : null;
    if (answer?.skipped) return;
    if (answer) {
      setContext({ status: 'ready', result: answer.result, fetchedAt: answer.fetchedAt, refreshing: false });
    } else if (!cached.ok) {
      setContext({ status: 'error', message: fresh.ok ? '' : fresh.error, offline: !navigator.onLine });
    } else {
      setContext((current) => (current.status === 'ready' ? { ...current, refreshing: false } : current));
    }
  }, [view.lookup.emails.join(','), view.lookup.linkedinUrl]);

  const refreshOutbox = useCallback(async () => {
    const items = await send('outbox.list', {});
    if (items.ok) setOutbox(items.data);
  }, []);

  useEffect(() => {
    let live = true;
    setDraft(null);
    setContext({ status: 'idle' });
    const mayLookUp = (state: SessionState | null) =>
      Boolean(state?.user && state.activeOrgId && state.settings.autoLookup);
    // The page's last known session paints the next thread at once from the lookup cache;
    // the session is confirmed alongside, not before.
    const known = lastSession;
    if (mayLookUp(known)) void lookup();
    void (async () => {
      const state = await send('session.get', { fresh: false });
      if (!live) return;
      if (!state.ok) {
        setSessionError(state.error);
        return;
      }
      lastSession = state.data;
      setSession(state.data);
      setSessionError(null);
      const sameOrg = known?.activeOrgId === state.data.activeOrgId && known?.user?.id === state.data.user?.id;
      if (mayLookUp(state.data) && !(mayLookUp(known) && sameOrg)) await lookup();
      if (!mayLookUp(state.data)) setContext({ status: 'idle' });
    })();
    void refreshOutbox();
    return () => {
      live = false;
    };
  }, [view.id]);

  useEffect(() => subscribeOutbox(() => void refreshOutbox()), [subscribeOutbox]);

  const open = (source: SourceItem) => {
    if (!session?.activeOrgId) return;
    const known = context.status === 'ready' ? context.result : null;
    const seed = source.read(known);
    if ('problem' in seed) {
      setFileError(seed.problem);
      return;
    }
    returnFocusTo.current = source.key;
    setFileError(null);
    setDraft(newDraft(crypto.randomUUID(), session.activeOrgId, seed, known));
  };

  useEffect(() => {
    if (draft || !returnFocusTo.current) return;
    const key = returnFocusTo.current;
    returnFocusTo.current = null;
    const item = Array.from(root.current?.querySelectorAll<HTMLElement>('[data-source-key]') ?? []).find(
      (element) => element.dataset.sourceKey === key,
    );
    (item?.querySelector<HTMLElement>('button') ?? item)?.focus();
  }, [draft]);

  const close = () => {
    setDraft(null);
    setFileError(null);
  };

  const submit = async (current: Draft) => {
    setFiling(true);
    const result = await send('capture.file', { capture: buildCapture(current) });
    setFiling(false);
    if (!result.ok) {
      setFileError(result.error);
      return;
    }
    setDraft(null);
    await refreshOutbox();
  };

  if (collapsed) {
    return (
      <aside class="hc-sidebar hc-sidebar--collapsed" aria-label="Highcard">
        <button type="button" class="hc-tab" aria-expanded="false" onClick={onToggle} title="Show Highcard (Alt+Shift+H)">
          Highcard
        </button>
      </aside>
    );
  }

  const signedIn = Boolean(session?.user);
  const hasOrg = Boolean(session?.activeOrgId);
  const filedByKey = new Map(outbox.filter((item) => item.capture.source_ref).map((item) => [item.capture.source_ref!, item]));
  const teamFiled = new Map(
    context.status === 'ready'
      ? context.result.entries
          .filter((entry) => typeof entry.source_ref === 'string')
          .map((entry) => [entry.source_ref as string, entry])
      : [],
  );

  return (
    <aside class="hc-sidebar" aria-label="Highcard" ref={root}>
      <header class="hc-header">
        <h1 class="hc-h1">{view.heading}</h1>
        <button type="button" class="hc-icon" aria-expanded="true" onClick={onToggle} title="Hide Highcard (Alt+Shift+H)">
          Hide
        </button>
      </header>

      {sessionError ? <p role="alert" class="hc-error">{sessionError}</p> : null}
      {!session && !sessionError ? <p class="hc-muted" role="status">Loading…</p> : null}
      {session && !signedIn ? (
        <section class="hc-section">
          <p>Sign in to see what your team knows and to file to the customer record.</p>
          <p class="hc-muted">Open Highcard’s settings from the toolbar button to sign in.</p>
        </section>
      ) : null}
      {session && signedIn && !hasOrg ? (
        <section class="hc-section">
          <p>Create or join your team’s organization in Highcard’s settings to start.</p>
        </section>
      ) : null}

      {signedIn && hasOrg && draft ? (
        <PreviewForm
          draft={draft}
          lookup={context.status === 'ready' ? context.result : null}
          busy={filing}
          error={fileError}
          onChange={setDraft}
          onSubmit={(d) => void submit(d)}
          onCancel={close}
        />
      ) : null}

      {signedIn && hasOrg && !draft ? (
        <>
          <section class="hc-section" aria-labelledby="hc-known">
            <h2 id="hc-known" class="hc-h2">
              {view.contextHeading ?? 'What the team knows'}
            </h2>
            <ContextView state={context} subject={view.subject} me={session?.user?.id ?? null} onLookup={() => void lookup(true)} />
          </section>
          <section class="hc-section" aria-labelledby="hc-sources">
            <h2 id="hc-sources" class="hc-h2">
              File from this page
            </h2>
            {fileError ? <p role="alert" class="hc-error">{fileError}</p> : null}
            <ul class="hc-sources">
              {[...view.sources, ...(view.extraSources ?? [])].map((source) => (
                <li key={source.key} class="hc-source" data-source-key={source.key} tabIndex={-1}>
                  <p class="hc-source__label">{source.label}</p>
                  {source.detail ? <p class="hc-muted">{source.detail}</p> : null}
                  <FiledState
                    mine={filedByKey.get(source.key)}
                    team={teamFiled.get(source.key)}
                    onAdd={() => open(source)}
                    label={source.actionLabel}
                  />
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </aside>
  );
}

function ContextView({
  state,
  subject,
  me,
  onLookup,
}: {
  state: ContextState;
  subject: string;
  /** The rep: left out of "Ask", which names colleagues to talk to. */
  me: string | null;
  onLookup: () => void;
}) {
  if (state.status === 'idle') {
    return (
      <button type="button" onClick={onLookup}>
        Look up {subject}
      </button>
    );
  }
  if (state.status === 'loading') return <p class="hc-muted" role="status">Looking up {subject}…</p>;
  if (state.status === 'error') {
    return (
      <div role="alert" class="hc-error">
        <p>{state.offline ? 'You are offline. What the team knows shows again when you are back online.' : state.message}</p>
        <button type="button" onClick={onLookup}>
          Try again
        </button>
      </div>
    );
  }
  const { result } = state;
  const colleagues = result.people.filter((person) => person.user_id !== me);
  const empty = !result.accounts.length && !result.contacts.length && !result.entries.length;
  return (
    <div aria-busy={state.refreshing}>
      {state.refreshing ? <p class="hc-muted" role="status">Updating…</p> : null}
      {empty ? <p>Nobody has filed anything about {subject} yet.</p> : null}
      {result.accounts.length ? (
        <p>
          <strong>Account:</strong> {result.accounts.map((a) => a.name).join(', ')}
        </p>
      ) : null}
      {result.contacts.length ? (
        <p>
          <strong>Known contacts:</strong>{' '}
          {result.contacts
            .map((c) => [c.full_name, typeof c.title === 'string' ? c.title : null].filter(Boolean).join(', '))
            .join('; ')}
        </p>
      ) : null}
      {colleagues.length ? (
        <p>
          <strong>Ask:</strong>{' '}
          {colleagues
            .map((p) => `${p.display_name ?? 'A colleague'}${typeof p.department === 'string' ? ` (${p.department})` : ''}`)
            .join(', ')}
        </p>
      ) : null}
      {result.entries.length ? <EntryList entries={result.entries} /> : null}
    </div>
  );
}

function FiledState({
  mine,
  team,
  onAdd,
  label,
}: {
  mine: OutboxItem | undefined;
  team: LookupResult['entries'][number] | undefined;
  onAdd: () => void;
  label: string | undefined;
}) {
  if (mine?.status === 'sent') return <p class="hc-filed">Filed</p>;
  if (mine?.status === 'pending') return <p class="hc-filed" role="status">Filed · sending</p>;
  if (mine?.status === 'waiting_for_sign_in') return <p class="hc-filed">Filed · waiting for sign-in</p>;
  if (mine?.status === 'needs_attention') return <p class="hc-error">Needs attention: {mine.error}</p>;
  if (team) {
    return (
      <p class="hc-filed">
        Filed by {team.author_display_name ?? 'a colleague'} on {formatWhen(typeof team.created_at === 'string' ? team.created_at : team.occurred_at)}
      </p>
    );
  }
  return (
    <button type="button" class="hc-primary" onClick={onAdd}>
      {label ?? 'Add to customer record'}
    </button>
  );
}
