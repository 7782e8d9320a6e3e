import { describe, expect, it } from 'vitest';
import { allMatches, firstMatch, matchesAny } from '../../../../utils/capture/select';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.body.innerHTML = html; // test fixture only
  return doc;
}

describe('selector fallbacks, newest layout first', () => {
  const doc = page('<p class="old">old a</p><p class="old">old b</p><p class="new" hidden>new hidden</p><p class="new">new</p>');
  const text = (elements: Element[]) => elements.map((element) => element.textContent);

  it('take every match of the first selector that finds one, and never mix layouts', () => {
    expect(text(allMatches(doc, ['.new', '.old']))).toEqual(['new hidden', 'new']);
    expect(text(allMatches(doc, ['.missing', '.old']))).toEqual(['old a', 'old b']);
    expect(allMatches(doc, ['.missing'])).toEqual([]);
  });

  it('fall through to the next selector when nothing it found is accepted', () => {
    const visible = (element: Element) => !element.hasAttribute('hidden');
    expect(firstMatch(doc, ['.new', '.old'], visible)?.textContent).toBe('new');
    expect(firstMatch(doc, ['.new', '.old'], (element) => element.textContent === 'old b')?.textContent).toBe('old b');
    expect(firstMatch(doc, ['.new'], () => false)).toBeNull();
  });

  it('tell whether an element is one of the selectors', () => {
    const old = doc.querySelector('.old')!;
    expect(matchesAny(old, ['.new', '.old'])).toBe(true);
    expect(matchesAny(old, ['.new'])).toBe(false);
  });
});
