// The accounts this browser opened lately, so the panel opens on something useful. Kept in
// this browser only (pact rule 8: what someone reads is nobody's business), per organization.
import { changedIds, remapRecent } from './kept-ids';
import type { ResolvedId } from './messages';
import { recentAccountsItem, type RecentAccount } from './storage';

export { recentAccountsItem, type RecentAccount } from './storage';

/** How many accounts the panel offers per organization. */
export const RECENT_MAX = 5;

/** The list with `opened` first, once, and at most RECENT_MAX per organization. */
export function withOpened(list: readonly RecentAccount[], opened: RecentAccount): RecentAccount[] {
  const rest = list.filter((item) => !(item.orgId === opened.orgId && item.accountId === opened.accountId));
  const kept: RecentAccount[] = [opened];
  for (const item of rest) {
    if (item.orgId !== opened.orgId || kept.filter((k) => k.orgId === item.orgId).length < RECENT_MAX) kept.push(item);
  }
  return kept;
}

export function recentIn(list: readonly RecentAccount[], orgId: string): RecentAccount[] {
  return list.filter((item) => item.orgId === orgId).slice(0, RECENT_MAX);
}

/** The organization's recent accounts as they stand now, given what resolve_ids answered for
 * them: a merged one becomes its survivor, listed once; a gone one is left out. */
export function livingRecent(list: readonly RecentAccount[], orgId: string, resolved: readonly ResolvedId[]): RecentAccount[] {
  return recentIn(remapRecent(list, orgId, changedIds(resolved.filter((row) => row.kind === 'account'))), orgId);
}

export async function rememberOpened(opened: Omit<RecentAccount, 'openedAt'>, now = new Date()): Promise<void> {
  const list = await recentAccountsItem.getValue();
  await recentAccountsItem.setValue(withOpened(list, { ...opened, openedAt: now.toISOString() }));
}
