// A Gmail message's body as the sender wrote it this time: the quoted history, the trimmed
// content Gmail folds away, and the signature taken off. Pure functions of the body element;
// selectors live in ./selectors.ts.
import { allMatches as findAll, matchesAny } from '../select';
import { isHiddenWithin, visibleLine, visibleText } from '../text';
import { QUOTE, SIGNATURE, SIGNATURE_PREFIX, TRIMMED_CONTENT_AFTER_MARKER, TRIMMED_MARKER } from './selectors';

/**
 * The line other mail programs put before a quote. Gmail's own is inside div.gmail_quote;
 * these catch plain-text replies and other clients ("On … wrote:", German, French, Spanish).
 */
const ATTRIBUTION = [/^On\b.*\bwrote:?$/i, /^Am\b.*\bschrieb\b.*:$/i, /^Le\b.*\ba écrit ?:$/i, /^El\b.*\bescribió:?$/i];

function isTrimmedContent(element: Element): boolean {
  const previous = element.previousElementSibling;
  return (
    element.classList.contains(TRIMMED_CONTENT_AFTER_MARKER.content) &&
    previous !== null &&
    previous.classList.contains(TRIMMED_CONTENT_AFTER_MARKER.marker)
  );
}

function isAttribution(line: string | null): boolean {
  return line !== null && ATTRIBUTION.some((pattern) => pattern.test(line.trim()));
}

/** The text just before a node, skipping line breaks and blank text: an element's or a bare text line. */
function textBefore(node: Node): string | null {
  let previous = node.previousSibling;
  while (previous && ((previous.nodeType === 3 && (previous.nodeValue ?? '').trim() === '') || (previous as Element).tagName === 'BR')) {
    previous = previous.previousSibling;
  }
  if (!previous) return null;
  return previous.nodeType === 3 ? (previous.nodeValue ?? '') : previous.nodeType === 1 ? visibleLine(previous) : null;
}

/** Quoted history: a known quote wrapper, Gmail's trimmed content, or a blockquote right after "On … wrote:". */
function isQuote(element: Element): boolean {
  if (matchesAny(element, QUOTE) || isTrimmedContent(element)) return true;
  return element.tagName.toUpperCase() === 'BLOCKQUOTE' && isAttribution(textBefore(element));
}

/** An "On … wrote:" element standing directly before a quote. */
function isAttributionBeforeQuote(element: Element): boolean {
  const next = element.nextElementSibling;
  return next !== null && isQuote(next) && isAttribution(visibleLine(element));
}

function isInsideQuote(element: Element, body: Element): boolean {
  for (let node = element.parentElement; node && node !== body; node = node.parentElement) {
    if (isQuote(node)) return true;
  }
  return false;
}

/** True when a visible, unquoted text line in the body is exactly "-- " (the signature convention). */
function hasSignatureDelimiter(node: Node, body: Element): boolean {
  if (node.nodeType === 3) return /(?:^|\n)--[ \u00a0]\r?(?:\n|$)/.test(node.nodeValue ?? '');
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  if (element !== body && (isHiddenWithin(element, body) || isQuote(element))) return false;
  return Array.from(element.childNodes).some((child) => hasSignatureDelimiter(child, body));
}

function trimBlankEnd(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end -= 1;
  return lines.slice(0, end);
}

export function readBody(body: Element): { body: string; signature: string | null } {
  const signatureElement =
    findAll(body, SIGNATURE, (element) => !isHiddenWithin(element, body) && !isInsideQuote(element, body))[0] ?? null;
  let quoted = false;
  const skip = (element: Element): boolean => {
    if (isQuote(element)) {
      quoted = true;
      return true;
    }
    return (
      matchesAny(element, TRIMMED_MARKER) ||
      matchesAny(element, SIGNATURE) ||
      matchesAny(element, SIGNATURE_PREFIX) ||
      isAttributionBeforeQuote(element)
    );
  };
  let lines = trimBlankEnd(visibleText(body, { skip }).split('\n'));

  // Plain-text replies quote with "> " lines after the new text; drop that tail.
  let end = lines.length;
  while (end > 0 && /^(>|$)/.test(lines[end - 1] ?? '')) end -= 1;
  if (lines.slice(end).some((line) => line.startsWith('>'))) {
    quoted = true;
    lines = trimBlankEnd(lines.slice(0, end));
  }
  if (quoted) {
    // The attribution may wrap onto two lines ("… Ana Ruiz <\nana@…> wrote:").
    const last = lines[lines.length - 1] ?? '';
    const lastTwo = `${lines[lines.length - 2] ?? ''} ${last}`.trim();
    if (isAttribution(last)) lines = trimBlankEnd(lines.slice(0, -1));
    else if (lines.length >= 2 && isAttribution(lastTwo)) lines = trimBlankEnd(lines.slice(0, -2));
  }

  // Gmail's older signature markup leaves its "-- " line in the body, outside the signature.
  if (signatureElement && lines[lines.length - 1] === '--') lines = trimBlankEnd(lines.slice(0, -1));
  let signature: string | null = signatureElement ? visibleText(signatureElement) || null : null;
  if (!signatureElement && hasSignatureDelimiter(body, body)) {
    const delimiter = lines.lastIndexOf('--');
    if (delimiter >= 0) {
      signature = lines.slice(delimiter + 1).join('\n').trim() || null;
      lines = lines.slice(0, delimiter);
    }
  }
  return { body: lines.join('\n').trim(), signature };
}

