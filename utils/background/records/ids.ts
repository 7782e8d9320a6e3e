// Old ids lead on: what kept account and contact ids stand for today (public.resolve_ids),
// and the names of accounts an id now leads to. Run as the signed-in user; the server
// answers members only and never says anything about another organization's records.
import { z } from 'zod';
import { RESOLVE_IDS_MAX, type ResolvedId } from '../../messages';
import { answered } from './answer';
import type { Client } from '../supabase';

const rowSchema = z.object({ kind: z.enum(['account', 'contact']), old_id: z.string(), current_id: z.string().nullable() });

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Each distinct id with the record it leads to now (null: gone or not of this organization). */
export async function resolveIds(
  client: Client,
  orgId: string,
  accountIds: readonly string[],
  contactIds: readonly string[],
): Promise<ResolvedId[]> {
  const accounts = chunks([...new Set(accountIds)], RESOLVE_IDS_MAX);
  const contacts = chunks([...new Set(contactIds)], RESOLVE_IDS_MAX);
  const out: ResolvedId[] = [];
  for (let i = 0; i < Math.max(accounts.length, contacts.length); i += 1) {
    const answer = await client.rpc('resolve_ids', { org_id: orgId, account_ids: accounts[i] ?? [], contact_ids: contacts[i] ?? [] });
    for (const row of z.array(rowSchema).parse(answered(answer) ?? [])) {
      out.push({ kind: row.kind, oldId: row.old_id, currentId: row.current_id });
    }
  }
  return out;
}

/** The names of these accounts, by id (those the reader can see). */
export async function accountNames(client: Client, accountIds: readonly string[]): Promise<Map<string, string>> {
  if (!accountIds.length) return new Map();
  const answer = await client.from('accounts').select('id, name').in('id', [...new Set(accountIds)]);
  const rows = z.array(z.object({ id: z.string(), name: z.string() })).parse(answered(answer) ?? []);
  return new Map(rows.map((row) => [row.id, row.name]));
}
