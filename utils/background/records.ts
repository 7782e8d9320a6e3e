// Every Supabase query the extension makes, with the server's answer checked by zod and its
// errors turned into words a user can act on.
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import type { Capture } from '../messages';
import type { FileResult, SendOutcome } from '../outbox';
import {
  lookupResultSchema,
  membershipSchema,
  type LookupResult,
  type Membership,
  type Role,
} from '../messages';

interface ServerError {
  message: string;
  code?: string;
}

interface ServerAnswer<T> {
  data: T | null;
  error: ServerError | null;
  status: number;
}

const JWT_CODES = new Set(['PGRST301', 'PGRST302', 'PGRST303']);

/** Sorts a failed request into what the outbox does next. */
export function classify(answer: { error: ServerError | null; status: number }): Exclude<SendOutcome, { kind: 'sent' }> {
  const message = answer.error?.message ?? 'The server gave no answer.';
  if (answer.status === 0 || answer.status === 408 || answer.status === 429 || answer.status >= 500) {
    return { kind: 'unavailable', message: answer.status === 0 ? `Could not reach the server (${message}).` : message };
  }
  if (answer.status === 401 || JWT_CODES.has(answer.error?.code ?? '')) {
    return { kind: 'unauthorized', message: 'Your session expired — sign in again; your items are kept and will be sent.' };
  }
  return { kind: 'refused', message };
}

const fileResultSchema = z.object({
  id: z.string(),
  account_id: z.string().nullable(),
  contact_id: z.string().nullable(),
  created: z.boolean(),
});

export async function fileInteraction(client: SupabaseClient, capture: Capture): Promise<SendOutcome> {
  const { data: session } = await client.auth.getSession();
  if (!session.session) {
    return { kind: 'unauthorized', message: 'You are signed out — sign in; your items are kept and will be sent.' };
  }
  const answer = (await client.rpc('file_interaction', { capture })) as ServerAnswer<unknown>;
  if (answer.error) return classify(answer);
  const parsed = fileResultSchema.safeParse(answer.data);
  if (!parsed.success) return { kind: 'unavailable', message: 'The server answered in an unexpected shape.' };
  return { kind: 'sent', result: parsed.data satisfies FileResult };
}

export class RecordsError extends Error {}

function check<T>(answer: ServerAnswer<T>): T {
  if (answer.error) {
    const outcome = classify(answer);
    throw new RecordsError(outcome.message);
  }
  return answer.data as T;
}

export async function listMemberships(client: SupabaseClient, userId: string): Promise<Membership[]> {
  const answer = await client
    .from('memberships')
    .select('org_id, role, department, display_name, organizations(name)')
    .eq('user_id', userId);
  const rows = check(answer as ServerAnswer<unknown[]>) ?? [];
  return z.array(membershipSchema).parse(
    rows.map((row) => {
      const r = row as { organizations?: { name?: string } | null } & Record<string, unknown>;
      return { ...r, org_name: r.organizations?.name ?? '', organizations: undefined };
    }),
  );
}

export async function createOrganization(client: SupabaseClient, name: string): Promise<string> {
  return z.string().parse(check((await client.rpc('create_organization', { name })) as ServerAnswer<unknown>));
}

export async function joinOrganization(client: SupabaseClient, code: string): Promise<string> {
  return z.string().parse(check((await client.rpc('join_organization', { code })) as ServerAnswer<unknown>));
}

export async function createInvite(client: SupabaseClient, orgId: string, role: Role): Promise<string> {
  return z
    .string()
    .parse(check((await client.rpc('create_invite', { org_id: orgId, role })) as ServerAnswer<unknown>));
}

export async function lookupContext(
  client: SupabaseClient,
  orgId: string,
  emails: readonly string[],
  linkedinUrl: string | null,
): Promise<LookupResult> {
  const answer = (await client.rpc('lookup_context', {
    emails,
    linkedin_url: linkedinUrl,
    org_id: orgId,
  })) as ServerAnswer<unknown>;
  return lookupResultSchema.parse(check(answer));
}
