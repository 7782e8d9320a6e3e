import { describe, expect, it } from 'vitest';
import { promiseSeed } from '../../../../utils/panel/promise-seed';

describe('What “Add as a promise” starts with', () => {
  it('reads the customer’s “I will” as their promise, dated from when they wrote it', () => {
    // Friday 20 November 2026: "on Monday" is the 23rd.
    const seed = promiseSeed('  I will send the signed\n order form on Monday. ', { occurredAt: '2026-11-20T09:41:00+01:00', mine: false });
    expect(seed).toEqual({
      sentence: 'I will send the signed order form on Monday.',
      sideGuess: 'theirs',
      dueGuess: { due_on: '2026-11-23', words: 'on Monday' },
    });
  });

  it('reads the rep’s own “I will” as ours', () => {
    expect(promiseSeed('I will send the DPA tomorrow.', { occurredAt: '2026-11-20T09:41:00+01:00', mine: true })).toMatchObject({
      sideGuess: 'ours',
      dueGuess: { due_on: '2026-11-21' },
    });
  });

  it('leaves out the marker of a selected list item', () => {
    expect(promiseSeed('1. Jonas will send a sample export on Monday', null).sentence).toBe('Jonas will send a sample export on Monday');
    expect(promiseSeed('• We will call you', null).sentence).toBe('We will call you');
  });

  it('starts empty when the rep types the promise themselves', () => {
    expect(promiseSeed('', null)).toEqual({ sentence: '', sideGuess: null, dueGuess: null });
  });
});
