// Fixture pages for the e2e runs, and the pieces of them a single-page app swaps in.
import { readFileSync } from 'node:fs';

export const fixture = (path: string): string => readFileSync(`tests/fixtures/${path}`, 'utf8');

/** The outer HTML of the first <div> whose opening tag matches, cut out as text. */
export function divByOpeningTag(html: string, opening: RegExp): string {
  const start = html.search(opening);
  if (start < 0) throw new Error(`no <div> matching ${opening}`);
  let depth = 0;
  const tag = /<(\/?)div\b[^>]*>/g;
  tag.lastIndex = start;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  throw new Error(`unbalanced <div> matching ${opening}`);
}

/** The inner HTML of that <div>. */
export function innerOfDiv(html: string, opening: RegExp): string {
  const outer = divByOpeningTag(html, opening);
  return outer.slice(outer.indexOf('>') + 1, outer.lastIndexOf('</div>'));
}
