// Who is signed in, to which backend, with which settings. Every message that changes any
// of it answers with the new SessionState.
import { isAuthRetryableFetchError, type AuthError } from '@supabase/supabase-js';
import { HighcardError, isNetworkKind, kindOf, noAnswerKind } from '../../errors';
import type { Membership, SessionState } from '../../messages';
import {
  activeOrgItem,
  AUTH_KEY_PREFIX,
  connectionItem,
  membershipsCacheItem,
  readItems,
  removeUnder,
  settingsItem,
  signInMethodItem,
} from '../../storage';
import { checkAnonKey, checkBackendUrl } from '../../invitation';
import { emailRefusal } from '../../policy';
import { currentSettings, readPolicy } from '../policy';
import { testConnection } from '../connection';
import type { TopicHandlers } from './types';
import * as records from '../records/session';
import { popupCache } from '../popup-cache';
import { client, inBackground, lookupCache, outbox } from '../services';
import { resetSupabaseClient, supabaseFor, type Client } from '../supabase';

/** A panel asks on every thread: its answer from the last known organizations refreshes
 * them behind it at most this often. */
const REFRESH_BEHIND_MS = 60_000;
let lastRefresh = 0;

/** The user's organizations from the server, or null when it cannot be reached (then the
 * last known ones stand in). Any other failure, a changed answer's shape included, is said. */
async function fetchMemberships(supabase: Client, userId: string): Promise<Membership[] | null> {
  try {
    const memberships = await records.listMemberships(supabase, userId);
    await membershipsCacheItem.setValue({ userId, memberships });
    return memberships;
  } catch (error) {
    if (isNetworkKind(kindOf(error))) return null;
    throw error;
  }
}

/**
 * Who is signed in and in which organizations. `fresh: false` answers from the last known
 * organizations and refreshes them behind the answer (the panel's first paint); a failed
 * fetch falls back to them too, so being offline never looks like having no organization.
 */
export async function sessionState({ fresh = true }: { fresh?: boolean } = {}): Promise<SessionState> {
  // One storage call for everything but the session itself: the panel asks on every thread.
  const [stored, cached, storedOrgId, storedSettings, signInMethod] = await readItems(
    connectionItem,
    membershipsCacheItem,
    activeOrgItem,
    settingsItem,
    signInMethodItem,
  );
  const policy = await readPolicy();
  const connection = policy.connection ?? stored;
  const settings = await currentSettings(policy, storedSettings);
  const supabase = supabaseFor(connection);
  const { data } = await supabase.auth.getSession();
  const user = data.session?.user ?? null;
  let organizations: Membership[] = [];
  if (user) {
    const known = cached?.userId === user.id ? cached.memberships : null;
    if (!fresh && known) {
      organizations = known;
      if (Date.now() - lastRefresh > REFRESH_BEHIND_MS) {
        lastRefresh = Date.now();
        inBackground('refresh your organizations', fetchMemberships(supabase, user.id));
      }
    } else {
      organizations = (await fetchMemberships(supabase, user.id)) ?? known ?? [];
      lastRefresh = Date.now();
    }
  }
  let activeOrgId = storedOrgId;
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
    settings,
    unsent,
    managed: {
      connection: policy.connection !== null,
      allowedEmailDomains: policy.allowedEmailDomains,
      lookupMode: policy.lookupMode !== null,
      problems: policy.problems,
    },
    signInMethod,
  };
}

/** Refuses, before asking the server, an address the organization's policy does not allow. */
async function allowedEmail(email: string): Promise<void> {
  const refusal = emailRefusal(await readPolicy(), email);
  if (refusal) throw new HighcardError('refused', refusal);
}

async function signedIn(): Promise<SessionState> {
  // Whatever waited for the session goes now; the caller need not wait for it.
  inBackground('send what waited for sign-in', outbox.resume());
  return sessionState();
}

function authError(error: AuthError | null): void {
  if (!error) return;
  // supabase-js wraps a request that got no answer (status 0) in AuthRetryableFetchError.
  if (isAuthRetryableFetchError(error)) {
    throw new HighcardError(noAnswerKind(), 'Could not reach the server. Check the connection in Highcard’s settings.', { cause: error });
  }
  if (error.code === 'invalid_credentials' || error.message === 'Invalid login credentials') {
    throw new HighcardError('refused', 'That email and password do not match.');
  }
  throw new HighcardError('refused', error.message);
}

async function forgetSession(): Promise<void> {
  await removeUnder(AUTH_KEY_PREFIX);
  await lookupCache.clear();
  await popupCache.clear();
  await membershipsCacheItem.setValue(null);
  await activeOrgItem.setValue(null);
}

export const sessionHandlers = {
  'session.get': (options) => sessionState(options),

  'session.signInWithPassword': async ({ email, password }) => {
    await allowedEmail(email);
    const { error } = await (await client()).auth.signInWithPassword({ email, password });
    authError(error);
    await signInMethodItem.setValue('password');
    return signedIn();
  },

  'session.signUp': async ({ email, password, displayName }) => {
    await allowedEmail(email);
    const { data, error } = await (await client()).auth.signUp({
      email,
      password,
      options: { data: displayName ? { display_name: displayName } : {} },
    });
    authError(error);
    if (!data.session) throw new HighcardError('refused', 'Check your email to confirm the address, then sign in.');
    await signInMethodItem.setValue('password');
    return signedIn();
  },

  'session.sendCode': async ({ email }) => {
    await allowedEmail(email);
    const { error } = await (await client()).auth.signInWithOtp({ email, options: { shouldCreateUser: true } });
    authError(error);
    return { sentTo: email };
  },

  'session.verifyCode': async ({ email, code }) => {
    const { error } = await (await client()).auth.verifyOtp({ email, token: code, type: 'email' });
    if (error && isAuthRetryableFetchError(error)) authError(error);
    if (error) throw new HighcardError('refused', 'That code is wrong or has expired — ask for a new one.');
    await signInMethodItem.setValue('code');
    return signedIn();
  },

  'session.signOut': async () => {
    // Unsent items stay: each belongs to whoever filed it, and goes once that person signs in here again.
    // Signing out here must not depend on the server: the local session is forgotten anyway.
    await (await client())
      .auth.signOut({ scope: 'local' })
      .catch((error: unknown) => console.warn('Highcard: signing out on the server failed; forgetting the session here.', error));
    await forgetSession();
    return sessionState();
  },

  'connection.test': ({ url, anonKey }) => testConnection(url, anonKey),

  'connection.set': async ({ url, anonKey }) => {
    if ((await readPolicy()).connection) {
      throw new HighcardError('refused', 'Your organization sets the connection by policy; it cannot be changed here.');
    }
    // The same checks as an invitation's: https only (loopback excepted), never a key that
    // would bypass row level security.
    const checkedUrl = checkBackendUrl(url);
    if (!checkedUrl.ok) throw new HighcardError('refused', checkedUrl.error);
    const checkedKey = checkAnonKey(anonKey);
    if (!checkedKey.ok) throw new HighcardError('refused', checkedKey.error);
    await testConnection(checkedUrl.value, checkedKey.value);
    const previous = await connectionItem.getValue();
    const next = { url: checkedUrl.value, anonKey: checkedKey.value };
    if (previous.url !== next.url || previous.anonKey !== next.anonKey) {
      await forgetSession();
      resetSupabaseClient();
      await connectionItem.setValue(next);
    }
    return sessionState();
  },

  'settings.set': async (settings) => {
    // What the policy decides stays as it decides; the rest is the user's.
    const policy = await readPolicy();
    const kept = policy.lookupMode ? { ...settings, autoLookup: (await settingsItem.getValue()).autoLookup } : settings;
    await settingsItem.setValue(kept);
    return sessionState({ fresh: false });
  },
} satisfies TopicHandlers;
