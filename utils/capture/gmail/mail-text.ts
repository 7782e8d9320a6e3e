// A message body's text, line by line as a person sees it. Gmail composes one <div> per line
// and <div><br></div> for an empty line; utils/capture/text.ts's visibleText turns every pair
// of adjacent blocks into a blank line, which doubles the spacing of every Gmail-written
// mail. Here, as in a browser's layout, a block boundary only ends the current line, <br>
// always ends one (so an empty div with a <br> is one empty line), and paragraphs keep a blank
// line around them. List items get the bullet or number the reader sees. Hidden nodes are skipped with the same rules as visibleText (isHidden).
import { isHidden } from '../text';

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TR', 'UL',
]);
const PARAGRAPH_TAGS = new Set(['P', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The bullet or number a person sees before a list item ("- ", "2. "). */
function listMarker(item: Element): string {
  const list = item.parentElement;
  if (list?.tagName.toUpperCase() !== 'OL') return '- ';
  const start = Number.parseInt(list.getAttribute('start') ?? '1', 10);
  let index = Number.isFinite(start) ? start : 1;
  for (let sibling = item.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.tagName.toUpperCase() === 'LI') index += 1;
  }
  return `${index}. `;
}

export function mailText(node: Node | null | undefined, options: { skip?: (element: Element) => boolean } = {}): string {
  if (!node) return '';
  const lines: string[] = [];
  let line = '';
  let blankPending = false;

  const endLine = (force: boolean) => {
    if (line.trim() !== '' || force) lines.push(line);
    line = '';
  };
  const write = (text: string) => {
    if (line.trim() === '' && text.trim() === '') return;
    if (line === '' && blankPending && lines.length > 0 && (lines[lines.length - 1] ?? '').trim() !== '') lines.push('');
    blankPending = false;
    line += text;
  };

  const walk = (current: Node) => {
    if (current.nodeType === 3) {
      write((current.nodeValue ?? '').replace(/[\s\u00a0]+/g, ' '));
      return;
    }
    if (current.nodeType !== 1 && current.nodeType !== 9 && current.nodeType !== 11) return;
    const element = current.nodeType === 1 ? (current as Element) : null;
    if (element && (isHidden(element) || options.skip?.(element))) return;
    const tag = element?.tagName.toUpperCase() ?? '';
    if (tag === 'BR') {
      // A <br> ends its line even when the line is empty: that is how mail writes blank lines.
      blankPending = false;
      endLine(true);
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    const paragraph = PARAGRAPH_TAGS.has(tag);
    if (block) endLine(false);
    if (paragraph) blankPending = true;
    if (tag === 'TD' || tag === 'TH') write(' ');
    if (tag === 'LI' && element) write(listMarker(element));
    for (const child of Array.from(current.childNodes)) walk(child);
    if (block) endLine(false);
    if (paragraph) blankPending = true;
  };
  walk(node);
  endLine(false);

  return lines
    .map((text) => text.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
