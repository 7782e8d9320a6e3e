// How the panel, options page and content scripts talk to the background. Never throws:
// every failure comes back as { ok: false, error, kind } with words for the user. Types only
// from utils/messages/ (no zod at run time here: content scripts stay small); the background
// has already checked the answer against the message's response schema.
import { browser } from 'wxt/browser';
import type { Failure, MessageType, Payload, Response, Result } from './messages';

/** The browser's own errors for a page whose extension was updated, reloaded or removed
 * under it (Chrome and Firefox word them alike): the only failure that asks for a reload. */
const DISCONNECTED = /Extension context invalidated|Receiving end does not exist|Could not establish connection/i;

/** A failure of the call itself, sorted where it happens. */
export function sendFailure(error: unknown, runtimeId: string | undefined): Failure {
  const message = error instanceof Error ? error.message : String(error);
  if (runtimeId === undefined || DISCONNECTED.test(message)) {
    return {
      ok: false,
      error: 'Highcard was updated or restarted. Reload the page to reconnect; nothing you filed is lost.',
      kind: 'disconnected',
    };
  }
  return { ok: false, error: `Highcard could not ask its background (${message}).`, kind: 'bug' };
}

export async function send<K extends MessageType>(type: K, payload: Payload<K>): Promise<Result<Response<K>>> {
  try {
    const response = (await browser.runtime.sendMessage({ type, payload })) as Result<Response<K>> | undefined;
    if (!response || typeof response !== 'object' || !('ok' in response)) {
      return { ok: false, error: 'Highcard’s background did not answer. Reload the page and try again.', kind: 'bug' };
    }
    return response;
  } catch (error) {
    // After an update the old page's `browser.runtime.id` is gone before any message fails.
    return sendFailure(error, browser.runtime?.id);
  }
}
