import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccountOverviewPanel } from '../../components/AccountOverviewPanel';
import { AccountSearch } from '../../components/AccountSearch';
import { OutboxPanel } from '../../components/OutboxPanel';
import { Timeline } from '../../components/Timeline';
import type { SessionState } from '../../utils/messages';
import type { AccountOverview } from '../../utils/messages';
import { send } from '../../utils/send';

type Load<T> = { kind: 'loading' } | { kind: 'ok'; data: T } | { kind: 'error'; message: string };
type View = { kind: 'search' } | { kind: 'account'; accountId: string };

function openSettings() {
  void browser.runtime.openOptionsPage();
}

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

export function App() {
  const [session, setSession] = useState<Load<SessionState>>({ kind: 'loading' });
  const [view, setView] = useState<View | null>(null);
  const online = useOnline();

  const load = async () => {
    setSession({ kind: 'loading' });
    const result = await send('session.get', {});
    setSession(result.ok ? { kind: 'ok', data: result.data } : { kind: 'error', message: result.error });
  };
  useEffect(() => void load(), []);

  const ready = session.kind === 'ok' && session.data.user !== null && session.data.activeOrgId !== null;

  // Opened over a Gmail thread or a LinkedIn profile whose lookup matched an account: go
  // straight to it.
  useEffect(() => {
    if (!ready || view) return;
    void (async () => {
      const tab = await currentTab();
      const context = tab ? await send('context.current', { tabId: tab.id, url: tab.url }) : null;
      setView((shown) =>
        shown ?? (context?.ok && context.data.accountId ? { kind: 'account', accountId: context.data.accountId } : { kind: 'search' }),
      );
    })();
  }, [ready]);

  return (
    <main class="popup" aria-labelledby="popup-title" aria-busy={session.kind === 'loading'}>
      <header class="rc-header">
        <h1 id="popup-title">Highcard</h1>
        {session.kind === 'ok' && session.data.user ? (
          <button type="button" class="rc-link" onClick={openSettings}>
            Settings
          </button>
        ) : null}
      </header>
      {!online ? (
        <p role="status" class="rc-banner">
          You are offline. Timelines need the network; anything you file is kept in this browser and sent when you are back.
        </p>
      ) : null}
      <Body session={session} view={view} setView={setView} retry={load} />
    </main>
  );
}

function Body({
  session,
  view,
  setView,
  retry,
}: {
  session: Load<SessionState>;
  view: View | null;
  setView: (view: View) => void;
  retry: () => void;
}) {
  if (session.kind === 'loading') return <p role="status">Loading…</p>;
  if (session.kind === 'error') {
    return (
      <div role="alert" class="rc-state">
        <p>{session.message}</p>
        <div class="rc-row">
          <button type="button" onClick={retry}>
            Try again
          </button>
          <button type="button" onClick={openSettings}>
            Open settings
          </button>
        </div>
      </div>
    );
  }
  const state = session.data;
  if (!state.user) {
    return (
      <div class="rc-state">
        <p>Your team’s customer record. Connect and sign in to read account timelines here.</p>
        <p class="rc-muted">You are not signed in. Sign in from Highcard’s settings; anything you filed is kept until then.</p>
        <button type="button" onClick={openSettings}>
          Open settings
        </button>
        <OutboxPanel />
      </div>
    );
  }
  if (!state.activeOrgId) {
    return (
      <div class="rc-state">
        <p>You are signed in as {state.user.email}, but not in an organization yet.</p>
        <p class="rc-muted">Create one for your team, or join with an invite code from a colleague, in Highcard’s settings.</p>
        <button type="button" onClick={openSettings}>
          Open settings
        </button>
      </div>
    );
  }
  const org = state.organizations.find((o) => o.org_id === state.activeOrgId);
  return (
    <>
      {view?.kind === 'account' ? (
        <AccountView accountId={view.accountId} userId={state.user.id} onBack={() => setView({ kind: 'search' })} />
      ) : view?.kind === 'search' ? (
        <>
          {org ? <p class="rc-muted">Searching {org.org_name}’s accounts.</p> : null}
          <AccountSearch autoFocus onOpen={(hit) => setView({ kind: 'account', accountId: hit.account_id })} />
        </>
      ) : (
        <p role="status">Loading…</p>
      )}
      <OutboxPanel />
    </>
  );
}

function AccountView({ accountId, userId, onBack }: { accountId: string; userId: string; onBack: () => void }) {
  const [overview, setOverview] = useState<Load<AccountOverview>>({ kind: 'loading' });
  const load = async () => {
    setOverview({ kind: 'loading' });
    const result = await send('account.overview', { accountId });
    setOverview(result.ok ? { kind: 'ok', data: result.data } : { kind: 'error', message: result.error });
  };
  useEffect(() => void load(), [accountId]);

  return (
    <div class="rc-account">
      <button type="button" class="rc-link" onClick={onBack}>
        ← Search accounts
      </button>
      {overview.kind === 'loading' ? <p role="status">Loading the account…</p> : null}
      {overview.kind === 'error' ? (
        <div role="alert" class="rc-state">
          <p>{overview.message}</p>
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : null}
      {overview.kind === 'ok' ? (
        <>
          <AccountOverviewPanel overview={overview.data} />
          <Timeline accountId={accountId} currentUserId={userId} />
        </>
      ) : null}
    </div>
  );
}
