// The sidebar's "Add selection", "File the selection" and "Write a note": the page's own
// selection (read now, because the rep asked) goes to the clip window, which files it like
// any other item. Nothing is read when the rep does not press one of them.
import { readPageSelection, readSelectedText } from '../capture/selection';
import type { LookupResult } from '../messages';
import { send } from '../send';
import { selectedPartOf, sourceHolding } from './selection-source';
import type { SiteView, SourceItem } from './types';

export function openClipFromPage(mode: 'clip' | 'note'): void {
  const selection = mode === 'clip' ? readPageSelection(document, location.href) : { text: '', title: document.title, url: location.href };
  void send('clip.open', { selection, mode });
}

/**
 * "Add selection": inside one message of the thread, that message's preview with only the
 * selected part; anywhere else on the page (or nothing selected), the clip window.
 */
export function addSelection(view: SiteView, known: LookupResult | null, open: (source: SourceItem) => void): void {
  const selected = readSelectedText(document);
  const source = selected ? sourceHolding(view.sources, selected, known) : null;
  if (source) open(selectedPartOf(source, selected));
  else openClipFromPage('clip');
}
