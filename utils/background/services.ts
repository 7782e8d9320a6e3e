// What lives for the service worker's lifetime: the Supabase client, the outbox, the
// toolbar badge and the lookup cache. Handlers use these; nothing here knows about messages.
import { browser } from 'wxt/browser';
import { LookupCache } from '../lookup-cache';
import type { LookupResult } from '../messages';
import { isUnsent, Outbox, type OutboxItem } from '../outbox';
import { activeOrgItem, backgroundProblemItem, connectionItem } from '../storage';
import * as records from './records';
import { createExtensionOutboxStore, extensionLookupArea } from './storage-areas';
import { supabaseFor, type Client } from './supabase';

export const OUTBOX_ALARM = 'outbox';

export async function client(): Promise<Client> {
  return supabaseFor(await connectionItem.getValue());
}

let alarmCleared = false;

export const outbox = new Outbox({
  store: createExtensionOutboxStore(),
  send: async (capture) => records.fileInteraction(await client(), capture),
  schedule: async (when) => {
    // Nothing pending, again: the alarm is already cleared (the common case while signed out).
    if (when === null && alarmCleared) return;
    if (when === null) await browser.alarms.clear(OUTBOX_ALARM);
    else await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(when, Date.now() + 1_000) });
    alarmCleared = when === null;
  },
  onChange: (items) => inBackground('update the toolbar badge', showUnsent(items)),
  report: (problem) => inBackground('keep a problem for Settings', recordProblem(problem)),
  // Filing answers first; sending follows once a burst of filings paused this long.
  sendAfterMs: 150,
});

/** Keeps what failed where Settings shows it (the outbox panel), and in the worker's log. */
let problemKept: boolean | null = null; // unknown until first read
async function recordProblem(problem: string | null): Promise<void> {
  if (problem === null) {
    problemKept ??= (await backgroundProblemItem.getValue()) !== null;
    if (problemKept) await backgroundProblemItem.setValue(null);
    problemKept = false;
    return;
  }
  console.warn(`Highcard: ${problem}`);
  await backgroundProblemItem.setValue({ message: `Highcard ${problem}.`, at: Date.now() });
  problemKept = true;
}

/** Work that runs after its caller answered: never a dropped promise, a failure is kept. */
export function inBackground(what: string, task: Promise<unknown>): void {
  task.catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    // Last resort: if storage itself fails, the log is all that is left.
    recordProblem(`could not ${what} (${reason})`).catch(() => console.warn(`Highcard could not ${what}:`, error));
  });
}

/** The toolbar badge: how many items are not yet on the server, amber when one needs the
 * user. Only what changed is sent to the browser. */
const badge = { text: '', color: '', title: '' };
async function showUnsent(items: readonly OutboxItem[]): Promise<void> {
  const unsent = items.filter(isUnsent);
  const attention = unsent.some((item) => item.status !== 'pending');
  const text = unsent.length ? String(unsent.length) : '';
  const color = attention ? '#b45309' : '#2563eb';
  const title = unsent.length ? `Highcard — ${unsent.length} not yet sent` : 'Highcard';
  if (text !== badge.text) await browser.action.setBadgeText({ text });
  if (color !== badge.color) await browser.action.setBadgeBackgroundColor({ color });
  if (title !== badge.title) await browser.action.setTitle({ title });
  Object.assign(badge, { text, color, title });
}

export const lookupCache = new LookupCache<LookupResult>(extensionLookupArea<LookupResult>());

export async function signedInUserId(supabase: Client): Promise<string> {
  const { data } = await supabase.auth.getSession();
  const id = data.session?.user.id;
  if (!id) throw new Error('You are signed out — sign in again in Highcard’s settings.');
  return id;
}

export const NO_ORGANIZATION = 'Join or create your team’s organization in Highcard’s settings first.';

export async function requireActiveOrg(): Promise<string> {
  const orgId = await activeOrgItem.getValue();
  if (!orgId) throw new Error(NO_ORGANIZATION);
  return orgId;
}
