// The side panel: Highcard's one surface, beside the page. "This page" first (who is in view,
// what the team knows, what to file), then the record (accounts and their timelines), For
// you, and what has not been sent yet.
import { useEffect, useRef, useState } from 'preact/hooks';
import { OutboxPanel } from '../../components/OutboxPanel';
import { useOutboxPanel } from '../../utils/panel/use-outbox-panel';
import type { SessionState } from '../../utils/messages';
import { openSettings } from '../../utils/open-page';
import { forYouOnOpen, useForYouDot } from '../../utils/for-you-page';
import { useOnline } from '../../utils/panel/use-online';
import { usePanelRequest } from '../../utils/panel/use-panel-request';
import { useSessionState } from '../../utils/panel/use-session-state';
import { AccountsTab } from './AccountsTab';
import { CoachingNoticeSlot } from './CoachingNoticeSlot';
import { ForYouTab } from './ForYouTab';
import { HEADER_LINKS } from './header-links';
import { SignedOut } from './SignedOut';
import { ThisPageRegion } from './ThisPageRegion';
import type { HeaderLink, PanelProps, RoutedNote } from './types';

function shows(link: HeaderLink, state: SessionState | null): boolean {
  if (link.needs === 'user') return !!state?.user;
  if (link.needs === 'organization') return !!state?.user && !!state.activeOrgId;
  return true;
}

export function App() {
  const { session, reload } = useSessionState();
  const online = useOnline();
  const state = session.kind === 'ok' ? session.data : null;
  const ready = !!state?.user && !!state.activeOrgId;
  const [accountId, setAccountId] = useState<string | null>(null);
  const [focusEntryId, setFocusEntryId] = useState<string | null>(null);
  const [focusRoute, setFocusRoute] = useState<RoutedNote | null>(null);
  // The record follows the page's account until the rep opens one themselves.
  const [chosen, setChosen] = useState(false);
  const record = useRef<HTMLElement>(null);
  const forYouDot = useForYouDot(ready ? state!.activeOrgId : null);
  useEffect(() => {
    if (ready) void forYouOnOpen();
  }, [ready]);

  const openAccount = (id: string, entryId?: string, routed?: RoutedNote) => {
    setChosen(true);
    setAccountId(id);
    setFocusEntryId(entryId ?? null);
    setFocusRoute(routed ?? null);
    // The account's timeline comes first: bring it into view.
    requestAnimationFrame(() => record.current?.scrollIntoView({ block: 'start' }));
  };
  // An account name clicked on Insights opens here.
  usePanelRequest(ready ? state!.activeOrgId : null, openAccount);

  return (
    <main class="hc-panel" aria-label="Highcard" aria-busy={session.kind === 'loading'}>
      <header class="hc-header">
        <h1 id="panel-title">Highcard</h1>
        <nav aria-label="Highcard pages" class="hc-header__links">
          {HEADER_LINKS.filter((link) => shows(link, state)).map((link) => (
            <button key={link.id} type="button" class="hc-link" onClick={() => void link.open()}>
              {link.label}
            </button>
          ))}
        </nav>
      </header>
      {!online ? (
        <p role="status" class="hc-banner">
          You’re offline. What Highcard kept shows with its age; anything you file is kept in this browser and sent when you’re back.
        </p>
      ) : null}
      {session.kind === 'loading' ? <p role="status">Loading…</p> : null}
      {session.kind === 'error' ? (
        <div role="alert" class="hc-state">
          <p>{session.message}</p>
          <div class="hc-row">
            <button type="button" onClick={() => void reload()}>
              Try again
            </button>
            <button type="button" onClick={() => void openSettings()}>
              Open settings
            </button>
          </div>
        </div>
      ) : null}
      {state ? <ThisPageRegion session={state} onMatched={(id) => !chosen && id && setAccountId(id)} /> : null}
      {state && !state.user ? <SignedOut session={state} /> : null}
      {state?.user && !state.activeOrgId ? (
        <section class="hc-region" aria-labelledby="org-title">
          <h2 id="org-title">Your team’s record</h2>
          <p>You are signed in as {state.user.email}, but not in an organization yet.</p>
          <p class="hc-muted">Create one for your team, or join with an invite code from a colleague, in Highcard’s settings.</p>
          <button type="button" onClick={() => void openSettings('organization')}>
            Open settings
          </button>
        </section>
      ) : null}
      {ready ? (
        <Record
          props={{
            session: state!,
            orgId: state!.activeOrgId!,
            userId: state!.user!.id,
            accountId,
            focusEntryId,
            focusRoute,
            openAccount,
            closeAccount: () => {
              setChosen(true);
              setAccountId(null);
              setFocusEntryId(null);
              setFocusRoute(null);
            },
          }}
          recordRef={record}
          forYouDot={forYouDot}
        />
      ) : null}
      {state ? <Outbox /> : null}
    </main>
  );
}

function Record({ props, recordRef, forYouDot }: { props: PanelProps; recordRef: { current: HTMLElement | null }; forYouDot: boolean }) {
  return (
    <>
      <CoachingNoticeSlot orgId={props.orgId} userId={props.userId} />
      <section class="hc-region" aria-labelledby="record-title" ref={recordRef}>
        <h2 id="record-title">Accounts</h2>
        <AccountsTab {...props} />
      </section>
      <div class="hc-region">
        {forYouDot ? (
          <p class="hc-new" role="status">
            Something new
          </p>
        ) : null}
        <ForYouTab {...props} />
      </div>
    </>
  );
}

/** Mounted only once there is a session, as before: the outbox is read when the panel has one. */
function Outbox() {
  return <OutboxPanel {...useOutboxPanel()} />;
}
