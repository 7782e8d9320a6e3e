// How the popup, options page and content scripts talk to the background. Never throws:
// every failure comes back as { ok: false, error } with words for the user. Types only from
// utils/messages/ (no zod at run time here: content scripts stay small); the background
// has already checked the answer against the message's response schema.
import { browser } from 'wxt/browser';
import type { MessageType, Payload, Response, Result } from './messages';

export async function send<K extends MessageType>(type: K, payload: Payload<K>): Promise<Result<Response<K>>> {
  try {
    const response = (await browser.runtime.sendMessage({ type, payload })) as Result<Response<K>> | undefined;
    if (!response || typeof response !== 'object' || !('ok' in response)) {
      return { ok: false, error: 'Highcard’s background did not answer. Reload the page and try again.' };
    }
    return response;
  } catch {
    return {
      ok: false,
      error: 'Highcard was updated or restarted. Reload the page to reconnect; nothing you filed is lost.',
    };
  }
}
