import { useState } from 'preact/hooks';
import { ROLE_LABELS } from '../../../components/labels';
import { MembersList } from '../../../components/MembersList';
import { StatusNote } from '../../../components/StatusNote';
import type { Membership } from '../../../utils/messages';
import { send } from '../../../utils/send';
import { ROLES, type Role } from '../../../utils/vocabulary';
import type { SectionProps } from './types';
import { useAction } from './use-action';

/** The people in the active organization and their roles; admins invite colleagues here. */
export function PeopleSection({ session }: SectionProps) {
  const active = session.organizations.find((org) => org.org_id === session.activeOrgId);
  if (!active || !session.user) return null;
  return (
    <>
      <MembersList org={active} userId={session.user.id} />
      {active.role === 'admin' ? <InviteForm org={active} /> : null}
    </>
  );
}

function InviteForm({ org }: { org: Membership }) {
  const [role, setRole] = useState<Role>('member');
  const [invite, setInvite] = useState<string | null>(null);
  const { busy, note, run } = useAction();
  return (
    <form
      class="hc-stack"
      onSubmit={async (event) => {
        event.preventDefault();
        const created = await run(() => send('org.invite', { orgId: org.org_id, role }), 'Invite code created.');
        if (created) setInvite(created.code);
      }}
    >
      <h3>Invite a colleague to {org.org_name}</h3>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <div class="hc-row">
        <button type="submit" disabled={busy}>
          Create invite code
        </button>
      </div>
      <StatusNote note={note} />
      {invite ? (
        <p>
          Invite code: <code aria-label="Invite code">{invite}</code>{' '}
          <button type="button" onClick={() => void navigator.clipboard.writeText(invite)}>
            Copy code
          </button>{' '}
          <span class="hc-muted">It works once, for 7 days.</span>
        </p>
      ) : null}
    </form>
  );
}
