// Who is signed in, by name: LinkedIn shows it only as the alt text of the "Me" photo.
import { VIEWER_PHOTO } from './selectors';

export function readViewerName(doc: Document): string | null {
  for (const selector of VIEWER_PHOTO) {
    const alt = doc.querySelector(selector)?.getAttribute('alt')?.replace(/\s+/g, ' ').trim();
    if (alt) return alt;
  }
  return null;
}
