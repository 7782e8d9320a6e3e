// The people in the active organization and an admin's role changes, for Settings' people
// section; the MembersList component only draws them.
import { useEffect, useState } from 'preact/hooks';
import { ROLE_LABELS } from '../../../components/labels';
import type { Note } from '../../../components/StatusNote';
import type { Member, Membership } from '../../../utils/messages';
import { send } from '../../../utils/send';
import type { Role } from '../../../utils/vocabulary';

export type MembersData = {
  members: Member[] | null;
  error: string | null;
  /** The outcome of a role change, shown in that person's row. */
  note: { userId: string; note: Note } | null;
  /** Bumped after a refusal so each select is redrawn with the role the server kept. */
  round: number;
  changeRole: (member: Member, role: Role) => Promise<void>;
};

export function useMembers(org: Membership): MembersData {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<MembersData['note']>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    setMembers(null);
    void send('org.members', { orgId: org.org_id }).then((result) => {
      if (result.ok) setMembers(result.data);
      else setError(result.error);
    });
  }, [org.org_id, org.role, org.display_name, org.department]);

  const changeRole = async (member: Member, role: Role) => {
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

  return { members, error, note, round, changeRole };
}
