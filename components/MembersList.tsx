import type { Member, Membership } from '../utils/messages';
import { ROLES, type Role } from '../utils/vocabulary';
import { ROLE_LABELS } from './labels';
import { StatusNote, type Note } from './StatusNote';

export type MembersListProps = {
  org: Membership;
  userId: string;
  members: Member[] | null;
  error: string | null;
  note: { userId: string; note: Note } | null;
  round: number;
  changeRole: (member: Member, role: Role) => Promise<void>;
};

/** The people in the active organization, by name, with their role and department. Admins
 * change roles here; the server decides (nobody raises their own role, there is always an
 * admin) and its refusal is shown as it says it. Nothing here counts what anyone filed. */
export function MembersList({ org, userId, members, error, note, round, changeRole }: MembersListProps) {
  const isAdmin = org.role === 'admin';

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
                      onChange={(e) => void changeRole(member, e.currentTarget.value as Role)}
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
