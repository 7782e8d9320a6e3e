// The panel's two-step read (honest states): the answer kept in this browser paints
// at once with its age, then the server's answer replaces it. When the server cannot be
// reached the background answers with the kept one again (`cachedAt` set): it stays, said as
// offline. Page-side; the background's half is utils/background/popup-cache.ts.
import type { Result } from './messages';

/** What the panel shows: a fresh answer (cachedAt null), a kept one, or one sentence. */
export type Shown<T> =
  | { kind: 'loading' }
  | { kind: 'ok'; data: T; cachedAt: string | null; offline: boolean }
  | { kind: 'error'; message: string };

/** Asks with `prefer: 'cache'`, then (only if that answer was kept) with 'network'; calls
 * `show` with each state. Returns false when `live()` turned false meanwhile. */
export async function keptThenFresh<T extends { cachedAt?: string }>(
  ask: (prefer: 'cache' | 'network') => Promise<Result<T>>,
  show: (shown: Shown<T>) => void,
  live: () => boolean = () => true,
): Promise<void> {
  const first = await ask('cache');
  if (!live()) return;
  if (!first.ok) return show({ kind: 'error', message: first.error });
  show({ kind: 'ok', data: first.data, cachedAt: first.data.cachedAt ?? null, offline: false });
  if (!first.data.cachedAt) return; // the server answered already
  const fresh = await ask('network');
  if (!live()) return;
  if (!fresh.ok) return show({ kind: 'error', message: fresh.error });
  show({ kind: 'ok', data: fresh.data, cachedAt: fresh.data.cachedAt ?? null, offline: Boolean(fresh.data.cachedAt) });
}
