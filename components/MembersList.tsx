import { useEffect, useState } from 'preact/hooks';
import type { Member, Membership } from '../utils/messages';
import { send } from '../utils/send';
import { ROLES, type Role } from '../utils/vocabulary';
import { ROLE_LABELS } from './labels';
import { StatusNote, type Note } from './StatusNote';

/** The people in the active organization, by name, with their role and department. Admins
 * change roles here; the server decides (nobody raises their own role, there is always an
 * admin) and its refusal is shown as it says it. Nothing here counts what anyone filed. */
export function MembersList({ org, userId }: { org: Membership; userId: string }) {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The outcome of a role change, shown in that person's row, next to the select.
  const [note, setNote] = useState<{ userId: string; note: Note } | null>(null);
  // Bumped after a refusal so each select is redrawn with the role the server kept.
  const [round, setRound] = useState(0);
  const isAdmin = org.role === 'admin';

  useEffect(() => {
    setMembers(null);
    void send('org.members', { orgId: org.org_id }).then((result) => {
      if (result.ok) setMembers(result.data);
      else setError(result.error);
    });
  }, [org.org_id, org.role, org.display_name, org.department]);

  const change = async (member: Member, role: Role) => {
    setNote(null);
    const result = await send('org.setRole', { orgId: org.org_id, userId: member.user_id, role });
    if (result.ok) {
      setMembers(result.data);
      setNote({ userId: member.user_id, note: { kind: 'ok', text: `${member.display_name} is now ${ROLE_LABELS[role].toLowerCase()}.` } });
    } else {
      setNote({ userId: member.user_id, note: { kind: 'error', text: result.error } });
      setRound((n) => n + 1);
    }
  };

  return (
    <div class="hc-stack">
      <h3>People in {org.org_name}</h3>
      <p class="hc-muted">
        Everyone here sees every account and entry; department is a label. {isAdmin ? 'As an admin you can change roles.' : ''}
      </p>
      {error ? (
        <p role="alert" class="hc-error">
          {error}
        </p>
      ) : null}
      {members === null && !error ? <p>Loading the people in {org.org_name}…</p> : null}
      {members ? (
        <table class="hc-members">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Department</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={`${member.user_id}:${member.role}:${round}`}>
                <th scope="row">
                  {member.display_name}
                  {member.user_id === userId ? ' (you)' : ''}
                </th>
                <td>{member.department ?? '—'}</td>
                <td>
                  {isAdmin ? (
                    <select
                      aria-label={`Role of ${member.display_name}`}
                      value={member.role}
                      onChange={(e) => void change(member, e.currentTarget.value as Role)}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {ROLE_LABELS[role]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    ROLE_LABELS[member.role]
                  )}
                  {isAdmin ? <StatusNote note={note?.userId === member.user_id ? note.note : null} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
