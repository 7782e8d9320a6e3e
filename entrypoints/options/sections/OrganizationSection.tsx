import { useEffect, useRef, useState } from 'preact/hooks';
import { ROLE_LABELS } from '../../../components/labels';
import { ProfileForm } from '../../../components/ProfileForm';
import { StatusNote } from '../../../components/StatusNote';
import { LIMITS } from '../../../utils/limits';
import { send } from '../../../utils/send';
import type { SectionProps } from './types';
import { useAction } from './use-action';
import { handled } from '../../../utils/handled';

/** Which organization the popup and sidebar read, how colleagues see me in it, and
 * creating or joining one. */
export function OrganizationSection({ session, onSession, go }: SectionProps) {
  const active = session.organizations.find((org) => org.org_id === session.activeOrgId);
  const switching = useAction(onSession);
  const profile = useAction(onSession);
  const [created, setCreated] = useState<string | null>(null);
  const next = useRef<HTMLDivElement>(null);
  // Right after creating, what to do next is where the eye is, not below the forms.
  useEffect(() => {
    if (created) next.current?.scrollIntoView({ block: 'nearest' });
  }, [created]);

  return (
    <>
      {created && active?.org_name === created ? (
        <div ref={next} class="hc-stack hc-next-steps" role="region" aria-label="What to do next">
          <p>
            <strong>{created}</strong> is ready, and you are its admin. Next:
          </p>
          <ol>
            <li>
              Invite your colleagues:{' '}
              <a href="#people" onClick={(e) => (e.preventDefault(), go('people'))}>
                People → Share an invitation
              </a>{' '}
              gives one text to paste into chat or mail.
            </li>
            <li>
              File your first customer message: open a customer’s email in Gmail, open Highcard’s panel (the toolbar button
              or Alt+Shift+H) and press “Add to customer record”.
            </li>
            <li>
              Already have customers in a CRM?{' '}
              <a href="#import" onClick={(e) => (e.preventDefault(), go('import'))}>
                Import
              </a>{' '}
              them from a HubSpot, Salesforce or Pipedrive export.
            </li>
          </ol>
        </div>
      ) : null}
      {session.organizations.length ? (
        <fieldset>
          <legend>Active organization</legend>
          {session.organizations.map((org) => (
            <label key={org.org_id} class="hc-inline">
              <input
                type="radio"
                name="active-org"
                checked={org.org_id === session.activeOrgId}
                onChange={() => void switching.runSession(() => send('org.setActive', { orgId: org.org_id }))}
              />
              {org.org_name} <span class="hc-muted">({ROLE_LABELS[org.role]})</span>
            </label>
          ))}
          <StatusNote note={switching.note} />
        </fieldset>
      ) : (
        <p>You are not in an organization yet: create one for your team, or join with an invite code.</p>
      )}

      {active ? (
        <>
          <ProfileForm
            org={active}
            busy={profile.busy}
            onSave={(values) => void profile.runSession(() => send('profile.update', { orgId: active.org_id, ...values }), 'Profile saved.')}
          />
          <StatusNote note={profile.note} />
        </>
      ) : null}

      <JoinForm onSession={onSession} />
      <CreateForm onSession={onSession} onCreated={setCreated} />
    </>
  );
}

function CreateForm({ onSession, onCreated }: Pick<SectionProps, 'onSession'> & { onCreated: (name: string) => void }) {
  const [name, setName] = useState('');
  const { busy, note, runSession } = useAction(onSession);
  return (
    <form
      class="hc-stack"
      onSubmit={handled(async (event) => {
        event.preventDefault();
        const wanted = name.trim();
        if (await runSession(() => send('org.create', { name: wanted }), `Created ${wanted}.`)) {
          setName('');
          onCreated(wanted);
        }
      })}
    >
      <h3>Create an organization</h3>
      <label>
        Name
        <input required value={name} maxLength={LIMITS.name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <div class="hc-row">
        <button type="submit" disabled={busy}>
          Create organization
        </button>
      </div>
      <StatusNote note={note} />
    </form>
  );
}

function JoinForm({ onSession }: Pick<SectionProps, 'onSession'>) {
  const [code, setCode] = useState('');
  const { busy, note, runSession } = useAction(onSession);
  return (
    <form
      class="hc-stack"
      onSubmit={handled(async (event) => {
        event.preventDefault();
        if (await runSession(() => send('org.join', { code: code.trim() }), 'You joined the organization.')) setCode('');
      })}
    >
      <h3>Join with an invite code</h3>
      <label>
        Invite code
        <input
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          placeholder="K7QM-PX42-9T"
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </label>
      <div class="hc-row">
        <button type="submit" disabled={busy}>
          Join organization
        </button>
      </div>
      <StatusNote note={note} />
    </form>
  );
}
