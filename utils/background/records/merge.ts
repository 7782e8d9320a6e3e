// One customer, one record: the people known at an account, the account's merges, how large
// two accounts are, and the two merges (public.account_contacts, merge_history,
// account_timeline, merge_contacts, merge_accounts). Run as the signed-in user; the server
// checks membership and refuses in words naming the field.
import { z } from 'zod';
import {
  accountContactSchema,
  accountSizeSchema,
  mergeLineSchema,
  type AccountContact,
  type AccountSize,
  type MergeLine,
} from '../../messages';
import { answered } from './answer';
import type { Client } from '../supabase';

export async function accountContacts(client: Client, orgId: string, accountId: string): Promise<AccountContact[]> {
  const answer = await client.rpc('account_contacts', { org_id: orgId, account_id: accountId });
  return z.array(accountContactSchema).parse(answered(answer) ?? []);
}

export async function mergeHistory(client: Client, orgId: string, accountId: string): Promise<MergeLine[]> {
  const answer = await client.rpc('merge_history', { org_id: orgId, account_id: accountId });
  return z.array(mergeLineSchema).parse(answered(answer) ?? []);
}

/** Each account's visible entries, counted by PostgREST without reading a row (`count:
 * 'exact', head: true` on account_timeline, which leaves retracted entries out as the timeline
 * does), and when the account was first filed. account_overview keeps its contracted columns;
 * the count is asked only when a merge dialog needs it. Accounts row level security hides
 * (another organization's, or gone) are left out. */
export async function accountSizes(client: Client, accountIds: readonly string[]): Promise<AccountSize[]> {
  const [accounts, ...counts] = await Promise.all([
    client.from('accounts').select('id, created_at').in('id', [...accountIds]),
    ...accountIds.map((accountId) =>
      client.from('account_timeline').select('id', { count: 'exact', head: true }).eq('account_id', accountId),
    ),
  ]);
  const found = z.array(z.object({ id: z.string(), created_at: z.string().nullable() })).parse(answered(accounts, 'as-is') ?? []);
  return accountIds.flatMap((accountId, index) => {
    const account = found.find((row) => row.id === accountId);
    const counted = counts[index]!;
    answered(counted, 'as-is');
    if (!account || counted.count === null) return [];
    return [accountSizeSchema.parse({ account_id: accountId, entries: counted.count, created_at: account.created_at })];
  });
}

export async function merge(
  client: Client,
  what: 'merge_contacts' | 'merge_accounts',
  orgId: string,
  keepId: string,
  mergeId: string,
): Promise<string> {
  const answer = await client.rpc(what, { org_id: orgId, keep_id: keepId, merge_id: mergeId });
  return z.string().parse(answered(answer));
}

/** Undoes a merge within its 30 days; the restored record's (old) id. */
export async function undoMerge(client: Client, orgId: string, mergeId: string): Promise<string> {
  const answer = await client.rpc('undo_merge', { org_id: orgId, merge_id: mergeId });
  return z.string().parse(answered(answer));
}
