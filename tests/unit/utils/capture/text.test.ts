import { describe, expect, it } from 'vitest';
import { visibleLine, visibleText } from '../../../../utils/capture/text';

function html(markup: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = markup;
  return root;
}

describe('visible text', () => {
  it('turns blocks and line breaks into lines, paragraphs into blank lines', () => {
    const root = html('<p>Hi Ana,</p><p>Could we   talk<br>on Friday?</p><div>Mia</div>');
    expect(visibleText(root)).toBe('Hi Ana,\n\nCould we talk\non Friday?\n\nMia');
  });

  it('reads mail written one <div> per line as single lines, <div><br></div> as one blank line, lists as seen', () => {
    const root = html('<div>Hi Ana,</div><div><br></div><div>thanks!</div><ol start="2"><li>SSO</li><li>Pricing</li></ol><ul><li>soon</li></ul><div>Best,</div><div>Mia</div>');
    expect(visibleText(root)).toBe('Hi Ana,\n\nthanks!\n2. SSO\n3. Pricing\n- soon\nBest,\nMia');
  });

  it('skips screen-reader duplicates, hidden nodes, scripts and styles', () => {
    const root = html(
      '<span aria-hidden="true">Mia Schmidt</span><span class="visually-hidden">Mia Schmidt</span>' +
        '<span>Mia</span><script>alert(1)</script><style>p{}</style><span hidden>x</span><span style="display: none">y</span>',
    );
    expect(visibleText(root)).toBe('Mia');
  });

  it('makes non-breaking spaces plain and collapses a line to one value', () => {
    expect(visibleLine(html('<h1>\n  Mia&nbsp;Schmidt\n <small>CTO</small></h1>'))).toBe('Mia Schmidt CTO');
    expect(visibleLine(html('<span aria-hidden="true">only hidden</span>'))).toBeNull();
    expect(visibleLine(null)).toBeNull();
  });

  it('never runs or returns markup: tags in text stay text', () => {
    const root = html('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(visibleText(root)).toBe('<img src=x onerror=alert(1)>');
  });
});
