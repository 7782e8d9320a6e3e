// Selectors are data (STYLE.md): each site lists a part's selectors newest layout first, in
// its selectors.ts. These walk such a list, for every site alike: the first selector that
// finds an accepted element wins, so an old layout's match never mixes with a new one's.

/** Whether an element found by a selector counts (visible, outside a quote, ...). */
export type Accept = (element: Element) => boolean;

const anything: Accept = () => true;

/** Every accepted match of the first selector that has one; [] when none has. */
export function allMatches(root: ParentNode, selectors: readonly string[], accept: Accept = anything): Element[] {
  for (const selector of selectors) {
    const found = Array.from(root.querySelectorAll(selector)).filter(accept);
    if (found.length > 0) return found;
  }
  return [];
}

/** The first accepted match of the first selector that has one, or null. */
export function firstMatch(root: ParentNode, selectors: readonly string[], accept: Accept = anything): Element | null {
  for (const selector of selectors) {
    for (const element of Array.from(root.querySelectorAll(selector))) if (accept(element)) return element;
  }
  return null;
}

/** Whether the element itself matches any of the selectors. */
export function matchesAny(element: Element, selectors: readonly string[]): boolean {
  return selectors.some((selector) => element.matches(selector));
}
