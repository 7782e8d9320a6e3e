import { afterEach, describe, expect, it, vi } from 'vitest';
import { handled } from '../../utils/handled';

afterEach(() => vi.restoreAllMocks());

describe('handled', () => {
  it('passes the arguments on and returns nothing the caller could ignore', async () => {
    const work = vi.fn(async (_a: number, _b: string) => undefined);
    const result = handled(work)(1, 'x');
    expect(result).toBeUndefined();
    await Promise.resolve();
    expect(work).toHaveBeenCalledWith(1, 'x');
  });

  it('logs a failure the work did not handle, naming what failed, instead of leaving it unhandled', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boom = new Error('boom');
    handled(async () => {
      throw boom;
    }, 'saving the team')();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toHaveBeenCalledWith('Highcard: saving the team failed unexpectedly:', boom);
  });
});
