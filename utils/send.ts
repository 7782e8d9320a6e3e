// How the popup, options page and content scripts talk to the background. Never throws:
// every failure comes back as { ok: false, error } with words for the user.
import { browser } from 'wxt/browser';
import type { Responses } from './background/handlers';
import type { MessageType, Payload, Result } from './messages';

export async function send<K extends MessageType>(type: K, payload: Payload<K>): Promise<Result<Responses[K]>> {
  try {
    const response = (await browser.runtime.sendMessage({ type, payload })) as Result<Responses[K]> | undefined;
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
