// Text as a person sees it on the page, without layout: block boundaries become line
// breaks, hidden nodes (screen-reader duplicates, display:none, templates) are skipped.
// Readers use this instead of textContent, which glues paragraphs together and includes
// LinkedIn's visually-hidden duplicates, and instead of innerText, which needs layout that
// a test DOM does not have.

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'BUTTON', 'IFRAME', 'OBJECT', 'HEAD']);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TR', 'UL',
]);

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

/**
 * The visible text of a node: lines separated by "\n", blank lines kept once between blocks,
 * whitespace inside a line collapsed, non-breaking spaces made plain.
 */
export function visibleText(node: Node | null | undefined, options: { skip?: (element: Element) => boolean } = {}): string {
  if (!node) return '';
  const parts: string[] = [];
  const walk = (current: Node) => {
    if (current.nodeType === 3) {
      parts.push((current.nodeValue ?? '').replace(/[\s\u00a0]+/g, ' '));
      return;
    }
    if (current.nodeType !== 1 && current.nodeType !== 9 && current.nodeType !== 11) return;
    const element = current.nodeType === 1 ? (current as Element) : null;
    if (element && (isHidden(element) || options.skip?.(element))) return;
    const tag = element?.tagName.toUpperCase() ?? '';
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    const paragraph = tag === 'P' || tag === 'BLOCKQUOTE' || tag === 'PRE' || /^H[1-6]$/.test(tag);
    if (block) parts.push(paragraph ? '\n\n' : '\n');
    if (tag === 'TD' || tag === 'TH') parts.push(' ');
    for (const child of Array.from(current.childNodes)) walk(child);
    if (block) parts.push(paragraph ? '\n\n' : '\n');
  };
  walk(node);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A single-line value (a name, a title): visible text with every break made a space. */
export function visibleLine(node: Node | null | undefined): string | null {
  const text = visibleText(node).replace(/\s+/g, ' ').trim();
  return text || null;
}
