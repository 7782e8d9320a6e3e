import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatusNote } from '../../../components/StatusNote';
import { checkAnonKey, checkBackendUrl, isLoopbackUrl } from '../../../utils/invitation';
import { send } from '../../../utils/send';
import { LOCAL_STACK } from '../../../utils/storage';
import type { SectionProps } from './types';
import { useAction } from './use-action';
import { handled } from '../../../utils/handled';

/** Where Highcard's backend is: for the person who sets Highcard up, hence last. */
export function ConnectionSection({ session, onSession }: SectionProps) {
  const [url, setUrl] = useState(session.connection.url);
  const [anonKey, setAnonKey] = useState('');
  const isLocal = session.connection.url === LOCAL_STACK.url;
  const [localAnswers, setLocalAnswers] = useState<boolean | null>(null);
  const { busy, note, run, runSession } = useAction(onSession);

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
    // The checks an invitation passes: https (loopback excepted), and the anon key only.
    const checkedUrl = checkBackendUrl(url);
    if (!checkedUrl.ok) {
      await run(async () => ({ ok: false as const, error: checkedUrl.error }));
      return;
    }
    const target = checkedUrl.value;
    const checkedKey = checkAnonKey(anonKey.trim() || (target === LOCAL_STACK.url ? LOCAL_STACK.anonKey : ''));
    if (!checkedKey.ok) {
      await run(async () => ({ ok: false as const, error: checkedKey.error }));
      return;
    }
    const key = checkedKey.value;
    // Asked for inside the click, as browsers require; only this one origin.
    if (!isLoopbackUrl(target)) {
      const granted = await browser.permissions.request({ origins: [`${new URL(target).origin}/*`] });
      if (!granted) {
        await run(async () => ({ ok: false, error: 'Highcard needs permission to reach that address to connect.' }));
        return;
      }
    }
    await runSession(() => send('connection.set', { url: target, anonKey: key }), `Connected to ${target}.`);
  };

  if (session.managed?.connection) {
    return (
      <div class="hc-stack">
        <p>
          Connected to <strong>{session.connection.url}</strong>.
        </p>
        <p class="hc-muted">Set by your organization: it cannot be changed here.</p>
        {session.managed.problems.map((problem) => (
          <p key={problem} class="hc-muted">
            {problem}
          </p>
        ))}
      </div>
    );
  }

  return (
    <>
      <p class="hc-muted">
        For the person who sets Highcard up for the team. {isLocal ? 'Using the local development stack.' : `Connected to ${session.connection.url}.`}{' '}
        Your team’s Supabase project URL and anon key are under Project settings → API.
      </p>
      {isLocal && localAnswers !== null ? (
        <p class="hc-muted">
          {localAnswers
            ? `The local stack answers at ${LOCAL_STACK.url}.`
            : `The local stack at ${LOCAL_STACK.url} does not answer: start it with “npm run stack”, or enter your team’s Supabase URL.`}
        </p>
      ) : null}
      <form onSubmit={handled(save)} class="hc-stack">
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
        <div class="hc-row">
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
        <StatusNote note={note} />
      </form>
    </>
  );
}
