// The contract between the extension's pages and its background: one file per topic, each
// holding its messages' request and response schemas, assembled here. Pages import the
// contract's types from here, never from the background. The contract imports no feature
// module: only zod, utils/limits.ts and utils/vocabulary.ts.
//
// Adding a message = one entry in its topic's file (request and response schema) + one
// handler in utils/background/handlers/<topic>.ts + (only if a content script may send it)
// CONTENT_SCRIPT_MESSAGES below.
import { z } from 'zod';
import type { ErrorKind } from '../errors';
import { captureMessages } from './capture';
import { clipMessages } from './clip';
import { coachingMessages } from './coaching';
import { forYouMessages } from './for-you';
import { importMessages } from './import';
import { idsMessages } from './ids';
import { insightsMessages } from './insights';
import { invitationMessages } from './invitation';
import { describeIssues, oneSentence } from './issues';
import { lookupMessages } from './lookup';
import { mergeMessages } from './merge';
import { organizationMessages } from './organization';
import { planMessages } from './plans';
import { panelMessages } from './panel';
import { recordMessages } from './record';
import { sessionMessages } from './session';

export { KINDS, LIMITS, LINKEDIN_PROFILE_URL, ROLES, SIGNAL_LABELS, SIGNALS } from '../vocabulary';
export type { Kind, Role, Signal } from '../vocabulary';
export { ERROR_KINDS, type ErrorKind } from '../errors';
export * from './capture';
export * from './clip';
export * from './coaching';
export * from './for-you';
export * from './import';
export * from './ids';
export * from './insights';
export * from './invitation';
export * from './issues';
export * from './lookup';
export * from './merge';
export * from './organization';
export * from './panel';
export * from './plans';
export * from './record';
export * from './session';

export const messages = {
  ...sessionMessages,
  ...organizationMessages,
  ...captureMessages,
  ...lookupMessages,
  ...recordMessages,
  ...mergeMessages,
  ...idsMessages,
  ...coachingMessages,
  ...insightsMessages,
  ...forYouMessages,
  ...clipMessages,
  ...planMessages,
  ...importMessages,
  ...invitationMessages,
  ...panelMessages,
} as const;

export type MessageType = keyof typeof messages;
/** What a page passes to send(type, payload). */
export type Payload<K extends MessageType> = z.input<(typeof messages)[K]['request']>;
/** What a handler receives (defaults applied, text trimmed). */
export type ParsedPayload<K extends MessageType> = z.output<(typeof messages)[K]['request']>;
/** What a handler returns (before the background checks it). */
export type Answer<K extends MessageType> = z.input<(typeof messages)[K]['response']>;
/** What a page receives in `{ ok: true, data }`. */
export type Response<K extends MessageType> = z.output<(typeof messages)[K]['response']>;
export type Responses = { [K in MessageType]: Response<K> };

/** What a content script running inside Gmail, LinkedIn or Outlook may say. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  // Content scripts read and report: what the page shows (for the side panel beside it), and
  // which parts of a page could not be read (selector names only). Everything else is asked
  // by the side panel, an extension page.
  'page.report',
  'readFailure.record',
  // And, once a Gmail URL may show a thread, ask for the reader to be run in their page.
  'page.reader',
]);

/** A failure as it crosses the boundary: words for the user and the kind pages choose by.
 * The background and send() always say the kind. */
export type Failure = { ok: false; error: string; kind: ErrorKind };
/** What send() resolves to. `kind` is optional only so that outcomes a page or a test makes
 * itself need not invent one; a missing kind reads as 'bug'. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: string; kind?: ErrorKind };

export const envelopeSchema = z.object({ type: z.string(), payload: z.unknown() });

/** Parses a raw message into its type and payload, or says what is wrong with it. */
export function parseMessage(
  raw: unknown,
): { ok: true; type: MessageType; payload: unknown } | Failure {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, error: 'Highcard received a message it does not understand.', kind: 'bug' };
  const { type } = envelope.data;
  if (!Object.hasOwn(messages, type)) return { ok: false, error: `Unknown message “${type}”.`, kind: 'bug' };
  const payload = messages[type as MessageType].request.safeParse(envelope.data.payload ?? {});
  if (!payload.success) {
    // A capture's fields are named as the database names them ("kind", not "capture.kind").
    for (const issue of payload.error.issues) if (issue.path[0] === 'capture') issue.path.shift();
    return { ok: false, error: oneSentence(describeIssues(payload.error)), kind: 'refused' };
  }
  return { ok: true, type: type as MessageType, payload: payload.data };
}

/** Checks a handler's answer against its response schema: what leaves the background is
 * exactly what the page's types promise. */
export function parseAnswer(type: MessageType, data: unknown): Result<unknown> {
  const parsed = messages[type].response.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    error: `Highcard’s background answered “${type}” in an unexpected shape (${oneSentence(describeIssues(parsed.error))}).`,
    kind: 'bug',
  };
}
