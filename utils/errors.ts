// Errors carry a kind, made once where they happen (the Supabase call, send(), dispatch):
// pages choose their words from the kind and never match English text. No dependencies:
// content scripts use it.

export const ERROR_KINDS = [
  /** This browser has no network. */
  'offline',
  /** The network is there but the team's server did not answer (down, timed out, overloaded). */
  'unreachable',
  /** No session, or it ended: sign in again; what waits is kept. */
  'signed_out',
  /** What was asked for is not there, or not visible to this person. */
  'not_found',
  /** The server or the background said no: the request itself must change. */
  'refused',
  /** The page lost its background: the extension was updated or restarted. */
  'disconnected',
  /** Something that should not happen: a wrong shape, a failed assumption. */
  'bug',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** A failure with its kind and the words a user can act on. */
export class HighcardError extends Error {
  override readonly name = 'HighcardError';

  constructor(
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The kind of anything thrown: a HighcardError says its own; anything else is a bug. */
export function kindOf(error: unknown): ErrorKind {
  return error instanceof HighcardError ? error.kind : 'bug';
}

/** Offline or unreachable: nothing the request did wrong; try again later, keep what waits. */
export function isNetworkKind(kind: ErrorKind | null | undefined): boolean {
  return kind === 'offline' || kind === 'unreachable';
}

/** A request that never got an answer: offline when the browser says so, else unreachable. */
export function noAnswerKind(online: boolean = typeof navigator === 'undefined' || navigator.onLine !== false): ErrorKind {
  return online ? 'unreachable' : 'offline';
}
