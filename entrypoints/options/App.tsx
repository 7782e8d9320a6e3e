import { useEffect, useRef, useState } from 'preact/hooks';
import type { SessionState } from '../../utils/messages';
import { browser } from 'wxt/browser';
import { send } from '../../utils/send';
import { LOCAL_STACK } from '../../utils/storage';
import { isUnder } from '../../utils/storage-keys';
import { SECTIONS, type SettingsSection } from './sections';
import { LatestAction } from './sections/use-action';

/** The section an address names (options.html#sign-in), or null for none or an unknown one. */
export function sectionFor(hash: string): SettingsSection | null {
  const id = hash.replace(/^#/, '');
  return SECTIONS.find((section) => section.id === id || section.aliases?.includes(id)) ?? null;
}

/** Where Settings opens without an address: what the user needs next. Someone signed out
 * and not yet connected to a team (or connected by policy) starts by joining. */
function firstSection(session: SessionState): SettingsSection {
  const unconnected = session.managed?.connection || session.connection.url === LOCAL_STACK.url;
  const wanted = session.user ? (session.organizations.length ? 'account' : 'organization') : unconnected ? 'join' : 'account';
  return SECTIONS.find((section) => section.id === wanted) ?? SECTIONS[0]!;
}

export function App() {
  const [session, setSession] = useState<SessionState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState<SettingsSection | null>(() => sectionFor(location.hash));
  const [latest, setLatest] = useState<object | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const load = async () => {
    setError(null);
    const state = await send('session.get', {});
    if (!state.ok) return setError(state.error);
    setSession(state.data);
    // The section Settings opened at stays while the session changes under it (connecting
    // during "Join with an invitation" must not move the user elsewhere).
    setAsked((previous) => previous ?? firstSection(state.data));
  };
  useEffect(() => void load(), []);

  // Settings follows what happens elsewhere as it happens: signing out in another tab, the
  // session expiring, joining or switching organization from the panel (storage changes),
  // and a role changed by an admin (asked again whenever the page comes back into view, and
  // every minute while it is in view).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = (fresh: boolean) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void send('session.get', { fresh }).then((state) => state.ok && setSession(state.data));
      }, 150);
    };
    const watched = ['connection', 'memberships', 'activeOrg', 'settings'];
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'managed') return refresh(false);
      if (area !== 'local') return;
      if (Object.keys(changes).some((key) => watched.includes(key) || isUnder('local:auth:', key))) refresh(false);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh(true);
    };
    browser.storage.onChanged.addListener(onStorage);
    document.addEventListener('visibilitychange', onVisible);
    addEventListener('focus', onVisible);
    const every = setInterval(() => document.visibilityState === 'visible' && refresh(true), 60_000);
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      document.removeEventListener('visibilitychange', onVisible);
      removeEventListener('focus', onVisible);
      clearInterval(every);
      if (timer) clearTimeout(timer);
    };
  }, []);


  // Another page may open Settings at a section, or the user may edit the address.
  useEffect(() => {
    const follow = () => {
      const next = sectionFor(location.hash);
      if (next) setAsked(next);
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  const go = (id: string) => {
    const next = sectionFor(id);
    if (!next) return;
    moved.current = true;
    setAsked(next);
    if (location.hash !== `#${next.id}`) history.replaceState(null, '', `#${next.id}`);
  };

  const current = asked ?? (session ? firstSection(session) : null);
  // Keyboard and screen-reader users land on the section they chose.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [current?.id]);

  return (
    <LatestAction.Provider value={{ latest, claim: setLatest }}>
      <div class="hc-settings">
        <header>
          <h1 id="options-title">Highcard settings</h1>
          <p class="hc-muted">
            Highcard stores nothing until you press “File to customer record”, and then only what the preview showed.
          </p>
        </header>
        <div class="hc-settings__layout">
          <nav aria-label="Settings sections" class="hc-settings__nav">
            <ul>
              {SECTIONS.map((section) => (
                <li key={section.id}>
                  <a
                    href={`#${section.id}`}
                    aria-current={section.id === current?.id ? 'page' : undefined}
                    onClick={(event) => {
                      event.preventDefault();
                      go(section.id);
                    }}
                  >
                    {section.title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main aria-labelledby={current ? `${current.id}-title` : 'options-title'} aria-busy={!session && !error}>
            {error ? (
              <div role="alert" class="hc-error hc-stack">
                <p>{error}</p>
                <div class="hc-row">
                  <button type="button" onClick={() => void load()}>
                    Try again
                  </button>
                </div>
              </div>
            ) : !session || !current ? (
              <p role="status">Loading…</p>
            ) : (
              <section aria-labelledby={`${current.id}-title`} key={current.id}>
                <h2 id={`${current.id}-title`} tabIndex={-1} ref={heading}>
                  {current.title}
                </h2>
                <SectionBody section={current} session={session} onSession={setSession} go={go} />
              </section>
            )}
          </main>
        </div>
      </div>
    </LatestAction.Provider>
  );
}

function SectionBody({
  section,
  session,
  onSession,
  go,
}: {
  section: SettingsSection;
  session: SessionState;
  onSession: (session: SessionState) => void;
  go: (id: string) => void;
}) {
  if (section.needs && !session.user) {
    return (
      <div class="hc-stack">
        <p>Sign in first: this part of Settings is about your account in your team’s organization.</p>
        <div class="hc-row">
          <button type="button" onClick={() => go('account')}>
            Go to sign-in
          </button>
        </div>
      </div>
    );
  }
  if (section.needs === 'organization' && !session.activeOrgId) {
    return (
      <div class="hc-stack">
        <p>You are not in an organization yet: create one for your team, or join with an invite code.</p>
        <div class="hc-row">
          <button type="button" onClick={() => go('organization')}>
            Go to Organization
          </button>
        </div>
      </div>
    );
  }
  const { Component } = section;
  return <Component session={session} onSession={onSession} go={go} />;
}
