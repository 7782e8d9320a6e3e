// "File selection to customer record": the context-menu item on selected text and the
// keyboard command. Only after the user acts (activeTab grants the tab then) does the
// background open the side panel, read the selection with one script in that tab
// (entrypoints/selection) and keep it for the panel, in session storage (memory only).
import { browser } from 'wxt/browser';
import { cleanClip, clipSourceRef } from '../capture/selection';
import { withOffset } from '../format';
import type { ClipHandoff, PageSelection } from '../messages';
import { pendingClipsItem } from '../storage';
import { openPanel } from './panel';
import { inBackground } from './services';

export const CLIP_MENU_ID = 'highcard-file-selection';
/** The command's name in wxt.config.ts (suggested key Alt+Shift+F, changeable by the user). */
export const CLIP_COMMAND = 'file-selection';
const SELECTION_SCRIPT = '/selection.js';
/** Selections not filed within a day are forgotten; at most this many wait at once. */
const PENDING_MS = 24 * 60 * 60 * 1000;
const PENDING_MAX = 20;

export class NothingSelected extends Error {
  constructor() {
    super('Select the text you want to file first, then choose “File selection to customer record” again.');
  }
}

/** A note needs no selection: the rep writes it; the page gives only its site. */
function noteHandoff(selection: PageSelection, now: number): ClipHandoff {
  let site = 'this page';
  try {
    site = new URL(selection.url).hostname.replace(/^www\./, '');
  } catch {
    // Not an address: the note still files, on the account and customer the rep chooses.
  }
  return { kind: 'note', text: '', title: 'Note', site, sourceUrl: null, sourceRef: '', truncated: false, selectedAt: withOffset(new Date(now)) };
}

/** Keeps the selection (or an empty note) for the side panel and returns its id. */
export async function keepClip(selection: PageSelection, now = Date.now(), mode: 'clip' | 'note' = 'clip'): Promise<string> {
  const clip = mode === 'clip' ? cleanClip(selection) : null;
  if (mode === 'clip' && !clip) throw new NothingSelected();
  const handoff: ClipHandoff = !clip
    ? noteHandoff(selection, now)
    : {
        kind: 'clip',
        text: clip.text,
        title: clip.title,
        site: clip.site,
        sourceUrl: clip.sourceUrl,
        sourceRef: await clipSourceRef(clip),
        truncated: clip.truncated,
        selectedAt: withOffset(new Date(now)),
      };
  const clipId = crypto.randomUUID();
  const kept = Object.entries(await pendingClipsItem.getValue())
    .filter(([, pending]) => now - pending.createdAt < PENDING_MS)
    .sort(([, a], [, b]) => b.createdAt - a.createdAt)
    .slice(0, PENDING_MAX - 1);
  await pendingClipsItem.setValue({ ...Object.fromEntries(kept), [clipId]: { ...handoff, createdAt: now } });
  return clipId;
}

export async function takeClip(clipId: string): Promise<ClipHandoff> {
  const pending = (await pendingClipsItem.getValue())[clipId];
  if (!pending) throw new Error('This selection is no longer here. Select the text on the page again and choose “File selection to customer record”.');
  const { createdAt: _createdAt, ...handoff } = pending;
  return handoff;
}

export async function discardClip(clipId: string): Promise<void> {
  const all = await pendingClipsItem.getValue();
  delete all[clipId];
  await pendingClipsItem.setValue(all);
}

/** The selection the panel shows: the newest one kept, if any. */
export async function latestClipId(now = Date.now()): Promise<string | null> {
  const [newest] = Object.entries(await pendingClipsItem.getValue())
    .filter(([, pending]) => now - pending.createdAt < PENDING_MS)
    .sort(([, a], [, b]) => b.createdAt - a.createdAt);
  return newest?.[0] ?? null;
}

/** Reads the selection in the tab the user acted in (main frame, or the frame they clicked)
 * and keeps it for the panel. */
export async function clipFromTab(tabId: number, frameId?: number): Promise<void> {
  let selection: unknown = null;
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId, ...(frameId !== undefined && frameId > 0 && { frameIds: [frameId] }) },
      files: [SELECTION_SCRIPT],
    });
    selection = injection?.result ?? null;
  } catch (error) {
    // A page the browser does not let extensions read (the web store, settings): nothing to file.
    console.info('Highcard: this page cannot be read for a selection.', error);
  }
  const parsed = selection as PageSelection | null;
  try {
    if (parsed && typeof parsed.text === 'string') await keepClip(parsed);
  } catch (error) {
    // Nothing selected: the panel opened all the same, and offers what it always does.
    if (!(error instanceof NothingSelected)) throw error;
  }
}

function createMenu(): void {
  browser.contextMenus.create({
    id: CLIP_MENU_ID,
    title: 'File selection to customer record',
    contexts: ['selection'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
}

/** Registered synchronously at the worker's start, so a click that woke it is delivered. */
export function installClipEntryPoints(): void {
  browser.runtime.onInstalled.addListener(() => {
    inBackground('add “File selection” to the context menu', browser.contextMenus.removeAll().then(createMenu));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CLIP_MENU_ID || tab?.id === undefined) return;
    openPanel(tab);
    inBackground('file the selection', clipFromTab(tab.id, info.frameId));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== CLIP_COMMAND) return;
    openPanel(tab);
    inBackground(
      'file the selection',
      (async () => {
        const target = tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
        if (target?.id !== undefined && /^https?:/.test(target.url ?? 'https:')) await clipFromTab(target.id);
      })(),
    );
  });
}
