// Old ids lead on: what an account or contact id the extension kept stands for today
// (handlers/ids.ts; public.resolve_ids). The background maps its own kept ids by itself
// (kept-ids.ts); a page asks when it holds ids of its own.
import { z } from 'zod';
import { LIMITS } from '../limits';
import { id, message } from './shared';

/** At most this many ids of each kind per question, as the server takes them. */
export const RESOLVE_IDS_MAX = LIMITS.resolveIds;

/** One id and the record it leads to now: itself, the survivor of its merges, or null when
 * the record is gone or not of the active organization. */
export const resolvedIdSchema = z.object({
  kind: z.enum(['account', 'contact']),
  oldId: z.string(),
  currentId: z.string().nullable(),
});
export type ResolvedId = z.infer<typeof resolvedIdSchema>;

const ids = z.array(id).max(RESOLVE_IDS_MAX, { error: `must be at most ${RESOLVE_IDS_MAX} ids` }).default([]);

export const idsMessages = {
  /** Accounts first, in the order given, each id once. */
  'ids.resolve': message(z.object({ accountIds: ids, contactIds: ids }), z.array(resolvedIdSchema)),
} as const;
