// Everything the extension keeps in the browser, defined once: a key, a version and a
// default. Nothing else writes extension storage by hand. To add an item: one
// `storage.defineItem<T>('local:<name>', { fallback, version: 1 })` here, typed from
// utils/messages/; keep several values under one prefix only through the helpers below.
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { CacheIndex } from './lookup-cache';
import type { Cleared, Follows, LastLooked } from './for-you';
import type { BackgroundProblem, ClipHandoff, TabView, ForYouStatus, InsightsOverview, Membership, ReadFailure, Settings, TabContext } from './messages';
import { bare, type LocalKey } from './storage-keys';
// The key names and prefixes live in a module without side effects, so a content script can
// use them without defining (and so reading) items it may not read, such as session storage.
export {
  AUTH_KEY_PREFIX,
  isUnder,
  LOOKUP_KEY_PREFIX,
  OUTBOX_KEY_PREFIX,
  POPUP_KEY_PREFIX,
  type LocalKey,
} from './storage-keys';

export type { Settings } from './messages';

/** The embedded local stack (`npm run stack`): the default until a team connects its own.
 * `npm run dev -- --port N` builds the dev extension for a stack on another port. */
export const LOCAL_STACK = {
  url: (import.meta.env.WXT_LOCAL_API_URL as string | undefined) || 'http://127.0.0.1:54321',
  // Supabase's well-known local anon key: public by design, it only names the anon role.
  anonKey:
    (import.meta.env.WXT_LOCAL_ANON_KEY as string | undefined) ||
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0',
} as const;

export interface Connection {
  url: string;
  anonKey: string;
}

export const connectionItem = storage.defineItem<Connection>('local:connection', {
  fallback: { ...LOCAL_STACK },
  version: 1,
});

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { autoLookup: true },
  version: 1,
});

/** How this browser's user last signed in (an email code or a password): after signing
 * out, Settings offers that form first. Kept across sign-out on purpose. */
export const signInMethodItem = storage.defineItem<'code' | 'password' | null>('local:signInMethod', {
  fallback: null,
  version: 1,
});

/** The last user signed in here: signed out, the outbox is still theirs (their count, their
 * items), and nobody else's session sends them. Kept across sign-out on purpose. */
export const lastUserItem = storage.defineItem<{ userId: string; email: string | null } | null>('local:lastUser', {
  fallback: null,
  version: 1,
});

/** Set once the outbox decided whose the items kept before owners were recorded are
 * (utils/outbox/owners.ts): that decision is taken once, at the first start after the upgrade. */
export const outboxOwnersCheckedItem = storage.defineItem<boolean>('local:outboxOwnersChecked', { fallback: false, version: 1 });

export const activeOrgItem = storage.defineItem<string | null>('local:activeOrg', {
  fallback: null,
  version: 1,
});

/** Keys of earlier versions, removed once when the background starts (the lookup cache was
 * one item holding every answer; the panel that sat in the page remembered, per site,
 * whether the rep hid it). */
export const RETIRED_KEYS: LocalKey[] = ['local:lookupCache', 'local:sidebarPrefs'];

/** The user's organizations as last fetched: the panel paints from it at once, and it
 * keeps the extension usable offline. */
export const membershipsCacheItem = storage.defineItem<{ userId: string; memberships: Membership[] } | null>(
  'local:memberships',
  { fallback: null, version: 1 },
);

/** What the last lookup in each tab matched, for the panel there was before the side panel.
 * Nothing writes it any more (the panel knows its tab's page); session storage, so it is
 * gone with the browser. */
export const tabContextItem = storage.defineItem<Record<string, TabContext>>('session:tabContext', {
  fallback: {},
  version: 1,
});

// -- insights -------------------------------------------------------------------
/** The Insights page's last answer per organization and window ("<org id>:<weeks>"), shown
 * with its age when the server cannot be reached. Counts about customers only. */
export const insightsCacheItem = storage.defineItem<Record<string, InsightsOverview>>('local:insightsCache', {
  fallback: {},
  version: 1,
});

// -- For you ----------------------------------------------------------------------
// What someone follows and reads is nobody's business (pact rule 8): these three never leave
// this browser. The server answers for_you and account_timeline and is told nothing else.
// The same goes for the entries cleared from For you.

/** Followed account ids per organization id. */
export const followsItem = storage.defineItem<Follows>('local:follows', { fallback: {}, version: 1 });

/** When this browser's user last looked at For you, per organization id. */
export const forYouLastLookedItem = storage.defineItem<LastLooked>('local:forYouLastLooked', { fallback: {}, version: 1 });

/** Entries on followed accounts cleared from For you, per organization id. */
export const forYouClearedItem = storage.defineItem<Cleared>('local:forYouCleared', { fallback: {}, version: 1 });

/** The last check for new items (the panel, or the outbox's alarm at most every 15
 * minutes): the panel shows its dot and opens on For you from it at once. */
export const forYouCheckItem = storage.defineItem<(ForYouStatus & { orgId: string; checkedAt: string }) | null>(
  'local:forYouCheck',
  { fallback: null, version: 1 },
);

// -- capture anywhere ----------------------------------------------------------
/** The last read failures (selector names, never page content): this browser only, never sent. */
export const readFailuresItem = storage.defineItem<ReadFailure[]>('local:readFailures', { fallback: [], version: 1 });

/** The user switched Highcard on for Outlook on the web in Settings (the browser's permission is the other half). */
export const outlookEnabledItem = storage.defineItem<boolean>('local:outlookEnabled', { fallback: false, version: 1 });

/** Selections waiting in a clip window, by clip id: memory only, gone when the browser closes. */
/** What each tab's content script last reported, for the side panel (memory only: session
 * storage). Keyed by tab id; the background forgets a tab when it closes. */
export const tabViewsItem = storage.defineItem<Record<string, TabView>>('session:tabViews', {
  fallback: {},
  version: 1,
});
export const pendingClipsItem = storage.defineItem<Record<string, ClipHandoff & { createdAt: number }>>('session:pendingClips', {
  fallback: {},
  version: 1,
});

/** An account another extension page (Insights) asked the side panel to show: session storage,
 * which only the panel of the window it came from follows (utils/open-panel-account.ts). */
export interface PanelRequest {
  orgId: string;
  accountId: string;
  name: string;
  /** The window of the page that asked; null (or absent) when it could not tell, and then the
   * panel of the focused window follows it. */
  windowId?: number | null;
  /** Epoch milliseconds: a request is followed only while fresh. */
  requestedAt: number;
}

export const panelRequestItem = storage.defineItem<PanelRequest | null>('session:panelRequest', { fallback: null, version: 1 });

/** What last failed behind the user's back in the service worker (storage, the alarm, a
 * sync), for Settings to show; cleared when the outbox next runs cleanly. */
export const backgroundProblemItem = storage.defineItem<BackgroundProblem | null>('local:backgroundProblem', {
  fallback: null,
  version: 1,
});

/** An account this browser opened lately (the panel's "Recent"); the rules for the list are
 * in utils/recent-accounts.ts, which builds on this item. */
export interface RecentAccount {
  orgId: string;
  accountId: string;
  name: string;
  openedAt: string;
}

/** The accounts this browser opened lately, per organization; this browser only. */
export const recentAccountsItem = storage.defineItem<RecentAccount[]>('local:recentAccounts', {
  fallback: [],
  version: 1,
});

/** When this browser last mapped its kept ids through merges (utils/background/kept-ids.ts),
 * as epoch milliseconds: a worker that wakes often asks at most every 15 minutes. */
export const keptIdsCheckedItem = storage.defineItem<number | null>('local:keptIdsChecked', { fallback: null, version: 1 });

// ---------------------------------------------------------------------------------------
// Values kept one key each under a prefix (the session, the outbox).


/** The ids of the items in the outbox, written in the same storage call as a new item: listing
 * reads these keys only, never all of storage. null until first written (then rebuilt once). */
export const outboxIndexItem = storage.defineItem<string[] | null>('local:outboxIndex', { fallback: null, version: 1 });

/** Which answers are cached and when each was fetched: evicting the oldest reads only this. */
export const lookupIndexItem = storage.defineItem<CacheIndex>('local:lookupIndex', { fallback: [], version: 1 });

// -- the panel's kept answers (utils/background/popup-cache.ts) ---------------
/** Which panel answers are kept and when each was fetched (bounded; cleared on sign-out). */
export const popupIndexItem = storage.defineItem<CacheIndex>('local:popupAnswerIndex', { fallback: [], version: 1 });


/** Every value under `prefix`, with its full key. */
export async function entriesUnder<T>(prefix: LocalKey): Promise<Array<[LocalKey, T]>> {
  const snapshot = await storage.snapshot('local');
  return Object.entries(snapshot)
    .filter(([key]) => key.startsWith(bare(prefix)))
    .map(([key, value]) => [`local:${key}`, value as T]);
}

// `any`: an item of any value type; each value's own type comes back out through ValueOf.
type AnyItem = WxtStorageItem<any, any>;
type ValueOf<Item> = Item extends WxtStorageItem<infer Value, infer _Meta> ? Value : never;

/** Several items in one storage call (a hot path asks for four; that is one trip, not four). */
export async function readItems<const Items extends readonly AnyItem[]>(...items: Items): Promise<{ [K in keyof Items]: ValueOf<Items[K]> }> {
  const found = await storage.getItems([...items]);
  return found.map(({ value }) => value) as { [K in keyof Items]: ValueOf<Items[K]> };
}

/** The one value kept under `prefix` with this id, or null. */
export function readUnder<T>(prefix: LocalKey, id: string): Promise<T | null> {
  return storage.getItem<T>(`${prefix}${id}`);
}

/** Removes every value under `prefix`. */
export async function removeUnder(prefix: LocalKey): Promise<void> {
  const keys = (await entriesUnder<unknown>(prefix)).map(([key]) => key);
  if (keys.length) await storage.removeItems(keys);
}
