// One customer, one record: the people known at an account, the account's merges, and the two
// merges (public.account_contacts, merge_history, merge_contacts, merge_accounts). Run as the
// signed-in user; the server checks membership and refuses in words naming the field.
import { z } from 'zod';
import { accountContactSchema, mergeLineSchema, type AccountContact, type MergeLine } from '../../messages';
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
