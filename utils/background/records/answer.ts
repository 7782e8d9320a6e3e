// The one way a Supabase answer is read: its data, or its failure as words a user can act on
// (and, for the outbox, as what to do next). Every records/<topic>.ts reads answers here.
import { HighcardError, noAnswerKind, type ErrorKind } from '../../errors';
import type { SendOutcome } from '../../outbox';

interface ServerError {
  message: string;
  code?: string;
}

/** What every supabase-js request resolves to, typed by supabase/database.types.ts. */
export interface ServerAnswer<T> {
  data: T | null;
  error: ServerError | null;
  status: number;
}

const JWT_CODES = new Set(['PGRST301', 'PGRST302', 'PGRST303']);

/** What a page says when the team's server cannot be reached (utils/panel/states.ts knows it). */
export const UNREACHABLE = "Highcard can't reach your team's server right now.";

/** Sorts a failed request into what the outbox does next. */
export function classify(answer: { error: ServerError | null; status: number }): Exclude<SendOutcome, { kind: 'sent' }> {
  const message = answer.error?.message ?? 'The server gave no answer.';
  if (answer.status === 0 || answer.status === 408 || answer.status === 429 || answer.status >= 500) {
    // Status 0: the request never reached the server. The browser's own words ("TypeError:
    // Failed to fetch") mean nothing to a rep; every page shows this sentence instead.
    if (answer.status === 0) return { kind: 'unavailable', message: UNREACHABLE, offline: noAnswerKind() === 'offline' };
    return { kind: 'unavailable', message };
  }
  if (answer.status === 401 || JWT_CODES.has(answer.error?.code ?? '')) {
    return { kind: 'unauthorized', message: 'Your session expired — sign in again; your items are kept and will be sent.' };
  }
  return { kind: 'refused', message };
}

/** The server's "field: reason" as a sentence: "Nobody can raise their own role." */
export function sentence(message: string): string {
  const text = message.replace(/^[a-z_]+: /, '').trim();
  if (!text) return message;
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** How a refusal reads: the server's own "field: reason", or that made into a sentence. */
export type RefusalWords = 'as-is' | 'sentence';

/** The kind of a failed request, from its status: made here, once, for every page. */
export function errorKind(answer: { error: ServerError | null; status: number }): ErrorKind {
  const outcome = classify(answer);
  if (outcome.kind === 'unauthorized') return 'signed_out';
  if (outcome.kind === 'unavailable') return outcome.offline ? 'offline' : 'unreachable';
  return answer.status === 404 ? 'not_found' : 'refused';
}

/** The answer's data, or its failure thrown as a HighcardError with its kind and words for the user. */
export function answered<T>(answer: ServerAnswer<T>, refusal: RefusalWords = 'sentence'): T | null {
  if (!answer.error) return answer.data;
  const outcome = classify(answer);
  const words = refusal === 'sentence' && outcome.kind === 'refused' ? sentence(outcome.message) : outcome.message;
  throw new HighcardError(errorKind(answer), words);
}
