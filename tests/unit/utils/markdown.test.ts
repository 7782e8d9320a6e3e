import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from '../../../utils/markdown';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs joined across lines, lists and tables', () => {
    const blocks = parseMarkdown(
      ['# Title', '', 'One line', 'and the next.', '', '- first', '  continued', '- second', '', '1. one', '2. two', '', '| a | b |', '| --- | --- |', '| 1 | **2** |'].join('\n'),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'table']);
    expect(blocks[1]).toEqual({ kind: 'paragraph', text: [{ kind: 'text', text: 'One line and the next.' }] });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: 'first continued' }], [{ text: 'second' }]] });
    expect(blocks[3]).toMatchObject({ ordered: true });
    expect(blocks[4]).toMatchObject({ header: [[{ text: 'a' }], [{ text: 'b' }]], rows: [[[{ text: '1' }], [{ kind: 'strong', text: '2' }]]] });
  });

  it('keeps markup as text: nothing in a document becomes HTML', () => {
    expect(parseInline('<img src=x onerror=alert(1)> **bold** `code`')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> ' },
      { kind: 'strong', text: 'bold' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'code' },
    ]);
  });

  it('reads the whole of PRIVACY.md, with its storage table', () => {
    const blocks = parseMarkdown(readFileSync('PRIVACY.md', 'utf8'));
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    const table = blocks.find((block) => block.kind === 'table');
    expect(table && table.kind === 'table' && table.rows.length).toBeGreaterThanOrEqual(5);
  });
});
