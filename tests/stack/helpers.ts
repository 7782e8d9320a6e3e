// Shared by the stack tests: supabase-js clients against a running local stack.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { startStack, type RunningStack } from '../../supabase/local/stack.ts';
import { onRealPostgres, scratchDatabase } from '../postgres/server.ts';

/** A throwaway stack on spare ports: in-memory PGlite, or under `npm run test:postgres` a
 * scratch database on the real server (then PostgREST uses a pool of connections). */
export async function startTestStack(): Promise<RunningStack> {
  const dbUrl = onRealPostgres() ? (await scratchDatabase()).url : undefined;
  return startStack({ dataDir: null, apiPort: 0, dbPort: 0, dbUrl });
}

/** supabase-js unchanged; Node 20 has no global WebSocket, so realtime gets `ws`. */
export function clientFor(stack: RunningStack, key: string = stack.anonKey): SupabaseClient {
  return createClient(stack.apiUrl, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  });
}

export const uniqueEmail = (label: string): string => `${label}-${randomUUID().slice(0, 8)}@example.test`;

/** A new user, signed up and signed in on their own client. */
export async function signedUpClient(stack: RunningStack, label: string) {
  const client = clientFor(stack);
  const email = uniqueEmail(label);
  const { data, error } = await client.auth.signUp({ email, password: 'correct horse 1', options: { data: { full_name: label } } });
  if (error || !data.session || !data.user) throw new Error(`sign-up failed: ${error?.message}`);
  return { client, email, user: data.user, session: data.session };
}

/** Raw fetch against the gateway with the anon key. */
export function api(stack: RunningStack, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('apikey')) headers.set('apikey', stack.anonKey);
  return fetch(`${stack.apiUrl}${path}`, { ...init, headers });
}
