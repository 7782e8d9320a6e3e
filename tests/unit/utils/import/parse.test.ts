import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../utils/limits';
import { parseInBatches, type Batch } from '../../../../utils/import/parse';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/import', name), 'utf8');

describe('reading a CSV export in batches', () => {
  it('gives the header, then the lines with their line numbers', async () => {
    const batches: Batch[] = [];
    const summary = await parseInBatches(fixture('salesforce-contacts.csv'), { onBatch: async (batch) => void batches.push(batch) });
    expect(summary).toMatchObject({ lines: 3, stopped: false });
    expect(summary.headers).toEqual(['Account Name', 'First Name', 'Last Name', 'Title', 'Email', 'Website', 'Mailing City']);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.firstLine).toBe(2);
    expect(batches[0]!.rows[2]).toEqual(['Stark Industries', 'Pepper', 'Potts', 'CEO', 'pepper@stark.example', 'https://stark.example', '']);
  });

  it('reads semicolon-separated files too', async () => {
    const summary = await parseInBatches(fixture('unknown-columns.csv'), { onBatch: async () => {} });
    expect(summary.headers).toEqual(['Firma', 'Ansprechpartner', 'Mail', 'Funktion']);
  });

  it('sends a long file in batches of at most 5,000 lines, one at a time, in order', async () => {
    const total = 12_345;
    const csv = ['Company,Email', ...Array.from({ length: total }, (_, i) => `Company ${i},p${i}@c${i}.example`)].join('\n');
    const sizes: number[] = [];
    const firstLines: number[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const summary = await parseInBatches(csv, {
      chunkBytes: 16 * 1024,
      onBatch: async ({ rows, firstLine }) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        sizes.push(rows.length);
        firstLines.push(firstLine);
        expect(rows[0]![0]).toBe(`Company ${firstLine - 2}`);
        inFlight -= 1;
      },
    });
    expect(summary.lines).toBe(total);
    expect(sizes).toEqual([LIMITS.importRows, LIMITS.importRows, total - 2 * LIMITS.importRows]);
    expect(firstLines).toEqual([2, 2 + LIMITS.importRows, 2 + 2 * LIMITS.importRows]);
    expect(mostInFlight).toBe(1);
  });

  it('stops when a batch says so', async () => {
    const csv = ['Company', ...Array.from({ length: 30 }, (_, i) => `C${i}`)].join('\n');
    let calls = 0;
    const summary = await parseInBatches(csv, { batchSize: 10, chunkBytes: 64, onBatch: async () => (calls += 1, false) });
    expect(calls).toBe(1);
    expect(summary.stopped).toBe(true);
  });

  it('says a file without a header line is empty', async () => {
    await expect(parseInBatches('', { onBatch: async () => {} })).rejects.toThrow(/empty/);
  });
});
