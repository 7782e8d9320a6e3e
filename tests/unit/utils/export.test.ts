import { describe, expect, it } from 'vitest';
import { csvField, matchesSearch, toCsv } from '../../../utils/export';
import type { MyEntry } from '../../../utils/messages';

describe('CSV export', () => {
  it('quotes fields with quotes, commas or line breaks, and doubles the quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField(null)).toBe('');
    expect(csvField(['pricing', 'objection'])).toBe('pricing; objection');
  });

  it('keeps a spreadsheet from running customer text as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('-5%')).toBe("'-5%");
    expect(csvField('@home')).toBe("'@home");
  });

  it('starts with a header row and ends every line with CRLF', () => {
    const csv = toCsv([{ a: 1, b: 'x,y' }], [
      ['a', (r) => r.a],
      ['b', (r) => r.b],
    ]);
    expect(csv).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe('searching my entries', () => {
  const entry = {
    title: 'Pricing objection',
    body: 'Too expensive for 38 robots',
    account_name: 'Acme Robotics',
    contact_name: 'Mia Schmidt',
    org_name: 'Lumen',
    signals: ['pricing'],
  } as MyEntry;

  it('needs every word somewhere in the entry, in any case', () => {
    expect(matchesSearch(entry, '')).toBe(true);
    expect(matchesSearch(entry, 'acme EXPENSIVE')).toBe(true);
    expect(matchesSearch(entry, 'mia northwind')).toBe(false);
  });
});
