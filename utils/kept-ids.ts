// Nothing stranded after a colleague's merge: the account and contact ids this browser keeps
// (follows, recent accounts, the account beside each tab, cached answers) mapped to what they
// stand for today. Pure, so every rule is tested without a browser; the background service
// (utils/background/kept-ids.ts) reads the ids, asks the server and writes the results.
import type { Follows } from './for-you';
import type { LookupResult, ResolvedId, TabContext } from './messages';
import type { RecentAccount } from './storage';

/** Old id -> the id it leads to now, or null when the record is gone. Ids not in the map are
 * left as they are (the server was not asked about them). */
export type IdMap = ReadonlyMap<string, string | null>;

/** The map made from resolve_ids' rows, keeping only ids that lead elsewhere or nowhere. */
export function changedIds(rows: readonly ResolvedId[]): Map<string, string | null> {
  return new Map(rows.filter((row) => row.currentId !== row.oldId).map((row) => [row.oldId, row.currentId]));
}

function lead(map: IdMap, id: string): string | null {
  return map.has(id) ? map.get(id)! : id;
}

/** Each id mapped, gone ones left out, and each resulting id once (the first place wins). */
export function remapIds(ids: readonly string[], map: IdMap): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const now = lead(map, id);
    if (now !== null && !out.includes(now)) out.push(now);
  }
  return out;
}

/** Follows of one organization mapped; an organization left with none is dropped. */
export function remapFollows(follows: Follows, orgId: string, map: IdMap): Follows {
  if (!follows[orgId]) return follows;
  const next = remapIds(follows[orgId], map);
  const result: Follows = { ...follows, [orgId]: next };
  if (!next.length) delete result[orgId];
  return result;
}

/** Recent accounts of one organization mapped: a merged account becomes its survivor (with
 * the survivor's name when known), listed once at its most recent place; a gone one leaves. */
export function remapRecent(
  list: readonly RecentAccount[],
  orgId: string,
  map: IdMap,
  names: ReadonlyMap<string, string> = new Map(),
): RecentAccount[] {
  const out: RecentAccount[] = [];
  for (const item of list) {
    if (item.orgId !== orgId) {
      out.push(item);
      continue;
    }
    const now = lead(map, item.accountId);
    if (now === null || out.some((kept) => kept.orgId === orgId && kept.accountId === now)) continue;
    out.push(now === item.accountId ? item : { ...item, accountId: now, name: names.get(now) ?? item.name });
  }
  return out;
}

/** The account beside each tab mapped; a gone account leaves the tab with none. */
export function remapTabContexts(
  all: Readonly<Record<string, TabContext>>,
  orgId: string,
  map: IdMap,
  names: ReadonlyMap<string, string> = new Map(),
): Record<string, TabContext> {
  const out: Record<string, TabContext> = {};
  for (const [tab, context] of Object.entries(all)) {
    if (context.orgId !== orgId || context.accountId === null || !map.has(context.accountId)) {
      out[tab] = context;
      continue;
    }
    const now = map.get(context.accountId)!;
    out[tab] = { ...context, accountId: now, accountName: now === null ? null : (names.get(now) ?? context.accountName) };
  }
  return out;
}

export interface KeptIds {
  accounts: string[];
  contacts: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** The account and contact ids a cached lookup answer names. */
export function idsInLookup(result: Partial<LookupResult>): KeptIds {
  const accounts = new Set<string>();
  const contacts = new Set<string>();
  for (const account of result.accounts ?? []) if (isId(account.id)) accounts.add(account.id);
  for (const contact of result.contacts ?? []) {
    if (isId(contact.id)) contacts.add(contact.id);
    if (isId(contact.account_id)) accounts.add(contact.account_id);
  }
  for (const entry of result.entries ?? []) {
    const row = entry as { account_id?: unknown; contact_id?: unknown };
    if (isId(row.account_id)) accounts.add(row.account_id);
    if (isId(row.contact_id)) contacts.add(row.contact_id);
  }
  for (const candidate of result.candidates ?? []) {
    if (isId(candidate.id)) contacts.add(candidate.id);
    if (isId(candidate.account_id)) accounts.add(candidate.account_id);
  }
  return { accounts: [...accounts], contacts: [...contacts] };
}

/** The organization a cached lookup answers for (its key is [orgId, emails, profile]). */
export function lookupKeyOrg(key: string): string | null {
  try {
    const parsed: unknown = JSON.parse(key);
    return Array.isArray(parsed) && isId(parsed[0]) ? parsed[0] : null;
  } catch {
    return null;
  }
}

/** The organization and account of a kept panel answer (['overview' | 'timeline', orgId,
 * accountId, …]); null for answers about no one account (For you). */
export function popupKeyAccount(key: string): { orgId: string; accountId: string } | null {
  try {
    const parsed: unknown = JSON.parse(key);
    if (!Array.isArray(parsed) || !['overview', 'timeline'].includes(parsed[0] as string)) return null;
    return isId(parsed[1]) && isId(parsed[2]) ? { orgId: parsed[1], accountId: parsed[2] } : null;
  } catch {
    return null;
  }
}

/** Whether any of these ids leads elsewhere or nowhere now. */
export function mentionsChanged(ids: KeptIds, map: IdMap): boolean {
  return ids.accounts.some((id) => map.has(id)) || ids.contacts.some((id) => map.has(id));
}
