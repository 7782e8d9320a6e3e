import { useState } from 'preact/hooks';
import { ROLE_LABELS } from '../../../components/labels';
import { MembersList } from '../../../components/MembersList';
import { StatusNote } from '../../../components/StatusNote';
import type { Membership } from '../../../utils/messages';
import { send } from '../../../utils/send';
import { useMembers } from './use-members';
import { ROLES, type Role } from '../../../utils/vocabulary';
import type { SectionProps } from './types';
import { useAction } from './use-action';
import { handled } from '../../../utils/handled';

/** The people in the active organization and their roles; admins invite colleagues here. */
export function PeopleSection({ session }: SectionProps) {
  const active = session.organizations.find((org) => org.org_id === session.activeOrgId);
  if (!active || !session.user) return null;
  return (
    <>
      <Members org={active} userId={session.user.id} />
      {active.role === 'admin' ? <InviteForm org={active} /> : null}
    </>
  );
}

/** "Share an invitation": one text with everything a colleague needs (the server, its
 * public key, the code and the organization's name), to paste into chat or mail. */
function InviteForm({ org }: { org: Membership }) {
  const [role, setRole] = useState<Role>('member');
  const [invite, setInvite] = useState<{ code: string; text: string } | null>(null);
  const { busy, note, run } = useAction();
  const copy = useAction();
  return (
    <form
      class="hc-stack"
      onSubmit={handled(async (event) => {
        event.preventDefault();
        const created = await run(() => send('invitation.create', { orgId: org.org_id, role }), 'Invitation created.');
        if (created) setInvite(created);
      })}
    >
      <h3>Share an invitation to {org.org_name}</h3>
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
          Create invitation
        </button>
      </div>
      <StatusNote note={note} />
      {invite ? (
        <div class="hc-stack">
          <label>
            Invitation to share
            <textarea readOnly rows={7} value={invite.text} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <div class="hc-row">
            <button
              type="button"
              onClick={() =>
                void copy.run(async () => {
                  try {
                    await navigator.clipboard.writeText(invite.text);
                    return { ok: true as const, data: null };
                  } catch {
                    return { ok: false as const, error: 'The browser did not let Highcard copy; select the text and copy it by hand.' };
                  }
                }, 'Copied. Paste it into chat or mail.')
              }
            >
              Copy invitation
            </button>
          </div>
          <StatusNote note={copy.note} />
          <p class="hc-muted">
            Paste it into chat or mail. Your colleague opens Highcard’s Settings → Join with an invitation and pastes it: that
            connects, signs in and joins in one go. Someone already connected can use the code alone:{' '}
            <code aria-label="Invite code">{invite.code}</code>. It works once, for 7 days.
          </p>
        </div>
      ) : null}
    </form>
  );
}

function Members({ org, userId }: { org: Membership; userId: string }) {
  return <MembersList org={org} userId={userId} {...useMembers(org)} />;
}
