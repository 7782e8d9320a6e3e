// The test's view of the stack behind the extension: its address, and the rows that landed.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';

export function stackInfo(): { apiUrl: string; anonKey: string; serviceKey: string } {
  const apiUrl = process.env.HIGHCARD_E2E_API_URL;
  const anonKey = process.env.HIGHCARD_E2E_ANON_KEY;
  const serviceKey = process.env.HIGHCARD_E2E_SERVICE_KEY;
  if (!apiUrl || !anonKey || !serviceKey) throw new Error('The e2e stack is not running (see tests/e2e/global-setup.ts).');
  return { apiUrl, anonKey, serviceKey };
}

/** A client that bypasses RLS, for checking exactly what was stored. */
export function adminClient(): SupabaseClient {
  const { apiUrl, serviceKey } = stackInfo();
  return createClient(apiUrl, serviceKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
}

/** The id of the organization a test created under `name`. Every spec shares one stack, and
 * several file the same fixture message, so a check reads its own organization's rows only. */
export async function orgIdNamed(name: string): Promise<string> {
  const { data, error } = await adminClient().from('organizations').select('id').eq('name', name).single();
  if (error || !data) throw new Error(`No organization named ${name}: ${error?.message}`);
  return (data as { id: string }).id;
}

export async function latestCode(email: string): Promise<string> {
  const { apiUrl, anonKey } = stackInfo();
  const response = await fetch(`${apiUrl}/auth/v1/mailbox?email=${encodeURIComponent(email)}`, {
    headers: { apikey: anonKey },
  });
  const { messages } = (await response.json()) as { messages: Array<{ code: string }> };
  const newest = messages[0]?.code;
  if (!newest) throw new Error(`No code in the local mailbox for ${email}.`);
  return newest;
}
