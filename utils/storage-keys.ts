// Names of the keys kept one per value under a prefix (the session, the outbox, the caches),
// and the one place that knows how WXT names them. No storage is touched here: content
// scripts import this, while utils/storage.ts (which defines the items) is for the
// extension's own pages and the background.

export type LocalKey = `local:${string}`;

/** Prefix of the keys under which supabase-js keeps its session (see background/supabase.ts). */
export const AUTH_KEY_PREFIX = 'local:auth:' as const;
/** Prefix of one key per outbox item, so that filing writes one small value. */
export const OUTBOX_KEY_PREFIX = 'local:outbox:' as const;
/** Prefix of one key per cached lookup answer (utils/lookup-cache.ts). */
export const LOOKUP_KEY_PREFIX = 'local:lookup:' as const;
/** Prefix of one key per kept panel answer (an account's overview or first timeline page). */
export const POPUP_KEY_PREFIX = 'local:popupAnswer:' as const;

/** WXT's snapshot names keys without their area. */
export function bare(key: LocalKey): string {
  return key.slice('local:'.length);
}

/** Whether a key from `browser.storage.onChanged` (area 'local') is under `prefix`. */
export function isUnder(prefix: LocalKey, changedKey: string): boolean {
  return changedKey.startsWith(bare(prefix));
}
