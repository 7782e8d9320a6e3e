// Outlook on the web is opt-in: Settings asks the browser for its three hosts (optional host
// permissions, at that moment), then the background registers the Outlook content script
// with scripting.registerContentScripts, persisted across restarts. Switching it off removes
// both. The manifest names no Outlook host as required.
import { browser } from 'wxt/browser';
import { OUTLOOK_MATCHES } from '../capture/outlook/detect';
import type { OutlookStatus } from '../messages';
import { outlookEnabledItem } from '../storage';

export const OUTLOOK_SCRIPT_ID = 'highcard-outlook';
/** Where WXT writes the runtime-registered content script (entrypoints/outlook.content). */
const OUTLOOK_SCRIPT_FILE = 'content-scripts/outlook.js';

async function granted(): Promise<boolean> {
  return browser.permissions.contains({ origins: OUTLOOK_MATCHES });
}

async function registered(): Promise<boolean> {
  const scripts = await browser.scripting.getRegisteredContentScripts({ ids: [OUTLOOK_SCRIPT_ID] });
  return scripts.length > 0;
}

export async function outlookStatus(): Promise<OutlookStatus> {
  return { granted: await granted(), registered: await registered() };
}

async function register(): Promise<void> {
  const script = { id: OUTLOOK_SCRIPT_ID, js: [OUTLOOK_SCRIPT_FILE], matches: OUTLOOK_MATCHES, runAt: 'document_idle' as const };
  try {
    await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
  } catch (error) {
    // Firefox keeps registrations for the session only: reconcileOutlook() registers again at start-up.
    if (!/persistAcrossSessions/i.test(String(error))) throw error;
    await browser.scripting.registerContentScripts([script]);
  }
}

export async function enableOutlook(): Promise<OutlookStatus> {
  if (!(await granted())) {
    throw new Error('The browser has not allowed Highcard on Outlook on the web. Switch it on again and choose “Allow”.');
  }
  if (!(await registered())) await register();
  await outlookEnabledItem.setValue(true);
  return outlookStatus();
}

export async function disableOutlook(): Promise<OutlookStatus> {
  await outlookEnabledItem.setValue(false);
  if (await registered()) await browser.scripting.unregisterContentScripts({ ids: [OUTLOOK_SCRIPT_ID] });
  try {
    await browser.permissions.remove({ origins: OUTLOOK_MATCHES });
  } catch (error) {
    // A build that lists the hosts as required (an administrator's policy, a test's copy)
    // cannot give them back; the script is gone all the same.
    console.info('Highcard: the browser kept the Outlook permission.', error);
  }
  return outlookStatus();
}

/** At start-up and when the user changes permissions in the browser: the script runs exactly
 * while the user has it switched on in Settings and the browser allows it. */
export async function reconcileOutlook(): Promise<void> {
  const wanted = (await outlookEnabledItem.getValue()) && (await granted());
  const isRegistered = await registered();
  if (wanted && !isRegistered) await register();
  if (!wanted && isRegistered) await browser.scripting.unregisterContentScripts({ ids: [OUTLOOK_SCRIPT_ID] });
}
