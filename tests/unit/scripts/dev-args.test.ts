import { describe, expect, it } from 'vitest';
import { splitDevArgs } from '../../../scripts/dev-args';

describe('npm run dev’s arguments', () => {
  it('takes --port and --db-port for the stack instead of handing them to WXT', () => {
    expect(splitDevArgs(['--port', '55421', '--db-port', '55422'])).toEqual({
      seed: false,
      fresh: false,
      apiPort: 55421,
      dbPort: 55422,
      wxtArgs: [],
    });
  });

  it('accepts --flag=value, keeps --seed and --fresh, and passes everything else to WXT', () => {
    expect(splitDevArgs(['--port=0', '--fresh', '-b', 'firefox', '--seed', '--data-dir', '/tmp/hc'])).toEqual({
      seed: true,
      fresh: true,
      apiPort: 0,
      dataDir: '/tmp/hc',
      wxtArgs: ['-b', 'firefox'],
    });
  });

  it('refuses a port that is not a number, or a flag without its value', () => {
    expect(() => splitDevArgs(['--port', 'abc'])).toThrow('--port must be a port number, not "abc".');
    expect(() => splitDevArgs(['--db-port'])).toThrow('--db-port needs a value.');
    expect(() => splitDevArgs(['--port', '--seed'])).toThrow('--port needs a value.');
  });
});
