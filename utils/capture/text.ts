// Text as a person sees it on the page, without layout: as in a browser, a block boundary
// ends the current line, <br> always ends one (mail writes a blank line as <div><br></div>),
// paragraphs keep a blank line around them, list items get the bullet or number the reader
// sees, and hidden nodes (screen-reader duplicates, display:none, templates) are skipped.
// Readers use this instead of textContent, which glues paragraphs together and includes
// LinkedIn's visually-hidden duplicates, and instead of innerText, which needs layout that
// a test DOM does not have.

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'BUTTON', 'IFRAME', 'OBJECT', 'HEAD']);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TR', 'UL',
]);
const PARAGRAPH_TAGS = new Set(['P', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Class names sites use for text meant only for screen readers. */
const SCREEN_READER_ONLY = ['visually-hidden', 'a11y-text', 'sr-only'];

export function isHidden(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const classes = element.classList;
  if (SCREEN_READER_ONLY.some((name) => classes.contains(name))) return true;
  const style = (element.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/** True when the element or one of its ancestors (up to `root`) is hidden. */
export function isHiddenWithin(element: Element, root?: Element | null): boolean {
  for (let node: Element | null = element; node && node !== root; node = node.parentElement) {
    if (isHidden(node)) return true;
  }
  return false;
}

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

/**
 * The visible text of a node: lines separated by "\n", one blank line at most between
 * paragraphs, whitespace inside a line collapsed, non-breaking spaces made plain.
 */
export function visibleText(
  node: Node | null | undefined,
  options: {
    skip?: (element: Element) => boolean;
    /** Only the text inside this range (a selection): what the user chose, read the same way. */
    range?: Range | null;
  } = {},
): string {
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
      write(textInRange(current, options.range).replace(/[\s\u00a0]+/g, ' '));
      return;
    }
    if (options.range && !options.range.intersectsNode(current)) return;
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

/** A text node's value, cut to the part inside `range` when one is given. */
function textInRange(text: Node, range: Range | null | undefined): string {
  const value = text.nodeValue ?? '';
  if (!range) return value;
  if (!range.intersectsNode(text)) return '';
  const start = range.startContainer === text ? range.startOffset : 0;
  const end = range.endContainer === text ? range.endOffset : value.length;
  return value.slice(start, end);
}

/** A single-line value (a name, a title): visible text with every break made a space. */
export function visibleLine(node: Node | null | undefined): string | null {
  const text = visibleText(node).replace(/\s+/g, ' ').trim();
  return text || null;
}
