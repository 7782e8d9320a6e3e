// Pieces every topic of the contract uses: one message's pair of schemas, ids, and the
// panel's kept answers.
import { z } from 'zod';
import { LIMITS } from '../limits';

/** One message: what the page sends and what the background answers. */
export function message<Request extends z.ZodType, Response extends z.ZodType>(request: Request, response: Response) {
  return { request, response };
}

export const id = z.guid({ error: 'must be a uuid' });
export const email = z.email({ error: 'must be an email address' }).max(LIMITS.email);
/** An answer naming the row a message changed. */
export const entryRef = z.object({ id: z.string() });
export const none = z.object({});

// The panel's kept answers (handlers/record.ts): the panel paints an account at once from the answer kept in this browser, then asks the
// server. `prefer: 'cache'` answers with the kept one if there is one; a kept answer carries
// `cachedAt` (also when the server could not be reached, in place of an error).
export const preferKept = { prefer: z.enum(['cache', 'network']).optional() };
export const keptAt = { cachedAt: z.iso.datetime().optional() };
