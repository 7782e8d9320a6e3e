// `npm run dev`'s own flags, taken out of its arguments; everything else goes to WXT
// (`npm run dev -- -b firefox`). `--port` and `--db-port` are the stack's, as in `npm run
// stack`; the dev build is made to talk to the stack on that port.

export interface DevArgs {
  seed: boolean;
  fresh: boolean;
  apiPort?: number;
  dbPort?: number;
  dataDir?: string;
  wxtArgs: string[];
}

const WITH_VALUE = new Set(['--port', '--db-port', '--data-dir']);

function port(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${flag} must be a port number, not "${value}".`);
  return n;
}

export function splitDevArgs(args: readonly string[]): DevArgs {
  const out: DevArgs = { seed: false, fresh: false, wxtArgs: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const equals = arg.indexOf('=');
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    if (arg === '--seed') out.seed = true;
    else if (arg === '--fresh') out.fresh = true;
    else if (WITH_VALUE.has(name)) {
      const value = equals > 0 ? arg.slice(equals + 1) : args[++i];
      if (value === undefined || value.startsWith('-')) throw new Error(`${name} needs a value.`);
      if (name === '--port') out.apiPort = port(name, value);
      else if (name === '--db-port') out.dbPort = port(name, value);
      else out.dataDir = value;
    } else out.wxtArgs.push(arg);
  }
  return out;
}
