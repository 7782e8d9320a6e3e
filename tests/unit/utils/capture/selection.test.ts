import { afterEach, describe, expect, it } from 'vitest';
import {
  cleanClip,
  cleanClipText,
  clipLabel,
  clipSourceRef,
  readPageSelection,
  readSelectedText,
} from '../../../../utils/capture/selection';
import { visibleText } from '../../../../utils/capture/text';
import { LIMITS } from '../../../../utils/limits';

function select(start: Node, startOffset: number, end: Node, endOffset: number): void {
  const range = document.createRange();
  range.setStart(start, startOffset);
  range.setEnd(end, endOffset);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

function textOf(selector: string): Text {
  return document.querySelector(selector)!.firstChild as Text;
}

afterEach(() => {
  document.getSelection()?.removeAllRanges();
  document.body.innerHTML = '';
});

describe('reading the selection', () => {
  it('reads exactly the selected part of the text, as lines a person sees', () => {
    document.body.innerHTML =
      '<article><p id="a">Our board wants the discount in writing.</p><p id="b">Northwind offered less.</p><p id="c">Thanks, Tom</p></article>';
    select(textOf('#a'), 4, textOf('#b'), 23);
    expect(readSelectedText(document)).toBe('board wants the discount in writing.\n\nNorthwind offered less.');
  });

  it('gives nothing when nothing is selected', () => {
    document.body.innerHTML = '<p id="a">Hello</p>';
    expect(readSelectedText(document)).toBe('');
    expect(readPageSelection(document, 'https://example.com/').text).toBe('');
  });

  it('leaves out hidden and screen-reader copies and keeps markup inert, as text', () => {
    document.body.innerHTML =
      '<div id="root"><p id="a">Start &lt;script&gt;alert(1)&lt;/script&gt;</p>' +
      '<span aria-hidden="true">DUPLICATE</span><span class="visually-hidden">SR ONLY</span>' +
      '<script>window.__clip = 1</script><style>p{}</style><img src="x" onerror="window.__clip = 2">' +
      '<p id="b">end</p></div>';
    select(textOf('#a'), 0, textOf('#b'), 3);
    const text = readSelectedText(document);
    expect(text).toBe('Start <script>alert(1)</script>\n\nend');
    expect((window as unknown as Record<string, unknown>).__clip).toBeUndefined();
  });

  it('reads only the part of a selection inside one message', () => {
    document.body.innerHTML = '<div id="m1"><p id="a">First message text</p></div><div id="m2"><p id="b">Second message text</p></div>';
    select(textOf('#a'), 6, textOf('#b'), 6);
    expect(readSelectedText(document, document.querySelector('#m2'))).toBe('Second');
    expect(readSelectedText(document, document.querySelector('#m1'))).toBe('message text');
    document.body.insertAdjacentHTML('beforeend', '<div id="m3"><p>Third</p></div>');
    expect(readSelectedText(document, document.querySelector('#m3'))).toBe('');
  });

  it('the walker with a range reads what the range holds', () => {
    document.body.innerHTML = '<ul id="l"><li id="x">one</li><li id="y">two</li></ul>';
    const range = document.createRange();
    range.setStart(textOf('#x'), 1);
    range.setEnd(textOf('#y'), 2);
    expect(visibleText(document.querySelector('#l'), { range })).toBe('- ne\n- tw');
  });
});

describe('cleaning a clip', () => {
  it('keeps plain text: line breaks, no control characters, at most one blank line', () => {
    expect(cleanClipText('  a\u0000b\r\n\r\n\r\n\r\nc \t\n\ufeffd  ').text).toBe('ab\n\nc\nd');
  });

  it('cuts a selection longer than a capture body and says so, never splitting a character', () => {
    const long = `${'x'.repeat(LIMITS.body - 1)}😀tail`;
    const { text, truncated } = cleanClipText(long);
    expect(truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(LIMITS.body);
    expect(text.endsWith('\ud83d')).toBe(false);
    expect(cleanClipText('short').truncated).toBe(false);
  });

  it('takes the title and site from the page, keeps https addresses as the source link only', () => {
    const clip = cleanClip({
      text: 'We need SSO before we roll out.',
      title: '  Ticket #4471 —\n SSO request  ',
      url: 'https://user:secret@www.support.acme.example/tickets/4471?tab=1#comment-3',
    });
    expect(clip).toEqual({
      text: 'We need SSO before we roll out.',
      title: 'Ticket #4471 — SSO request',
      url: 'https://www.support.acme.example/tickets/4471?tab=1',
      sourceUrl: 'https://www.support.acme.example/tickets/4471?tab=1',
      site: 'support.acme.example',
      truncated: false,
    });
    const plain = cleanClip({ text: 'hi', title: '', url: 'http://forum.acme.example/t/1' });
    expect(plain).toMatchObject({ sourceUrl: null, title: 'Clip from forum.acme.example' });
    expect(cleanClip({ text: 'a'.repeat(10), title: 'x'.repeat(400), url: 'https://a.example/' })?.title).toHaveLength(LIMITS.title);
  });

  it('refuses empty selections and pages that are not web pages', () => {
    expect(cleanClip({ text: '  \n ', title: 't', url: 'https://a.example/' })).toBeNull();
    expect(cleanClip({ text: 'x', title: 't', url: 'chrome://settings' })).toBeNull();
    expect(cleanClip({ text: 'x', title: 't', url: 'file:///etc/passwd' })).toBeNull();
    expect(cleanClip({ text: 'x', title: 't', url: 'not a url' })).toBeNull();
  });

  it('makes the same source reference for the same address and text, another for other text', async () => {
    const base = { url: 'https://support.acme.example/t/1', text: 'We need SSO.' };
    const one = await clipSourceRef(base);
    // The hash alone: colleagues read source_ref, and the address is the author's.
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(await clipSourceRef({ ...base })).toBe(one);
    expect(await clipSourceRef({ ...base, text: 'We need SAML.' })).not.toBe(one);
    expect(await clipSourceRef({ ...base, url: 'https://support.acme.example/t/2' })).not.toBe(one);
  });

  it('labels a clip with its site where the source link is visible', () => {
    expect(clipLabel('https://www.support.acme.example/t/1')).toBe('Clip from support.acme.example');
    expect(clipLabel(null)).toBe('Clip from a web page');
  });
});
