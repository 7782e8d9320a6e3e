// The sidebar never lies over the page: it takes a column on the right and the page is
// narrowed beside it (the root element's right margin), like a browser's own side panel.
// Gmail and LinkedIn lay themselves out to the narrower width; nothing is covered.

/** Width of the open sidebar and of the hidden one's tab, in CSS pixels. */
export const DOCK_WIDTH = { open: 360, collapsed: 40 } as const;

const PROPERTY = 'margin-right';

/** Reserves `width` pixels on the right of the page; the returned function gives them back
 * exactly as the page had them. */
export function dockPage(root: HTMLElement, width: number): () => void {
  const previous = root.style.getPropertyValue(PROPERTY);
  const priority = root.style.getPropertyPriority(PROPERTY);
  root.style.setProperty(PROPERTY, `${width}px`, 'important');
  return () => {
    if (previous) root.style.setProperty(PROPERTY, previous, priority);
    else root.style.removeProperty(PROPERTY);
  };
}
