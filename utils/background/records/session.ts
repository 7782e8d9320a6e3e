// The signed-in user's organizations.
import { z } from 'zod';
import { membershipSchema, type Membership } from '../../messages';
import type { Client } from '../supabase';
import { answered } from './answer';

export async function listMemberships(client: Client, userId: string): Promise<Membership[]> {
  const answer = await client
    .from('memberships')
    .select('org_id, role, department, display_name, organizations(name)')
    .eq('user_id', userId);
  const rows = answered(answer, 'as-is') ?? [];
  return z
    .array(membershipSchema)
    .parse(rows.map(({ organizations, ...row }) => ({ ...row, org_name: organizations?.name ?? '' })));
}
