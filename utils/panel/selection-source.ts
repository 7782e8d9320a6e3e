// "Add selection" in a thread the panel can read: the part of one message the rep selected,
// filed with that message's preview (its customer, date and account), as its own entry. Pure:
// which message holds the selection, and that message's source cut to the selection.
import type { LookupResult } from '../messages';
import { seedOf, type SourceItem } from './types';

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A short, stable fingerprint of the selected text (FNV-1a, 2 × 32 bits): not a secret, a key. */
export function selectionFingerprint(text: string): string {
  const hash = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i += 1) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return `${hash(0x811c9dc5)}${hash(0x050c5d1f)}`;
}

/** The message whose text holds the whole selection. */
export function sourceHolding(sources: readonly SourceItem[], selected: string, known: LookupResult | null): SourceItem | null {
  const wanted = flat(selected);
  if (!wanted) return null;
  for (const source of sources) {
    if (source.notice) continue;
    const seed = seedOf(source, known);
    if (!('problem' in seed) && seed.body && flat(seed.body).includes(wanted)) return source;
  }
  return null;
}

/** That message's source, filing only the selected part, keyed apart from the whole message. */
export function selectedPartOf(source: SourceItem, selected: string, known: LookupResult | null = null): SourceItem {
  const key = `${source.key}#selection-${selectionFingerprint(flat(selected))}`;
  const seed = seedOf(source, known);
  return {
    ...source,
    key,
    seed: 'problem' in seed ? seed : { ...seed, body: selected.trim(), sourceRef: seed.sourceRef ? key : null },
  };
}
