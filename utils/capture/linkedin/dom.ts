// Small DOM helpers the LinkedIn readers share. Text always goes through utils/capture/text.ts.
import { firstMatch } from '../select';
import { isHidden, isHiddenWithin, visibleLine, visibleText } from '../text';

export { firstMatch } from '../select';

/** The root as an element, or null for a document (instanceof would tie us to one window). */
function asElement(root: ParentNode): Element | null {
  return (root as Node).nodeType === 1 ? (root as Element) : null;
}

/** The first element, over all candidates in order, that is visible and has visible text. */
export function firstWithText(root: ParentNode, candidates: readonly string[]): Element | null {
  return firstMatch(root, candidates, (element) => !isHiddenWithin(element, asElement(root)) && shownLine(element) !== null);
}

/**
 * The line a sighted reader sees. LinkedIn 2024: list rows render each value twice, an
 * aria-hidden="true" copy for the eye and a visually-hidden copy for screen readers;
 * visibleLine skips both, so when nothing else is visible, read the eye's copy (once).
 */
export function shownLine(element: Element | null | undefined): string | null {
  if (!element) return null;
  const direct = visibleLine(element);
  if (direct) return direct;
  const eyeCopy = element.matches('[aria-hidden="true"]') ? element : element.querySelector('[aria-hidden="true"]');
  if (!eyeCopy || !hasScreenReaderTwin(eyeCopy)) return null;
  const text = Array.from(eyeCopy.childNodes)
    .map((child) => visibleText(child))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}

/** True when a sibling visually-hidden node says the same for screen readers. */
function hasScreenReaderTwin(eyeCopy: Element): boolean {
  const siblings = eyeCopy.parentElement ? Array.from(eyeCopy.parentElement.children) : [];
  return siblings.some((sibling) => sibling !== eyeCopy && isHidden(sibling) && sibling.getAttribute('aria-hidden') !== 'true');
}

/** Elements matching `selector` under `root` that are not nested in another match. */
export function outermost(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector)).filter((element) => {
    const outer = element.parentElement?.closest(selector);
    const scope = asElement(root);
    return !outer || outer === scope || (scope !== null && !scope.contains(outer));
  });
}

/** True when `element` lies inside a match of any candidate, below `root`. */
export function isInside(element: Element, root: Element, candidates: readonly string[]): boolean {
  for (let node = element.parentElement; node && node !== root; node = node.parentElement) {
    if (candidates.some((selector) => node.matches(selector))) return true;
  }
  return false;
}
