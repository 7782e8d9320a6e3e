// "Share an invitation": an invite code with everything else a colleague needs to join (the
// backend's address, its public key, the organization's name) in one token to paste.
import { encodeInvitation, invitationText } from '../../invitation';
import type { Role } from '../../vocabulary';
import { currentConnection } from '../policy';
import * as records from '../records/organization';
import { client } from '../services';
import { sessionState } from './session';
import type { TopicHandlers } from './types';

const AS_ROLE: Record<Role, string> = { member: 'a member', manager: 'a manager', admin: 'an admin' };

export const invitationHandlers = {
  'invitation.create': async ({ orgId, role }) => {
    const session = await sessionState({ fresh: false });
    const org = session.organizations.find((membership) => membership.org_id === orgId);
    if (!org) throw new Error('You are not a member of this organization any more.');
    const code = await records.createInvite(await client(), orgId, role);
    const { url, anonKey } = await currentConnection();
    const invitation = { url, anon_key: anonKey, code, org_name: org.org_name };
    return { code, token: encodeInvitation(invitation), text: invitationText(invitation, AS_ROLE[role]) };
  },
} satisfies TopicHandlers;
