// Organizations and their people: creating, joining, inviting, roles and one's own profile.
import { z } from 'zod';
import { memberSchema, type Member, type Role } from '../../messages';
import type { Client } from '../supabase';
import { HighcardError } from '../../errors';
import { answered } from './answer';

export async function createOrganization(client: Client, name: string): Promise<string> {
  return z.string().parse(answered(await client.rpc('create_organization', { name }), 'as-is'));
}

export async function joinOrganization(client: Client, code: string): Promise<string> {
  return z.string().parse(answered(await client.rpc('join_organization', { code }), 'as-is'));
}

export async function createInvite(client: Client, orgId: string, role: Role): Promise<string> {
  return z.string().parse(answered(await client.rpc('create_invite', { org_id: orgId, role }), 'as-is'));
}

export async function listMembers(client: Client, orgId: string): Promise<Member[]> {
  const answer = await client
    .from('memberships')
    .select('user_id, role, display_name, department')
    .eq('org_id', orgId)
    .order('display_name');
  return z.array(memberSchema).parse(answered(answer, 'as-is') ?? []);
}

export async function setMemberRole(client: Client, orgId: string, userId: string, role: Role): Promise<void> {
  answered(await client.rpc('set_member_role', { org_id: orgId, user_id: userId, role }));
}

export async function updateProfile(
  client: Client,
  orgId: string,
  userId: string,
  profile: { displayName: string; department: string | null },
): Promise<void> {
  const answer = await client
    .from('memberships')
    .update({ display_name: profile.displayName, department: profile.department || null })
    .eq('org_id', orgId)
    .eq('user_id', userId)
    .select('user_id');
  const rows = answered(answer) ?? [];
  if (!rows.length) throw new HighcardError('refused', 'You are not a member of this organization any more.');
}
