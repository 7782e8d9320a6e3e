import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { StatusNote } from '../../../components/StatusNote';
import { signOutWarning, unsentCount } from '../../../utils/panel/states';
import { send } from '../../../utils/send';
import { LOCAL_STACK } from '../../../utils/storage';
import type { SectionProps } from './types';
import { useAction } from './use-action';
import { handled } from '../../../utils/handled';

/** Who is signed in, or the sign-in form (options.html#sign-in). */
export function AccountSection(props: SectionProps) {
  return props.session.user ? <SignedIn {...props} /> : <SignInForm {...props} />;
}

function SignedIn({ session, onSession, go }: SectionProps) {
  const { busy, note, run, runSession } = useAction(onSession);
  const unsent = session.unsent;
  // Asked again at the click: something may have been filed since this page last heard.
  const [waiting, setWaiting] = useState<number | null>(null);
  const signOut = () => runSession(() => send('session.signOut', {}), 'Signed out.');
  const askFirst = async () => {
    const items = await run(() => send('outbox.list', {}));
    const count = items ? unsentCount(items) : unsent;
    if (count > 0) setWaiting(count);
    else await signOut();
  };
  return (
    <div class="hc-stack">
      <p>
        Signed in as <strong>{session.user?.email}</strong>.
        {unsent ? ` ${unsent === 1 ? '1 filed item is' : `${unsent} filed items are`} waiting to be sent.` : ''}
      </p>
      {!session.organizations.length ? (
        <p>
          Next:{' '}
          <a href="#organization" onClick={(e) => (e.preventDefault(), go('organization'))}>
            create or join an organization
          </a>
          .
        </p>
      ) : null}
      <div class="hc-row">
        <button type="button" disabled={busy || waiting !== null} onClick={handled(askFirst)}>
          Sign out
        </button>
      </div>
      {waiting !== null ? (
        <ConfirmDialog
          title="Sign out with items not yet sent?"
          message={signOutWarning(waiting)}
          confirmLabel="Sign out"
          busy={busy}
          onCancel={() => setWaiting(null)}
          onConfirm={handled(async () => {
            setWaiting(null);
            await signOut();
          })}
        />
      ) : null}
      <StatusNote note={note} />
    </div>
  );
}

/** The sign-in form; "Join with an invitation" shows it too, between connecting and joining. */
export function SignInForm({ session, onSession, go }: SectionProps) {
  // Password first: every team's server has it (email codes need its mail set up); the local
  // stack's codes are one click away and printed by npm run dev. Whoever signed in here with a
  // code before gets the code form first.
  const [mode, setMode] = useState<'code' | 'password'>(session.signInMethod ?? 'password');
  const allowed = session.managed?.allowedEmailDomains;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);
  const { busy, note, run, runSession } = useAction(onSession);

  const emailField = (
    <label>
      Email
      <input type="email" required autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
    </label>
  );

  return (
    <>
      <p class="hc-muted">
        Signing in to {session.connection.url === LOCAL_STACK.url ? 'the local development stack' : session.connection.url}.{' '}
        <a href="#connection" onClick={(e) => (e.preventDefault(), go('connection'))}>
          Connect to your team’s server
        </a>{' '}
        if someone gave you its address.
      </p>
      {allowed?.length ? (
        <p class="hc-muted">
          Set by your organization: sign in with your address at {allowed.map((domain) => `@${domain}`).join(', ')}.
        </p>
      ) : null}
      <div class="hc-row" role="group" aria-label="How to sign in">
        <button type="button" aria-pressed={mode === 'code'} onClick={() => setMode('code')}>
          Email code
        </button>
        <button type="button" aria-pressed={mode === 'password'} onClick={() => setMode('password')}>
          Password
        </button>
      </div>
      {mode === 'code' ? (
        <form
          class="hc-stack"
          onSubmit={handled(async (event) => {
            event.preventDefault();
            if (!codeSentTo) {
              const sent = await run(() => send('session.sendCode', { email: email.trim() }), `We sent a code to ${email.trim()}.`);
              if (sent) setCodeSentTo(email.trim());
            } else {
              await runSession(() => send('session.verifyCode', { email: codeSentTo, code: code.trim() }), 'Signed in.');
            }
          })}
        >
          {emailField}
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
          <div class="hc-row">
            <button type="submit" disabled={busy}>
              {codeSentTo ? 'Sign in with code' : 'Send code'}
            </button>
            {codeSentTo ? (
              <button type="button" onClick={() => setCodeSentTo(null)}>
                Use another email
              </button>
            ) : null}
          </div>
          <StatusNote note={note} />
        </form>
      ) : (
        <form
          class="hc-stack"
          onSubmit={handled(async (event) => {
            event.preventDefault();
            await runSession(() => send('session.signInWithPassword', { email: email.trim(), password }), 'Signed in.');
          })}
        >
          {emailField}
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
          <div class="hc-row">
            <button type="submit" disabled={busy}>
              Sign in
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void runSession(() => send('session.signUp', { email: email.trim(), password }), 'Account created.')}
            >
              Create account
            </button>
          </div>
          <StatusNote note={note} />
        </form>
      )}
    </>
  );
}
