// "File selection to customer record": the text the user selected, and nothing else of the
// page. Read only after the user asked (context menu, keyboard command, "Add selection"),
// as plain text the way a person sees it (utils/capture/text.ts: no markup, no hidden or
// screen-reader copies), then cleaned and cut to the capture's limits. Pure functions: the
// reading runs in the page, the cleaning wherever the clip is prepared.
import { LIMITS } from '../limits';
import { KIND_LABELS } from '../vocabulary';
import { isHiddenWithin, visibleText } from './text';

/** What the page hands over: the selected text, the page title and address, as found. */
export interface PageSelection {
  text: string;
  title: string;
  url: string;
}

/** A selection ready for the preview: plain text within the limits, and where it came from. */
export interface Clip {
  text: string;
  /** The page title, or "Clip from <site>" when the page has none. */
  title: string;
  /** The page address without credentials or fragment (kept for the source reference). */
  url: string;
  /** The author-only source link: the address when it is https and fits, else null. */
  sourceUrl: string | null;
  /** The host without "www.", shown as "Clip from <site>". */
  site: string;
  /** The selection was longer than a capture's body and was cut. */
  truncated: boolean;
}

/**
 * The selected text of `doc` as a person sees it, or "" when nothing is selected. With
 * `within`, only the part of the selection inside that element (one message of a thread).
 */
export function readSelectedText(doc: Document, within?: Element | null): string {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed) return '';
  const parts: string[] = [];
  for (let index = 0; index < selection.rangeCount; index += 1) {
    const range = selection.getRangeAt(index);
    let root: Node | null = within ?? range.commonAncestorContainer;
    if (root.nodeType === 3) root = root.parentNode;
    if (!root || (within && !range.intersectsNode(within))) continue;
    if (root.nodeType === 1 && isHiddenWithin(root as Element)) continue;
    // A selection that starts outside `within` still reads only what lies inside it.
    const text = visibleText(root, { range });
    if (text) parts.push(text);
  }
  return parts.join('\n\n');
}

/** The selection, title and address of the page the script runs in. */
export function readPageSelection(doc: Document, url: string): PageSelection {
  return { text: readSelectedText(doc), title: doc.title ?? '', url };
}

/** Control characters other than line feed and tab, and the byte-order mark. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\ufeff]/g;

export function cleanClipText(text: string, max: number = LIMITS.body): { text: string; truncated: boolean } {
  const cleaned = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (cleaned.length <= max) return { text: cleaned, truncated: false };
  // Never cut a surrogate pair in half.
  let cut = cleaned.slice(0, max);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return { text: cut.trimEnd(), truncated: true };
}

function singleLine(text: string, max: number): string {
  const line = text.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A page selection made ready for the preview, or null when there is nothing to file (no
 * text) or the page is not a web page (only http and https addresses are filed from).
 */
export function cleanClip(selection: PageSelection): Clip | null {
  let parsed: URL;
  try {
    parsed = new URL(selection.url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const { text, truncated } = cleanClipText(selection.text);
  if (text === '') return null;
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  const url = parsed.toString();
  const site = parsed.hostname.replace(/^www\./, '');
  const title = singleLine(selection.title, LIMITS.title) || `Clip from ${site}`;
  const sourceUrl = parsed.protocol === 'https:' && url.length <= LIMITS.sourceUrl ? url : null;
  return { text, title, url, sourceUrl, site, truncated };
}

/**
 * The clip's source reference: the SHA-256 (64 hex characters) of the address and the text,
 * so the same selection on the same page filed twice is one entry. Only the hash: every
 * member reads source_ref, while the address stays in the author-only source_url.
 */
export async function clipSourceRef(clip: Pick<Clip, 'url' | 'text'>): Promise<string> {
  const bytes = new TextEncoder().encode(`${clip.url}\n${clip.text}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** "Clip from support.acme.example" for the author (who sees the source link), else a plain label. */
export function clipLabel(sourceUrl: string | null | undefined): string {
  try {
    if (sourceUrl) return `Clip from ${new URL(sourceUrl).hostname.replace(/^www\./, '')}`;
  } catch {
    // Not an address: fall through to the plain label.
  }
  return KIND_LABELS.clip;
}
