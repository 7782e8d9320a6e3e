// The one Supabase client, owned by the service worker. Its session lives in extension
// storage (an MV3 worker has no window or localStorage), so it survives the worker being
// stopped and the browser restarting.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { storage } from 'wxt/utils/storage';
import type { Database } from '../../supabase/database.types';
import { AUTH_KEY_PREFIX, type Connection } from '../storage';

/** The client typed by the generated schema: rows, RPC arguments and answers are checked. */
export type Client = SupabaseClient<Database>;

/** Requests that hang are worse than requests that fail: the outbox retries failures. */
export const REQUEST_TIMEOUT_MS = 15_000;

export const authStorage = {
  getItem: (key: string) => storage.getItem<string>(`${AUTH_KEY_PREFIX}${key}`),
  setItem: (key: string, value: string) => storage.setItem(`${AUTH_KEY_PREFIX}${key}`, value),
  removeItem: (key: string) => storage.removeItem(`${AUTH_KEY_PREFIX}${key}`),
};

export const fetchWithTimeout: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
};

let current: { key: string; client: Client } | null = null;

/** The client for this connection; a new connection gets a new client (and session). */
export function supabaseFor(connection: Connection): Client {
  const key = `${connection.url}|${connection.anonKey}`;
  if (current?.key !== key) {
    current = {
      key,
      client: createClient<Database>(connection.url, connection.anonKey, {
        auth: {
          storage: authStorage,
          storageKey: 'session',
          persistSession: true,
          autoRefreshToken: true,
          detectSessionInUrl: false,
        },
        global: { fetch: fetchWithTimeout },
      }),
    };
  }
  return current.client;
}

export function resetSupabaseClient(): void {
  current = null;
}
