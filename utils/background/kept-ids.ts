// Nothing stranded after a colleague's merge: every account and contact id this browser keeps
// — follows, recent accounts, the account beside each tab, the panel's cached lookups and
// kept answers — is mapped through resolve_ids on a schedule (an alarm every 15
// minutes, and when the worker starts if the last run is older) and whenever a record answers
// "not found". A merged id becomes its survivor (listed once), a gone one is dropped, and a
// cached answer naming either is forgotten so the next read asks the server.
import { browser } from 'wxt/browser';
import { changedIds, idsInLookup, lookupKeyOrg, mentionsChanged, popupKeyAccount, remapFollows, remapRecent, remapTabContexts, type IdMap } from '../kept-ids';
import { isNetworkKind, kindOf } from '../errors';
import { followsItem, keptIdsCheckedItem, recentAccountsItem, tabContextItem } from '../storage';
import { popupCache } from './popup-cache';
import { accountNames, resolveIds } from './records/ids';
import { client, lookupCache } from './services';
import type { Client } from './supabase';

export const KEPT_IDS_ALARM = 'kept-ids';
export const KEPT_IDS_EVERY_MINUTES = 15;

interface Wanted {
  accounts: Set<string>;
  contacts: Set<string>;
}

function wantedIn(byOrg: Map<string, Wanted>, orgId: string): Wanted {
  let wanted = byOrg.get(orgId);
  if (!wanted) byOrg.set(orgId, (wanted = { accounts: new Set(), contacts: new Set() }));
  return wanted;
}

/** Every kept id, per organization. */
async function keptIds(): Promise<Map<string, Wanted>> {
  const byOrg = new Map<string, Wanted>();
  for (const [orgId, ids] of Object.entries(await followsItem.getValue())) {
    for (const id of ids) wantedIn(byOrg, orgId).accounts.add(id);
  }
  for (const recent of await recentAccountsItem.getValue()) wantedIn(byOrg, recent.orgId).accounts.add(recent.accountId);
  for (const context of Object.values(await tabContextItem.getValue())) {
    if (context.accountId) wantedIn(byOrg, context.orgId).accounts.add(context.accountId);
  }
  for (const entry of await lookupCache.entries()) {
    const orgId = lookupKeyOrg(entry.key);
    if (!orgId) continue;
    const ids = idsInLookup(entry.value);
    for (const id of ids.accounts) wantedIn(byOrg, orgId).accounts.add(id);
    for (const id of ids.contacts) wantedIn(byOrg, orgId).contacts.add(id);
  }
  for (const key of await popupCache.keys()) {
    const found = popupKeyAccount(key);
    if (found) wantedIn(byOrg, found.orgId).accounts.add(found.accountId);
  }
  return byOrg;
}

/** Rewrites what this browser keeps for one organization with the ids that changed. */
async function apply(supabase: Client, orgId: string, map: IdMap): Promise<void> {
  const survivors = [...new Set([...map.values()].filter((id): id is string => id !== null))];
  const names = await accountNames(supabase, survivors).catch(() => new Map<string, string>());

  await followsItem.setValue(remapFollows(await followsItem.getValue(), orgId, map));
  await recentAccountsItem.setValue(remapRecent(await recentAccountsItem.getValue(), orgId, map, names));
  await tabContextItem.setValue(remapTabContexts(await tabContextItem.getValue(), orgId, map, names));

  const staleLookups = (await lookupCache.entries())
    .filter((entry) => lookupKeyOrg(entry.key) === orgId && mentionsChanged(idsInLookup(entry.value), map))
    .map((entry) => entry.key);
  await lookupCache.forget(staleLookups);
  const stalePopup = (await popupCache.keys()).filter((key) => {
    const found = popupKeyAccount(key);
    return found?.orgId === orgId && map.has(found.accountId);
  });
  await popupCache.forget(stalePopup);
}

/**
 * Maps every kept id through the server and rewrites what changed. Returns how many ids lead
 * elsewhere or nowhere now. Signed out, offline, or no longer a member of an organization:
 * that organization's ids stay as they are until the next run.
 */
export async function mapKeptIds(now = Date.now()): Promise<number> {
  const supabase = await client();
  const { data } = await supabase.auth.getSession();
  if (!data.session) return 0;
  let changed = 0;
  for (const [orgId, wanted] of await keptIds()) {
    let map: Map<string, string | null>;
    try {
      map = changedIds(await resolveIds(supabase, orgId, [...wanted.accounts], [...wanted.contacts]));
    } catch (error) {
      // This organization's ids are mapped at the next run; the others go ahead now. Only a
      // failure of the network is expected here: anything else is worth a line in the log.
      if (!isNetworkKind(kindOf(error))) console.warn(`Highcard: could not map the kept ids of one organization (${kindOf(error)}).`, error);
      continue;
    }
    if (!map.size) continue;
    await apply(supabase, orgId, map);
    changed += map.size;
  }
  await keptIdsCheckedItem.setValue(now);
  return changed;
}

/** Where one account id leads now in an organization (itself, its survivor, or null), with
 * everything this browser keeps mapped on the way when it changed. */
export async function accountLeadsTo(orgId: string, accountId: string): Promise<string | null> {
  const supabase = await client();
  const [row] = await resolveIds(supabase, orgId, [accountId], []);
  const map = changedIds(row ? [row] : []);
  if (map.size) await apply(supabase, orgId, map);
  return row?.currentId ?? null;
}

/** The alarm, made once (its period survives the worker); runs now if the last run is old. */
export async function scheduleKeptIds(now = Date.now()): Promise<void> {
  if (!(await browser.alarms.get(KEPT_IDS_ALARM))) {
    await browser.alarms.create(KEPT_IDS_ALARM, { periodInMinutes: KEPT_IDS_EVERY_MINUTES });
  }
  const last = await keptIdsCheckedItem.getValue();
  if (last === null || now - last >= KEPT_IDS_EVERY_MINUTES * 60_000) await mapKeptIds(now);
}
