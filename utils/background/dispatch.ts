// The one entry point for messages: who may ask what, and the one handler map keyed by
// message type. Handlers return data or throw an Error whose message is written for the
// user (a HighcardError says its kind; anything else is a bug); dispatch checks the answer
// against its response schema and never throws.
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { kindOf } from '../errors';
import {
  CONTENT_SCRIPT_MESSAGES,
  describeIssues,
  oneSentence,
  parseAnswer,
  parseMessage,
  type Result,
} from '../messages';
import { captureHandlers } from './handlers/capture';
import { clipHandlers } from './handlers/clip';
import { coachingHandlers } from './handlers/coaching';
import { thanksHandlers } from './handlers/thanks';
import { forYouHandlers } from './handlers/for-you';
import { idsHandlers } from './handlers/ids';
import { importHandlers } from './handlers/import';
import { insightsHandlers } from './handlers/insights';
import { invitationHandlers } from './handlers/invitation';
import { lookupHandlers } from './handlers/lookup';
import { mergeHandlers } from './handlers/merge';
import { organizationHandlers } from './handlers/organization';
import { planHandlers } from './handlers/plans';
import { pageHandlers } from './handlers/page';
import { recordHandlers } from './handlers/record';
import { sessionHandlers } from './handlers/session';
import type { Handlers, Sender } from './handlers/types';

/** Every topic's handlers. A message without a handler, or one handled twice, fails the
 * type check here or tests/unit/utils/background/dispatch.test.ts. */
export const topics = [sessionHandlers, coachingHandlers, thanksHandlers, organizationHandlers, captureHandlers, lookupHandlers, mergeHandlers, idsHandlers, recordHandlers, insightsHandlers, forYouHandlers, clipHandlers, planHandlers, importHandlers, invitationHandlers, pageHandlers] as const;

export const handlers = {
  ...sessionHandlers,
  ...coachingHandlers,
  ...thanksHandlers,
  ...organizationHandlers,
  ...captureHandlers,
  ...lookupHandlers,
  ...mergeHandlers,
  ...idsHandlers,
  ...recordHandlers,
  ...insightsHandlers,
  ...forYouHandlers,
  ...clipHandlers,
  ...planHandlers,
  ...importHandlers,
  ...invitationHandlers,
  ...pageHandlers,
} satisfies Handlers;

function isFromExtensionPage(sender: Sender): boolean {
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  return !sender.tab || (sender.url !== undefined && new URL(sender.url).origin === ownOrigin);
}

export async function dispatch(raw: unknown, sender: Sender): Promise<Result<unknown>> {
  if (sender.id !== browser.runtime.id) return { ok: false, error: 'Messages from outside Highcard are refused.', kind: 'refused' };
  const message = parseMessage(raw);
  if (!message.ok) return message;
  if (!isFromExtensionPage(sender) && !CONTENT_SCRIPT_MESSAGES.has(message.type)) {
    return { ok: false, error: `“${message.type}” is only available from Highcard’s own pages.`, kind: 'refused' };
  }
  try {
    const handler = handlers[message.type] as (payload: unknown, sender: Sender) => Promise<unknown>;
    return parseAnswer(message.type, await handler(message.payload, sender));
  } catch (error) {
    return { ok: false, error: userMessage(error), kind: kindOf(error) };
  }
}

/** What a handler's failure says to the user: its own words, or for a server answer that
 * failed its schema one sentence naming the field, never a dump of zod's issues. */
export function userMessage(error: unknown): string {
  if (error instanceof z.ZodError) {
    return `Highcard could not read the server’s answer (${oneSentence(describeIssues(error))}); the extension may need an update.`;
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong in Highcard’s background.';
}
