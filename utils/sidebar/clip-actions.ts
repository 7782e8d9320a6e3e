// The sidebar's "Add selection", "File the selection" and "Write a note": the page's own
// selection (read now, because the rep asked) goes to the clip window, which files it like
// any other item. Nothing is read when the rep does not press one of them.
import { readPageSelection } from '../capture/selection';
import { send } from '../send';

export function openClipFromPage(mode: 'clip' | 'note'): void {
  const selection = mode === 'clip' ? readPageSelection(document, location.href) : { text: '', title: document.title, url: location.href };
  void send('clip.open', { selection, mode });
}
