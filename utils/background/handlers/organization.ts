// Organizations and the people in them: creating, joining, inviting, roles, one's profile.
import { activeOrgItem } from '../../storage';
import type { TopicHandlers } from './types';
import * as records from '../records/organization';
import { client, signedInUserId } from '../services';
import { sessionState } from './session';

export const organizationHandlers = {
  'org.create': async ({ name }) => {
    const orgId = await records.createOrganization(await client(), name);
    await activeOrgItem.setValue(orgId);
    return sessionState();
  },

  'org.join': async ({ code }) => {
    const orgId = await records.joinOrganization(await client(), code);
    await activeOrgItem.setValue(orgId);
    return sessionState();
  },

  'org.setActive': async ({ orgId }) => {
    await activeOrgItem.setValue(orgId);
    return sessionState();
  },

  'org.invite': async ({ orgId, role }) => ({ code: await records.createInvite(await client(), orgId, role) }),

  'org.members': async ({ orgId }) => records.listMembers(await client(), orgId),

  'org.setRole': async ({ orgId, userId, role }) => {
    const supabase = await client();
    await records.setMemberRole(supabase, orgId, userId, role);
    return records.listMembers(supabase, orgId);
  },

  'profile.update': async ({ orgId, displayName, department }) => {
    const supabase = await client();
    await records.updateProfile(supabase, orgId, await signedInUserId(supabase), { displayName, department });
    return sessionState();
  },
} satisfies TopicHandlers;
