import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OutboxPanel } from '../../components/OutboxPanel';
import { PopupTabs } from '../../components/PopupTabs';
import type { SessionState } from '../../utils/messages';
import { openSettings } from '../../utils/open-page';
import { forYouOnOpen, useForYouDot } from '../../utils/for-you-page';
import { send } from '../../utils/send';
import { HEADER_LINKS } from './header-links';
import { FOR_YOU_TAB, POPUP_TABS } from './tabs';
import { CoachingNoticeSlot } from './CoachingNoticeSlot';
import type { HeaderLink, PopupTabProps } from './types';

type Load<T> = { kind: 'loading' } | { kind: 'ok'; data: T } | { kind: 'error'; message: string };

function useOnline(): boolean {
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** The tab the popup was opened over: its id (and its URL when Highcard may read that site).
 * Works without the "tabs" permission; only the URL is withheld for other sites. */
async function currentTab(): Promise<{ id: number; url: string | null } | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
  } catch {
    return null;
  }
}

/** The account the page in the active tab is about, when the sidebar's lookup matched one. */
async function accountInView(): Promise<string | null> {
  const tab = await currentTab();
  if (!tab) return null;
  const context = await send('context.current', { tabId: tab.id, url: tab.url });
  return context.ok ? context.data.accountId : null;
}

function shows(link: HeaderLink, state: SessionState | null): boolean {
  if (link.needs === 'user') return !!state?.user;
  if (link.needs === 'organization') return !!state?.user && !!state.activeOrgId;
  return true;
}

export function App() {
  const [session, setSession] = useState<Load<SessionState>>({ kind: 'loading' });
  // undefined while the popup asks which account is in view; null for the search.
  const [accountId, setAccountId] = useState<string | null | undefined>(undefined);
  const [tab, setTab] = useState(POPUP_TABS[0]!.id);
  // For you: the entry to open the account at, and the dot on its tab.
  const [focusEntryId, setFocusEntryId] = useState<string | null>(null);
  const online = useOnline();

  const load = async () => {
    setSession({ kind: 'loading' });
    const result = await send('session.get', {});
    setSession(result.ok ? { kind: 'ok', data: result.data } : { kind: 'error', message: result.error });
  };
  useEffect(() => void load(), []);

  const state = session.kind === 'ok' ? session.data : null;
  const ready = !!state?.user && !!state.activeOrgId;
  const forYouDot = useForYouDot(ready ? state!.activeOrgId : null);
  const [forYouChosen, setForYouChosen] = useState(false);

  // Opened over a Gmail thread or a LinkedIn profile whose lookup matched an account: go
  // straight to it; otherwise the Accounts tab offers recent accounts and the search.
  useEffect(() => {
    if (!ready || accountId !== undefined) return;
    // Nothing in view and something waiting for the reader: open on For you.
    void Promise.all([accountInView(), forYouOnOpen()]).then(([found, forYou]) => {
      setAccountId((shown) => (shown === undefined ? found : shown));
      if (!found && forYou.waiting) setTab(FOR_YOU_TAB);
    });
  }, [ready]);

  return (
    <main class="hc-popup" aria-labelledby="popup-title" aria-busy={session.kind === 'loading'}>
      <header class="hc-header">
        <h1 id="popup-title">Highcard</h1>
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
          You are offline. Accounts you opened lately show as Highcard last saw them; anything you file is kept in this browser and sent when you are back.
        </p>
      ) : null}
      <Body
        session={session}
        retry={load}
        accountId={accountId}
        tab={tab}
        setTab={(id) => {
          if (id === FOR_YOU_TAB) setForYouChosen(true);
          setTab(id);
        }}
        marked={forYouDot && !forYouChosen ? [FOR_YOU_TAB] : []}
        focusEntryId={focusEntryId}
        openAccount={(id, entryId) => {
          setTab(POPUP_TABS[0]!.id);
          setAccountId(id);
          setFocusEntryId(entryId ?? null);
        }}
        closeAccount={() => {
          setAccountId(null);
          setFocusEntryId(null);
        }}
      />
    </main>
  );
}

function Body({
  session,
  retry,
  accountId,
  tab,
  setTab,
  marked,
  focusEntryId,
  openAccount,
  closeAccount,
}: {
  session: Load<SessionState>;
  retry: () => void;
  accountId: string | null | undefined;
  tab: string;
  setTab: (id: string) => void;
  marked: readonly string[];
  focusEntryId: string | null;
  openAccount: (accountId: string, entryId?: string) => void;
  closeAccount: () => void;
}) {
  if (session.kind === 'loading') return <p role="status">Loading…</p>;
  if (session.kind === 'error') {
    return (
      <div role="alert" class="hc-state">
        <p>{session.message}</p>
        <div class="hc-row">
          <button type="button" onClick={retry}>
            Try again
          </button>
          <button type="button" onClick={() => void openSettings()}>
            Open settings
          </button>
        </div>
      </div>
    );
  }
  const state = session.data;
  if (!state.user) {
    return (
      <div class="hc-state">
        <p>Your team’s customer record. Connect and sign in to read account timelines here.</p>
        <p class="hc-muted">You are not signed in. Anything you filed is kept in this browser until you are.</p>
        <button type="button" onClick={() => void openSettings('sign-in')}>
          Sign in
        </button>
        <OutboxPanel />
      </div>
    );
  }
  if (!state.activeOrgId) {
    return (
      <div class="hc-state">
        <p>You are signed in as {state.user.email}, but not in an organization yet.</p>
        <p class="hc-muted">Create one for your team, or join with an invite code from a colleague, in Highcard’s settings.</p>
        <button type="button" onClick={() => void openSettings('organization')}>
          Open settings
        </button>
      </div>
    );
  }
  if (accountId === undefined) return <p role="status">Loading…</p>;
  const props: PopupTabProps = {
    session: state,
    orgId: state.activeOrgId,
    userId: state.user.id,
    accountId,
    focusEntryId,
    openAccount,
    closeAccount,
  };
  return (
    <>
      <CoachingNoticeSlot orgId={state.activeOrgId} userId={state.user.id} />
      <PopupTabs tabs={POPUP_TABS} selected={tab} onSelect={setTab} props={props} marked={marked} />
      <OutboxPanel />
    </>
  );
}
