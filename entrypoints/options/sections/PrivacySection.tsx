import { StatusNote } from '../../../components/StatusNote';
import { send } from '../../../utils/send';
import type { SectionProps } from './types';
import { useAction } from './use-action';
import { handled } from '../../../utils/handled';

/** Pact rule 1: the sidebar's lookup can wait until the user asks. */
export function PrivacySection({ session, onSession }: SectionProps) {
  const { note, runSession } = useAction(onSession);
  return (
    <>
      <label class="hc-inline">
        <input
          type="checkbox"
          checked={session.settings.autoLookup}
          disabled={session.managed?.lookupMode}
          onChange={handled(async (e) => {
            const autoLookup = e.currentTarget.checked;
            await runSession(
              () => send('settings.set', { autoLookup }),
              autoLookup ? 'Lookups are automatic.' : 'Lookups only when you ask.',
            );
          })}
        />
        Look up the people in view automatically
      </label>
      {session.managed?.lookupMode ? <p class="hc-muted">Set by your organization.</p> : null}
      <StatusNote note={note} />
      <p class="hc-muted">
        When off, the sidebar sends nothing until you press “Look up”. Lookups are never logged by your team’s backend.
      </p>
      <p>
        <a href="privacy.html" target="_blank" rel="noopener">
          Privacy: what Highcard reads, what it sends and where, what stays in this browser
        </a>
      </p>
    </>
  );
}
