// What lives for the service worker's lifetime: the Supabase client, the outbox, the
// toolbar badge, the lookup cache and For you's check on the outbox's alarm. Handlers use
// these; nothing here knows about messages.
import { browser } from 'wxt/browser';
import { HighcardError, isNetworkKind, kindOf } from '../errors';
import { forYouShown, hasNewSince, isCheckDue, newSince } from '../for-you';
import { LookupCache } from '../lookup-cache';
import type { ForYou, ForYouStatus, LookupResult } from '../messages';
import { isUnsent, Outbox, type FiledBy, type OutboxItem } from '../outbox';
import {
  activeOrgItem,
  backgroundProblemItem,
  followsItem,
  forYouCheckItem,
  forYouClearedItem,
  forYouLastLookedItem,
  lastUserItem,
  membershipsCacheItem,
  outboxOwnersCheckedItem,
} from '../storage';
import { fileInteraction } from './records/capture';
import { followedSince, forYouRoutes } from './records/for-you';
import { addPromiseOfFiled, settleWithFiledReply } from './records/plans';
import { createExtensionOutboxStore, extensionLookupArea } from './storage-areas';
import { currentConnection } from './policy';
import { authStorage, supabaseFor, type Client } from './supabase';

export const OUTBOX_ALARM = 'outbox';

export async function client(): Promise<Client> {
  return supabaseFor(await currentConnection());
}

let alarmCleared = false;

/** The user whose session is kept in this browser, read from storage without asking the server:
 * an expired access token still names its user, so filing offline knows who files. */
export async function storedSessionUser(): Promise<FiledBy | null> {
  try {
    const raw = await authStorage.getItem('session');
    const session = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { user?: { id?: unknown; email?: unknown } } | null;
    const id = session?.user?.id;
    if (typeof id !== 'string') return null;
    return { userId: id, email: typeof session?.user?.email === 'string' ? session.user.email : null };
  } catch {
    return null;
  }
}

/** Who the outbox is for: the signed-in user, or signed out the last one who was, so that
 * their count and items stay theirs until someone else signs in. */
export async function outboxViewer(): Promise<FiledBy | null> {
  const [signedIn, last] = await Promise.all([storedSessionUser(), lastUserItem.getValue()]);
  if (!signedIn) return last;
  if (last?.userId !== signedIn.userId || last.email !== signedIn.email) await lastUserItem.setValue(signedIn);
  return signedIn;
}

export const outbox = new Outbox({
  store: createExtensionOutboxStore(),
  send: async (capture, filedBy) => fileInteraction(await client(), capture, filedBy),
  whose: outboxViewer,
  settle: async (planItemId, entryId) => settleWithFiledReply(await client(), planItemId, entryId),
  addPromise: async (promise, place) => addPromiseOfFiled(await client(), promise, place),
  schedule: async (when) => {
    // Nothing pending, again: the alarm is already cleared (the common case while signed out).
    if (when === null && alarmCleared) return;
    if (when === null) await browser.alarms.clear(OUTBOX_ALARM);
    else await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(when, Date.now() + 1_000) });
    alarmCleared = when === null;
  },
  onChange: (items) => inBackground('update the toolbar badge', showUnsent(items)),
  report: (problem) => inBackground('keep a problem for Settings', recordProblem(problem)),
  // Filing answers first; sending follows once a burst of filings paused this long.
  sendAfterMs: 150,
});

/** At the first start after items began recording who filed them: gives the items kept before
 * to the user signed in now if this browser had recorded them as its user (owners.ts says
 * why); the rest wait for no one. Once only: later, the record names whoever signed in since. */
export async function claimUnownedOnce(): Promise<void> {
  if (await outboxOwnersCheckedItem.getValue()) return;
  const [signedIn, cached] = await Promise.all([storedSessionUser(), membershipsCacheItem.getValue()]);
  const recorded = cached ? { userId: cached.userId, orgIds: cached.memberships.map((m) => m.org_id) } : null;
  await outbox.claimUnowned(signedIn, recorded);
  await outboxOwnersCheckedItem.setValue(true);
}

/** Who is asked about the items the first start left without an owner, and for which
 * organizations: the person signed in now, for those this browser knows them to be in, once
 * that decision was taken. Null: nobody to ask yet (signed out, or not yet known). */
export async function unownedAskable(): Promise<{ signedIn: FiledBy; orgIds: string[] } | null> {
  const [checked, signedIn, cached] = await Promise.all([outboxOwnersCheckedItem.getValue(), storedSessionUser(), membershipsCacheItem.getValue()]);
  if (!checked || !signedIn || cached?.userId !== signedIn.userId) return null;
  return { signedIn, orgIds: cached.memberships.map((membership) => membership.org_id) };
}

/** Keeps what failed where Settings shows it (the outbox panel), and in the worker's log. */
let problemKept: boolean | null = null; // unknown until first read
async function recordProblem(problem: string | null): Promise<void> {
  if (problem === null) {
    problemKept ??= (await backgroundProblemItem.getValue()) !== null;
    if (problemKept) await backgroundProblemItem.setValue(null);
    problemKept = false;
    return;
  }
  console.warn(`Highcard: ${problem}`);
  await backgroundProblemItem.setValue({ message: `Highcard ${problem}.`, at: Date.now() });
  problemKept = true;
}

/** Work that runs after its caller answered: never a dropped promise, a failure is kept. */
export function inBackground(what: string, task: Promise<unknown>): void {
  task.catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    // Last resort: if storage itself fails, the log is all that is left.
    recordProblem(`could not ${what} (${reason})`).catch(() => console.warn(`Highcard could not ${what}:`, error));
  });
}

/** The toolbar badge: how many items are not yet on the server, amber when one needs the
 * user. Only what changed is sent to the browser. */
const badge = { text: '', color: '', title: '' };
async function showUnsent(items: readonly OutboxItem[]): Promise<void> {
  const unsent = items.filter(isUnsent);
  const attention = unsent.some((item) => item.status !== 'pending');
  const text = unsent.length ? String(unsent.length) : '';
  const color = attention ? '#b45309' : '#2563eb';
  const title = unsent.length ? `Highcard — ${unsent.length} not yet sent` : 'Highcard';
  if (text !== badge.text) await browser.action.setBadgeText({ text });
  if (color !== badge.color) await browser.action.setBadgeBackgroundColor({ color });
  if (title !== badge.title) await browser.action.setTitle({ title });
  Object.assign(badge, { text, color, title });
}

export const lookupCache = new LookupCache<LookupResult>(extensionLookupArea<LookupResult>());

export async function signedInUserId(supabase: Client): Promise<string> {
  const { data } = await supabase.auth.getSession();
  const id = data.session?.user.id;
  if (!id) throw new HighcardError('signed_out', 'You are signed out — sign in again in Highcard’s settings.');
  return id;
}

export const NO_ORGANIZATION = 'Join or create your team’s organization in Highcard’s settings first.';

export async function requireActiveOrg(): Promise<string> {
  const orgId = await activeOrgItem.getValue();
  if (!orgId) throw new HighcardError('refused', NO_ORGANIZATION);
  return orgId;
}

/** For you: asks the server what is waiting and remembers the outcome (in this browser) for the dot. */
export async function loadForYou(now = new Date()): Promise<ForYou> {
  const supabase = await client();
  const me = await signedInUserId(supabase);
  const orgId = await requireActiveOrg();
  const looked = await forYouLastLookedItem.getValue();
  const follows = (await followsItem.getValue())[orgId] ?? [];
  const [routes, followedAll] = await Promise.all([
    forYouRoutes(supabase, orgId),
    followedSince(supabase, orgId, follows, newSince(looked, orgId, now), me),
  ]);
  // An entry brought to the reader shows once, as the route; one they cleared, not at all.
  const routed = new Set(routes.map((route) => route.interaction_id));
  const cleared = (await forYouClearedItem.getValue())[orgId] ?? [];
  const followed = forYouShown({ routes: [], followed: followedAll.filter((entry) => !routed.has(entry.id)) }, cleared).followed;
  const lastLooked = looked[orgId] ?? null;
  const hasNew = hasNewSince({ routes, followed }, lastLooked);
  await forYouCheckItem.setValue({ orgId, checkedAt: now.toISOString(), waiting: routes.length > 0 || followed.length > 0, hasNew });
  return { routes, followed, lastLooked, hasNew };
}

/** The last For you check in this browser, if it was for the active organization. */
export async function lastForYouStatus(): Promise<(ForYouStatus & { checkedAt: string }) | null> {
  // No organization yet: no check applies.
  const [check, orgId] = await Promise.all([forYouCheckItem.getValue(), activeOrgItem.getValue()]);
  return check && check.orgId === orgId ? check : null;
}

export const statusOfForYou = (forYou: ForYou): ForYouStatus => ({
  waiting: forYou.routes.length > 0 || forYou.followed.length > 0,
  hasNew: forYou.hasNew,
});

/** On the outbox's alarm: look again when the last check is 15 minutes old. Signed out,
 * without an organization or offline, it waits quietly for the next alarm or the panel;
 * anything else is thrown, for inBackground() to keep. */
export async function checkForYouIfDue(now = new Date()): Promise<void> {
  try {
    const check = await forYouCheckItem.getValue();
    if (isCheckDue(check?.checkedAt, now)) await loadForYou(now);
  } catch (error) {
    const kind = kindOf(error);
    if (!(isNetworkKind(kind) || kind === 'signed_out' || kind === 'refused')) throw error;
  }
}
