// Signed out: the way in, and when a session ended, how many filed items wait for it. The
// count follows the outbox as it changes; signing in again sends them (the background
// resumes the outbox on sign-in).
import { openSettings } from '../../utils/open-page';
import { sessionEnded, sessionEndedLine, unsentCount } from '../../utils/panel/states';
import { subscribeOutbox, useOutbox } from '../../utils/panel/use-outbox';
import type { SessionState } from '../../utils/messages';

export function SignedOut({ session }: { session: SessionState }) {
  const { items } = useOutbox(subscribeOutbox);
  const ended = sessionEnded(session);
  return (
    <section class="hc-region" aria-labelledby="signin-title">
      <h2 id="signin-title">Your team’s record</h2>
      {ended ? (
        <p role="status">{sessionEndedLine(unsentCount(items))}</p>
      ) : (
        <>
          <p>Connect and sign in to read account timelines here.</p>
          <p class="hc-muted">You are not signed in. Anything you filed is kept in this browser until you are.</p>
        </>
      )}
      {ended ? <p class="hc-muted">Sign in again to read your team’s record; what you filed is kept in this browser and sent once you do.</p> : null}
      <button type="button" onClick={() => void openSettings('sign-in')}>
        Sign in
      </button>
    </section>
  );
}
