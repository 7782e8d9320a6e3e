// The team's context for a page: contacts, accounts and the latest entries (lookup_context).
import { lookupResultSchema, type LookupResult } from '../../messages';
import type { Client } from '../supabase';
import { answered } from './answer';

export async function lookupContext(
  client: Client,
  orgId: string,
  emails: readonly string[],
  linkedinUrl: string | null,
  fullName: string | null = null,
): Promise<LookupResult> {
  const answer = await client.rpc('lookup_context', {
    emails: [...emails],
    // The function takes null ("no profile"); generated argument types never say so.
    linkedin_url: linkedinUrl as string,
    org_id: orgId,
    // Only with a name: the answer then has `candidates` of that name.
    ...(fullName ? { full_name: fullName } : {}),
  });
  return lookupResultSchema.parse(answered(answer, 'as-is'));
}
