// `npm run stack` — the embedded local Supabase stack for development and tests.
import { parseArgs } from 'node:util';
import { stackBanner } from './banner.ts';
import { StackError, startStack, type RunningStack } from './stack.ts';

const HELP = `Usage: npm run stack -- [options]

Starts Postgres (PGlite), PostgREST and a local auth service behind one API on 127.0.0.1.

  --fresh            wipe the local database first
  --seed             load supabase/seed.sql (only into a new database)
  --data-dir DIR     where the database lives (default .highcard)
  --port N           API port (default 54321)
  --db-port N        database port (default 54322)
  --db-url URL       use a real Postgres instead of PGlite (needs psql)
  -h, --help         show this help
`;

function port(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new StackError(`${flag} must be a port number, not "${value}".`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      fresh: { type: 'boolean', default: false },
      seed: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'db-port': { type: 'string' },
      'db-url': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }

  const apiPort = port(values.port, 54321, '--port');
  const dbPort = port(values['db-port'], 54322, '--db-port');
  const log = (line: string): void => console.log(`  ${line}`);
  console.log('Starting the Highcard local stack…');
  const stack: RunningStack = await startStack({
    dataDir: values['data-dir'] ?? '.highcard',
    apiPort,
    dbPort,
    fresh: values.fresh,
    seed: values.seed,
    dbUrl: values['db-url'],
    log,
  });

  console.log(`
${stackBanner(stack, { seedAsked: values.seed })}

For psql: one admin connection at a time; use SET LOCAL inside a transaction and do not
leave a transaction open (it stalls the API). Press Ctrl-C to stop.
`);

  // Ctrl-C in a terminal signals the whole process group, and a wrapper in it (tsx, npm)
  // may pass the same signal on once more: a repeat within this window is that same Ctrl-C,
  // not the user insisting.
  const REPEAT_MS = 3_000;
  let stoppingSince: number | null = null;
  const shutdown = (signal: string): void => {
    if (stoppingSince !== null) {
      if (Date.now() - stoppingSince < REPEAT_MS) return;
      console.log('Forced exit.');
      process.exit(1);
    }
    stoppingSince = Date.now();
    console.log(`\n${signal}: stopping…`);
    stack.stop().then(
      () => {
        console.log('Stopped; data saved.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`Stopping failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));
}

main().catch((error: unknown) => {
  if (error instanceof StackError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`\nCannot start the stack: ${(error as Error).message}\n`);
    if (!(error instanceof StackError)) process.stderr.write(HELP);
  } else {
    console.error('\nThe stack failed to start:', error);
  }
  process.exit(1);
});
