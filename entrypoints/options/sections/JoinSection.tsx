import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatusNote } from '../../../components/StatusNote';
import { isLoopbackUrl, readJoinInput } from '../../../utils/invitation';
import { send } from '../../../utils/send';
import { SignInForm } from './AccountSection';
import type { SectionProps } from './types';
import { useAction } from './use-action';
import { handled } from '../../../utils/handled';

/** What is left to do after the invitation was read: sign in, then join with this code. */
interface Pending {
  code: string;
  orgName: string | null;
}

/**
 * "Join with an invitation": paste the text a colleague shared, and Highcard connects to the
 * team's server (asking the browser for that one origin), offers sign-in, and joins — one
 * flow, one field. A bare invite code works when already connected.
 */
export function JoinSection(props: SectionProps) {
  const { session, onSession, go } = props;
  const [text, setText] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [joined, setJoined] = useState<string | null>(null);
  const { busy, note, run, runSession } = useAction(onSession);
  const joining = useRef(false);
  const managed = Boolean(session.managed?.connection);

  const join = async (next: Pending) => {
    if (joining.current) return;
    joining.current = true;
    const state = await runSession(() => send('org.join', { code: next.code }));
    joining.current = false;
    if (state) {
      setPending(null);
      setText('');
      const org = state.organizations.find((membership) => membership.org_id === state.activeOrgId);
      setJoined(org?.org_name ?? next.orgName ?? 'the organization');
    }
  };

  // Signing in (below) answers with a session that has a user: then the join goes on by itself.
  useEffect(() => {
    if (pending && session.user) void join(pending);
  }, [pending, session.user?.id]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setJoined(null);
    const input = readJoinInput(text);
    if (input.kind === 'error') {
      await run(async () => ({ ok: false as const, error: input.error }));
      return;
    }
    if (input.kind === 'code') {
      const next = { code: input.code, orgName: null };
      if (session.user) await join(next);
      else setPending(next);
      return;
    }
    const { invitation } = input;
    const next = { code: invitation.code, orgName: invitation.org_name };
    // With a connection set by policy, only the code matters.
    if (!managed && invitation.url !== session.connection.url) {
      // Asked inside the click, as browsers require; only the team's own origin.
      if (!isLoopbackUrl(invitation.url)) {
        const granted = await browser.permissions.request({ origins: [`${new URL(invitation.url).origin}/*`] });
        if (!granted) {
          await run(async () => ({
            ok: false as const,
            error: `Highcard needs your permission to reach ${new URL(invitation.url).origin} to join ${invitation.org_name}; nothing changed.`,
          }));
          return;
        }
      }
      const connected = await runSession(() => send('connection.set', { url: invitation.url, anonKey: invitation.anon_key }));
      if (!connected) return;
      if (connected.user) await join(next);
      else setPending(next);
      return;
    }
    if (session.user) await join(next);
    else setPending(next);
  };

  if (joined) {
    return (
      <div class="hc-stack">
        <p role="status">
          You joined <strong>{joined}</strong>.
        </p>
        <p>
          Next: open a customer’s email in Gmail or a LinkedIn profile, open Highcard’s panel (the toolbar button or
          Alt+Shift+H), and see what your team already knows.{' '}
          <a href="#organization" onClick={(e) => (e.preventDefault(), go('organization'))}>
            Your profile in the organization
          </a>
          .
        </p>
      </div>
    );
  }

  if (pending && !session.user) {
    return (
      <div class="hc-stack">
        <p>
          {pending.orgName ? (
            <>
              Connected. Sign in to join <strong>{pending.orgName}</strong>
            </>
          ) : (
            'Sign in to join the organization'
          )}
          : a new address gets an account here.
        </p>
        <SignInForm {...props} />
        <div class="hc-row">
          <button type="button" onClick={() => setPending(null)}>
            Use another invitation
          </button>
        </div>
      </div>
    );
  }

  return (
    <form class="hc-stack" onSubmit={handled(submit)}>
      <p>
        A colleague shared an invitation with you? Paste it here, all of it: Highcard connects to your team, you sign in, and
        you are in.
        {managed ? ' Your organization has set the connection; the invite code alone is enough.' : ''}
      </p>
      <label>
        Invitation or invite code
        <textarea
          rows={4}
          required
          autoComplete="off"
          spellcheck={false}
          placeholder="hc1_… or K7QM-PX42-9T"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <div class="hc-row">
        <button type="submit" disabled={busy}>
          Join
        </button>
      </div>
      <StatusNote note={note} />
      {!session.user ? (
        <p class="hc-muted">
          No invitation?{' '}
          <a href="#account" onClick={(e) => (e.preventDefault(), go('account'))}>
            Sign in
          </a>{' '}
          to {session.connection.url.startsWith('http://127.0.0.1') ? 'the local development stack' : session.connection.url}, or set up
          your team’s own server under{' '}
          <a href="#connection" onClick={(e) => (e.preventDefault(), go('connection'))}>
            Connection
          </a>
          .
        </p>
      ) : null}
    </form>
  );
}
