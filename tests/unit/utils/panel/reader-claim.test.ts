// One reader per document: the second run of Gmail's reader in a page finds it claimed, unless
// the reader that claimed it was orphaned by a reload of the extension.
import { describe, expect, it } from 'vitest';
import { claimReader, readerClaimKey, readerRuns } from '../../../../utils/panel/reader-claim';

describe('the claim a reader makes on its page', () => {
  it('lets the first reader start and keeps a second out while the first lives', () => {
    const world = {};
    expect(readerRuns('gmail', world)).toBe(false);
    expect(claimReader('gmail', () => true, world)).toBe(true);
    expect(readerRuns('gmail', world)).toBe(true);
    expect(claimReader('gmail', () => true, world)).toBe(false);
  });

  it('lets a new reader in once the one that claimed the page lost its extension', () => {
    const world = {};
    let alive = true;
    claimReader('gmail', () => alive, world);
    alive = false;
    expect(readerRuns('gmail', world)).toBe(false);
    expect(claimReader('gmail', () => true, world)).toBe(true);
    expect(readerRuns('gmail', world)).toBe(true);
  });

  it('counts nothing but a reader’s own claim: a stray value of the same name is no reader', () => {
    expect(readerRuns('gmail', { [readerClaimKey('gmail')]: true })).toBe(false);
  });
});
