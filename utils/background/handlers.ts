// The background's one handler map, keyed by message type. Handlers return data or throw
// an Error whose message is written for the user; the dispatcher turns both into a Result.
import type { SupabaseClient } from '@supabase/supabase-js';
import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { LookupCache, lookupKey, type CacheArea } from '../lookup-cache';
import {
  CONTENT_SCRIPT_MESSAGES,
  parseMessage,
  type LookupResult,
  type Membership,
  type MessageType,
  type ParsedPayload,
  type Result,
} from '../messages';
import { isUnsent, Outbox, OutboxError, type OutboxItem } from '../outbox';
import { extensionOutboxStore } from '../outbox-store';
import {
  activeOrgItem,
  AUTH_KEY_PREFIX,
  connectionItem,
  lookupCacheItem,
  membershipsCacheItem,
  settingsItem,
  type Connection,
  type Settings,
} from '../storage';
import { testConnection } from './connection';
import * as records from './records';
import { resetSupabaseClient, supabaseFor } from './supabase';

export const OUTBOX_ALARM = 'outbox';

async function client(): Promise<SupabaseClient> {
  return supabaseFor(await connectionItem.getValue());
}

export const outbox = new Outbox({
  store: extensionOutboxStore,
  send: async (capture) => records.fileInteraction(await client(), capture),
  schedule: async (when) => {
    if (when === null) await browser.alarms.clear(OUTBOX_ALARM);
    else await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(when, Date.now() + 1_000) });
  },
  onChange: (items) => void showUnsent(items),
});

async function showUnsent(items: readonly OutboxItem[]): Promise<void> {
  const unsent = items.filter(isUnsent);
  const attention = unsent.some((item) => item.status !== 'pending');
  await browser.action.setBadgeText({ text: unsent.length ? String(unsent.length) : '' });
  await browser.action.setBadgeBackgroundColor({ color: attention ? '#b45309' : '#2563eb' });
  await browser.action.setTitle({
    title: unsent.length ? `Highcard — ${unsent.length} not yet sent` : 'Highcard',
  });
}

const lookupArea: CacheArea<LookupResult> = {
  read: async () => (await lookupCacheItem.getValue()) as Awaited<ReturnType<CacheArea<LookupResult>['read']>>,
  write: (entries) => lookupCacheItem.setValue(entries),
};
export const lookupCache = new LookupCache<LookupResult>(lookupArea);

/** The sidebar's lookup: the team's answer, or nothing asked because automatic lookup is off. */
export type LookupAnswer =
  | { skipped: true }
  | { skipped: false; result: LookupResult; fetchedAt: number; fromCache: boolean };

export interface SessionState {
  connection: Pick<Connection, 'url'>;
  user: { id: string; email: string | null } | null;
  organizations: Membership[];
  activeOrgId: string | null;
  settings: Settings;
  unsent: number;
}

async function fetchMemberships(supabase: SupabaseClient, userId: string): Promise<Membership[] | null> {
  try {
    const memberships = await records.listMemberships(supabase, userId);
    await membershipsCacheItem.setValue({ userId, memberships });
    return memberships;
  } catch {
    return null;
  }
}

/**
 * Who is signed in and in which organizations. `fresh: false` answers from the last known
 * organizations and refreshes them behind the answer (the sidebar's first paint); a failed
 * fetch falls back to them too, so being offline never looks like having no organization.
 */
async function sessionState({ fresh = true }: { fresh?: boolean } = {}): Promise<SessionState> {
  const connection = await connectionItem.getValue();
  const supabase = supabaseFor(connection);
  const { data } = await supabase.auth.getSession();
  const user = data.session?.user ?? null;
  let organizations: Membership[] = [];
  if (user) {
    const cached = await membershipsCacheItem.getValue();
    const known = cached?.userId === user.id ? (cached.memberships as Membership[]) : null;
    if (!fresh && known) {
      organizations = known;
      void fetchMemberships(supabase, user.id);
    } else {
      organizations = (await fetchMemberships(supabase, user.id)) ?? known ?? [];
    }
  }
  let activeOrgId = await activeOrgItem.getValue();
  if (!organizations.some((org) => org.org_id === activeOrgId)) {
    activeOrgId = organizations[0]?.org_id ?? null;
    if (user && organizations.length) await activeOrgItem.setValue(activeOrgId);
  }
  const unsent = await outbox.unsentCount();
  return {
    connection: { url: connection.url },
    user: user ? { id: user.id, email: user.email ?? null } : null,
    organizations,
    activeOrgId,
    settings: await settingsItem.getValue(),
    unsent,
  };
}

async function signedIn(): Promise<SessionState> {
  // Whatever waited for the session goes now; the caller need not wait for it.
  void outbox.resume();
  return sessionState();
}

function authError(error: { message: string } | null): void {
  if (!error) return;
  const message =
    error.message === 'Invalid login credentials'
      ? 'That email and password do not match.'
      : error.message.includes('fetch')
        ? 'Could not reach the server. Check the connection in Highcard’s settings.'
        : error.message;
  throw new Error(message);
}

async function forgetSession(): Promise<void> {
  const snapshot = await storage.snapshot('local');
  const prefix = AUTH_KEY_PREFIX.slice('local:'.length);
  await Promise.all(
    Object.keys(snapshot)
      .filter((key) => key.startsWith(prefix))
      .map((key) => storage.removeItem(`local:${key}`)),
  );
  await lookupCache.clear();
  await membershipsCacheItem.setValue(null);
  await activeOrgItem.setValue(null);
}

type Handlers = {
  [K in MessageType]: (payload: ParsedPayload<K>, sender?: Browser.runtime.MessageSender) => Promise<unknown>;
};

/** What the last lookup in each tab matched, so the popup opened over a Gmail thread or a
 * LinkedIn profile can go straight to its account without the "tabs" permission. Session
 * storage: it lives in memory only, never leaves the browser and is gone when it closes. */
export interface TabContext {
  orgId: string;
  accountId: string | null;
  accountName: string | null;
  url: string | null;
  at: number;
}
export const tabContextItem = storage.defineItem<Record<string, TabContext>>('session:tabContext', {
  fallback: {},
  version: 1,
});
const TAB_CONTEXT_LIMIT = 50;

async function rememberTab(
  sender: Browser.runtime.MessageSender | undefined,
  orgId: string,
  result: LookupResult,
): Promise<void> {
  const tabId = sender?.tab?.id;
  if (tabId === undefined || tabId < 0) return;
  try {
    const account = result.accounts[0] ?? null;
    const all = await tabContextItem.getValue();
    all[String(tabId)] = {
      orgId,
      accountId: account?.id ?? null,
      accountName: account?.name ?? null,
      url: sender?.url ?? null,
      at: Date.now(),
    };
    const newest = Object.entries(all)
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, TAB_CONTEXT_LIMIT);
    await tabContextItem.setValue(Object.fromEntries(newest));
  } catch {
    // Only a shortcut for the popup: a lookup never fails because of it.
  }
}

async function signedInUserId(supabase: SupabaseClient): Promise<string> {
  const { data } = await supabase.auth.getSession();
  const id = data.session?.user.id;
  if (!id) throw new Error('You are signed out — sign in again in Highcard’s settings.');
  return id;
}

async function requireActiveOrg(): Promise<string> {
  const orgId = await activeOrgItem.getValue();
  if (!orgId) throw new Error('Join or create your team’s organization in Highcard’s settings first.');
  return orgId;
}

export const handlers = {
  'session.get': (options) => sessionState(options),

  'session.signInWithPassword': async ({ email, password }) => {
    const { error } = await (await client()).auth.signInWithPassword({ email, password });
    authError(error);
    return signedIn();
  },

  'session.signUp': async ({ email, password, displayName }) => {
    const { data, error } = await (await client()).auth.signUp({
      email,
      password,
      options: { data: displayName ? { display_name: displayName } : {} },
    });
    authError(error);
    if (!data.session) throw new Error('Check your email to confirm the address, then sign in.');
    return signedIn();
  },

  'session.sendCode': async ({ email }) => {
    const { error } = await (await client()).auth.signInWithOtp({ email, options: { shouldCreateUser: true } });
    authError(error);
    return { sentTo: email };
  },

  'session.verifyCode': async ({ email, code }) => {
    const { error } = await (await client()).auth.verifyOtp({ email, token: code, type: 'email' });
    if (error) throw new Error('That code is wrong or has expired — ask for a new one.');
    return signedIn();
  },

  'session.signOut': async () => {
    // Unsent items stay: they belong to the browser's user and go after the next sign-in.
    await (await client()).auth.signOut({ scope: 'local' }).catch(() => undefined);
    await forgetSession();
    return sessionState();
  },

  'connection.test': ({ url, anonKey }) => testConnection(url, anonKey),

  'connection.set': async ({ url, anonKey }) => {
    await testConnection(url, anonKey);
    const previous = await connectionItem.getValue();
    const next = { url: url.replace(/\/+$/, ''), anonKey };
    if (previous.url !== next.url || previous.anonKey !== next.anonKey) {
      await forgetSession();
      resetSupabaseClient();
      await connectionItem.setValue(next);
    }
    return sessionState();
  },

  'org.create': async ({ name }) => {
    const orgId = await records.createOrganization(await client(), name);
    await activeOrgItem.setValue(orgId);
    return sessionState();
  },

  'org.join': async ({ code }) => {
    const orgId = await records.joinOrganization(await client(), code);
    await activeOrgItem.setValue(orgId);
    return sessionState();
  },

  'org.setActive': async ({ orgId }) => {
    await activeOrgItem.setValue(orgId);
    return sessionState();
  },

  'org.invite': async ({ orgId, role }) => ({ code: await records.createInvite(await client(), orgId, role) }),

  'capture.file': async ({ capture }) => {
    const item = await outbox.file(capture);
    void outbox.drain();
    return item;
  },

  'outbox.list': () => outbox.list(),
  'outbox.retry': ({ id }) => outbox.retry(id),
  'outbox.discard': async ({ id }) => {
    await outbox.discard(id);
    return outbox.list();
  },
  'outbox.update': async ({ id, capture }) => {
    const item = await outbox.update(id, capture);
    void outbox.drain();
    return item;
  },

  lookup: async ({ emails, linkedinUrl, prefer, manual }, sender): Promise<LookupAnswer> => {
    // Pact rule 1: with automatic lookup off, nothing is asked until the rep asks, whatever
    // an open tab last knew of the setting.
    if (!manual && !(await settingsItem.getValue()).autoLookup) return { skipped: true };
    const orgId = await activeOrgItem.getValue();
    if (!orgId) throw new Error('Join or create your team’s organization in Highcard’s settings first.');
    const key = lookupKey(orgId, emails, linkedinUrl);
    if (prefer === 'cache') {
      const cached = await lookupCache.get(key);
      if (cached) {
        await rememberTab(sender, orgId, cached.value);
        return { skipped: false, result: cached.value, fetchedAt: cached.fetchedAt, fromCache: true };
      }
    }
    const result = await records.lookupContext(await client(), orgId, emails, linkedinUrl);
    const fetchedAt = Date.now();
    await lookupCache.set(key, result, fetchedAt);
    await rememberTab(sender, orgId, result);
    return { skipped: false, result, fetchedAt, fromCache: false };
  },

  'settings.set': async (settings) => {
    await settingsItem.setValue(settings);
    return settings;
  },

  'context.current': async ({ tabId, url }) => {
    const seen = (await tabContextItem.getValue())[String(tabId)];
    const orgId = await activeOrgItem.getValue();
    // A lookup from another organization, or from a page the tab has since left, says
    // nothing about what is in view now.
    if (!seen || seen.orgId !== orgId || (url && seen.url && url !== seen.url)) {
      return { accountId: null, accountName: null };
    }
    return { accountId: seen.accountId, accountName: seen.accountName };
  },

  'accounts.search': async ({ query }) => records.searchAccounts(await client(), await requireActiveOrg(), query),

  'account.overview': async ({ accountId }) => records.accountOverview(await client(), accountId),

  'account.timeline': async (query) => records.accountTimeline(await client(), query),

  'entry.revisions': async ({ id }) => records.entryRevisions(await client(), id),

  'entry.update': async ({ id, title, body, signals }) => {
    await records.updateEntry(await client(), id, { title, body, signals });
    // The sidebar's cached lookups would still show the old text.
    await lookupCache.clear();
    return { id };
  },

  'entry.retract': async ({ id }) => {
    await records.retractEntry(await client(), id);
    await lookupCache.clear();
    return { id };
  },

  'mine.list': async () => {
    const supabase = await client();
    return records.myEntries(supabase, await signedInUserId(supabase));
  },

  'org.members': async ({ orgId }) => records.listMembers(await client(), orgId),

  'org.setRole': async ({ orgId, userId, role }) => {
    const supabase = await client();
    await records.setMemberRole(supabase, orgId, userId, role);
    return records.listMembers(supabase, orgId);
  },

  'profile.update': async ({ orgId, displayName, department }) => {
    const supabase = await client();
    await records.updateProfile(supabase, orgId, await signedInUserId(supabase), { displayName, department });
    return sessionState();
  },
} satisfies Handlers;

export type Responses = { [K in MessageType]: Awaited<ReturnType<(typeof handlers)[K]>> };

function isFromExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  return !sender.tab || (sender.url !== undefined && new URL(sender.url).origin === ownOrigin);
}

/** The one entry point for messages: checks who sent it and what it is, never throws. */
export async function dispatch(raw: unknown, sender: Browser.runtime.MessageSender): Promise<Result<unknown>> {
  if (sender.id !== browser.runtime.id) return { ok: false, error: 'Messages from outside Highcard are refused.' };
  const message = parseMessage(raw);
  if (!message.ok) return message;
  if (!isFromExtensionPage(sender) && !CONTENT_SCRIPT_MESSAGES.has(message.type)) {
    return { ok: false, error: `“${message.type}” is only available from Highcard’s own pages.` };
  }
  try {
    const handler = handlers[message.type] as (payload: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>;
    return { ok: true, data: await handler(message.payload, sender) };
  } catch (error) {
    if (error instanceof OutboxError || error instanceof records.RecordsError || error instanceof Error) {
      return { ok: false, error: error.message };
    }
    return { ok: false, error: 'Something went wrong in Highcard’s background.' };
  }
}
