import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { MembersList } from '../../components/MembersList';
import { MyEntries } from '../../components/MyEntries';
import { ProfileForm } from '../../components/ProfileForm';
import type { SessionState } from '../../utils/background/handlers';
import { ROLES, type Role } from '../../utils/messages';
import { send } from '../../utils/send';
import { LOCAL_STACK } from '../../utils/storage';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function App() {
  const [session, setSession] = useState<SessionState | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const state = await send('session.get', {});
    if (state.ok) setSession(state.data);
    else setNotice({ kind: 'error', text: state.error });
  };

  useEffect(() => void load(), []);

  /** Runs one action, shows its error in words, and refreshes the state it returns. */
  const run = async <T,>(action: () => Promise<{ ok: true; data: T } | { ok: false; error: string }>, success?: string) => {
    setBusy(true);
    setNotice(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setNotice({ kind: 'error', text: result.error });
      return null;
    }
    if (success) setNotice({ kind: 'ok', text: success });
    const data = result.data as unknown;
    if (data && typeof data === 'object' && 'organizations' in data) setSession(data as SessionState);
    return result.data;
  };

  return (
    <main class="opt" aria-labelledby="options-title" aria-busy={busy}>
      <h1 id="options-title">Highcard settings</h1>
      <p class="muted">
        Highcard stores nothing until you press “File to customer record”, and then only what the preview showed.
      </p>
      <div aria-live="polite">
        {notice ? (
          <p role={notice.kind === 'error' ? 'alert' : 'status'} class={notice.kind === 'error' ? 'error' : 'ok'}>
            {notice.text}
          </p>
        ) : null}
      </div>
      {!session ? (
        <p role="status">Loading…</p>
      ) : (
        <>
          <ConnectionSection session={session} busy={busy} run={run} />
          {session.user ? (
            <>
              <AccountSection session={session} busy={busy} run={run} />
              <OrganizationSection session={session} busy={busy} run={run} />
              {session.organizations.length ? <MyEntries /> : null}
              <PrivacySection session={session} run={run} />
            </>
          ) : (
            <SignInSection busy={busy} run={run} />
          )}
        </>
      )}
    </main>
  );
}

type Run = <T>(
  action: () => Promise<{ ok: true; data: T } | { ok: false; error: string }>,
  success?: string,
) => Promise<T | null>;

function ConnectionSection({ session, busy, run }: { session: SessionState; busy: boolean; run: Run }) {
  const [url, setUrl] = useState(session.connection.url);
  const [anonKey, setAnonKey] = useState('');
  const isLocal = session.connection.url === LOCAL_STACK.url;
  const [localAnswers, setLocalAnswers] = useState<boolean | null>(null);

  // The local stack is the default while it answers; say so, or say how to start it.
  useEffect(() => {
    if (!isLocal) return;
    let live = true;
    void send('connection.test', { url: LOCAL_STACK.url, anonKey: LOCAL_STACK.anonKey }).then((result) => {
      if (live) setLocalAnswers(result.ok);
    });
    return () => {
      live = false;
    };
  }, [isLocal]);

  const save = async (event: Event) => {
    event.preventDefault();
    const target = url.trim().replace(/\/+$/, '');
    const key = anonKey.trim() || (target === LOCAL_STACK.url ? LOCAL_STACK.anonKey : '');
    if (!key) {
      await run(async () => ({ ok: false, error: 'Enter the project’s anon key (Project settings → API).' }));
      return;
    }
    // Asked for inside the click, as browsers require; only this one origin.
    if (target.startsWith('https://')) {
      const granted = await browser.permissions.request({ origins: [`${new URL(target).origin}/*`] });
      if (!granted) {
        await run(async () => ({ ok: false, error: 'Highcard needs permission to reach that address to connect.' }));
        return;
      }
    }
    await run(() => send('connection.set', { url: target, anonKey: key }), `Connected to ${target}.`);
  };

  return (
    <section aria-labelledby="connection-title">
      <h2 id="connection-title">Connection</h2>
      <p class="muted">
        {isLocal ? 'Using the local development stack.' : `Connected to ${session.connection.url}.`} Your team’s Supabase
        project URL and anon key are under Project settings → API.
      </p>
      {isLocal && localAnswers !== null ? (
        <p class="muted">
          {localAnswers
            ? `The local stack answers at ${LOCAL_STACK.url}.`
            : `The local stack at ${LOCAL_STACK.url} does not answer: start it with “npm run stack”, or enter your team’s Supabase URL.`}
        </p>
      ) : null}
      <form onSubmit={save} class="stack">
        <label>
          Supabase URL
          <input type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <label>
          Anon key
          <input
            type="text"
            value={anonKey}
            placeholder={isLocal ? 'Local stack key (leave empty)' : 'eyJ…'}
            onInput={(e) => setAnonKey(e.currentTarget.value)}
          />
        </label>
        <div class="row">
          <button type="submit" disabled={busy}>
            Save connection
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(
                () => send('connection.test', { url: url.trim(), anonKey: anonKey.trim() || LOCAL_STACK.anonKey }),
                'The connection works.',
              )
            }
          >
            Test connection
          </button>
        </div>
      </form>
    </section>
  );
}

function SignInSection({ busy, run }: { busy: boolean; run: Run }) {
  const [mode, setMode] = useState<'code' | 'password'>('code');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);

  return (
    <section aria-labelledby="signin-title">
      <h2 id="signin-title">Sign in</h2>
      <div class="row" role="group" aria-label="How to sign in">
        <button type="button" aria-pressed={mode === 'code'} onClick={() => setMode('code')}>
          Email code
        </button>
        <button type="button" aria-pressed={mode === 'password'} onClick={() => setMode('password')}>
          Password
        </button>
      </div>
      {mode === 'code' ? (
        <form
          class="stack"
          onSubmit={async (event) => {
            event.preventDefault();
            if (!codeSentTo) {
              const sent = await run(() => send('session.sendCode', { email: email.trim() }), `We sent a code to ${email.trim()}.`);
              if (sent) setCodeSentTo(email.trim());
            } else {
              await run(() => send('session.verifyCode', { email: codeSentTo, code: code.trim() }), 'Signed in.');
            }
          }}
        >
          <label>
            Email
            <input type="email" required autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          {codeSentTo ? (
            <label>
              Code from the email
              <input
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                required
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            </label>
          ) : null}
          <div class="row">
            <button type="submit" disabled={busy}>
              {codeSentTo ? 'Sign in with code' : 'Send code'}
            </button>
            {codeSentTo ? (
              <button type="button" onClick={() => setCodeSentTo(null)}>
                Use another email
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <form
          class="stack"
          onSubmit={async (event) => {
            event.preventDefault();
            await run(() => send('session.signInWithPassword', { email: email.trim(), password }), 'Signed in.');
          }}
        >
          <label>
            Email
            <input type="email" required autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label>
            Password
            <input
              type="password"
              required
              autoComplete="current-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </label>
          <div class="row">
            <button type="submit" disabled={busy}>
              Sign in
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => send('session.signUp', { email: email.trim(), password }), 'Account created.')}
            >
              Create account
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function AccountSection({ session, busy, run }: { session: SessionState; busy: boolean; run: Run }) {
  return (
    <section aria-labelledby="account-title">
      <h2 id="account-title">Your account</h2>
      <p>
        Signed in as <strong>{session.user?.email}</strong>.
        {session.unsent ? ` ${session.unsent} filed item(s) are waiting to be sent.` : ''}
      </p>
      <button type="button" disabled={busy} onClick={() => void run(() => send('session.signOut', {}), 'Signed out.')}>
        Sign out
      </button>
    </section>
  );
}

function OrganizationSection({ session, busy, run }: { session: SessionState; busy: boolean; run: Run }) {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [invite, setInvite] = useState<string | null>(null);
  const active = session.organizations.find((org) => org.org_id === session.activeOrgId);

  return (
    <section aria-labelledby="org-title">
      <h2 id="org-title">Organization</h2>
      {session.organizations.length ? (
        <fieldset>
          <legend>Active organization</legend>
          {session.organizations.map((org) => (
            <label key={org.org_id} class="inline">
              <input
                type="radio"
                name="active-org"
                checked={org.org_id === session.activeOrgId}
                onChange={() => void run(() => send('org.setActive', { orgId: org.org_id }))}
              />
              {org.org_name} <span class="muted">({org.role})</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <p>You are not in an organization yet: create one for your team, or join with an invite code.</p>
      )}

      {active ? (
        <>
          <ProfileForm
            org={active}
            busy={busy}
            onSave={(profile) => void run(() => send('profile.update', { orgId: active.org_id, ...profile }), 'Profile saved.')}
          />
          {session.user ? <MembersList org={active} userId={session.user.id} /> : null}
        </>
      ) : null}

      {active?.role === 'admin' ? (
        <form
          class="stack"
          onSubmit={async (event) => {
            event.preventDefault();
            const created = await run(() => send('org.invite', { orgId: active.org_id, role }), 'Invite code created.');
            if (created) setInvite(created.code);
          }}
        >
          <h3>Invite a colleague to {active.org_name}</h3>
          <label>
            Role
            <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={busy}>
            Create invite code
          </button>
          {invite ? (
            <p>
              Invite code: <code aria-label="Invite code">{invite}</code>{' '}
              <button type="button" onClick={() => void navigator.clipboard.writeText(invite)}>
                Copy code
              </button>{' '}
              <span class="muted">It works once, for 7 days.</span>
            </p>
          ) : null}
        </form>
      ) : null}

      <form
        class="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await run(() => send('org.create', { name: name.trim() }), `Created ${name.trim()}.`)) setName('');
        }}
      >
        <h3>Create an organization</h3>
        <label>
          Name
          <input required value={name} maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy}>
          Create organization
        </button>
      </form>

      <form
        class="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await run(() => send('org.join', { code: code.trim() }), 'You joined the organization.')) setCode('');
        }}
      >
        <h3>Join with an invite code</h3>
        <label>
          Invite code
          <input required value={code} onInput={(e) => setCode(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy}>
          Join organization
        </button>
      </form>
    </section>
  );
}

function PrivacySection({ session, run }: { session: SessionState; run: Run }) {
  return (
    <section aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy</h2>
      <label class="inline">
        <input
          type="checkbox"
          checked={session.settings.autoLookup}
          onChange={async (e) => {
            const autoLookup = e.currentTarget.checked;
            await run(() => send('settings.set', { autoLookup }), autoLookup ? 'Lookups are automatic.' : 'Lookups only when you ask.');
            const state = await send('session.get', {});
            if (state.ok) await run(async () => state);
          }}
        />
        Look up the people in view automatically
      </label>
      <p class="muted">
        When off, the sidebar sends nothing until you press “Look up”. Lookups are never logged by your team’s backend.
      </p>
    </section>
  );
}
