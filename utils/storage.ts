// Everything the extension keeps in the browser, defined once: a key, a version and a
// default. Nothing else writes extension storage by hand.
import { storage } from 'wxt/utils/storage';

/** The embedded local stack (`npm run stack`): the default until a team connects its own. */
export const LOCAL_STACK = {
  url: 'http://127.0.0.1:54321',
  // Supabase's well-known local anon key: public by design, it only names the anon role.
  anonKey:
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

export interface Settings {
  /** Pact rule 1: the sidebar's lookup may be switched to "only when I ask". */
  autoLookup: boolean;
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { autoLookup: true },
  version: 1,
});

export const activeOrgItem = storage.defineItem<string | null>('local:activeOrg', {
  fallback: null,
  version: 1,
});

/** Prefix of the keys under which supabase-js keeps its session (see utils/supabase.ts). */
export const AUTH_KEY_PREFIX = 'local:auth:' as const;
/** Prefix of one key per outbox item, so that filing writes one small value. */
export const OUTBOX_KEY_PREFIX = 'local:outbox:' as const;
export const lookupCacheItem = storage.defineItem<Record<string, unknown>>('local:lookupCache', {
  fallback: {},
  version: 1,
});

/** The user's organizations as last fetched: the sidebar paints from it at once, and it
 * keeps the extension usable offline. */
export const membershipsCacheItem = storage.defineItem<{ userId: string; memberships: unknown[] } | null>(
  'local:memberships',
  { fallback: null, version: 1 },
);
