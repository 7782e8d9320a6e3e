// The embedded local stack (docs/design.md, "The local stack"): PGlite served on the
// wire protocol, the real PostgREST, a GoTrue-compatible auth service and one gateway.
// Used by `npm run stack`, the stack tests, the e2e suite and the benchmark.
import type { Extensions, PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { createAuthService } from './auth.ts';
import { migratePglite, migrateWithPsql, openPglite, type MigrationReport } from './database.ts';
import { assertPortFree, StackError } from './errors.ts';
import { createGateway, type GatewayRoutes } from './gateway.ts';
import { localJwtSecret, signApiKey } from './keys.ts';
import { Mailbox, type MailItem } from './mailbox.ts';
import { startPostgrest, type PostgrestProcess } from './postgrest.ts';

export { StackError } from './errors.ts';
export type { MailItem } from './mailbox.ts';

export interface StackOptions {
  /** Default '.highcard' in the working directory; null keeps the database in memory. */
  dataDir?: string | null;
  /** Default 54321; 0 picks any free port. */
  apiPort?: number;
  /** Default 54322; 0 picks any free port. */
  dbPort?: number;
  /** Wipe the data directory's database first. */
  fresh?: boolean;
  /** Load supabase/seed.sql (only when the database is created). */
  seed?: boolean;
  /** A real Postgres instead of PGlite; PostgREST may then use a pool and no socket is served. */
  dbUrl?: string;
  jwtSecret?: string;
  log?: (line: string) => void;
  /** Runs in process on PGlite after the migrations and before the socket serves. */
  beforeServe?: (db: PGlite) => Promise<void>;
  /** PGlite modules to load besides those the migrations create (bench:db's auto_explain). */
  pgliteExtensions?: Extensions;
}

export interface RunningStack {
  apiUrl: string;
  dbUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  mailbox: { all(): MailItem[]; latestFor(email: string): MailItem | undefined };
  /** Where the data lives (null: in memory or --db-url). */
  dataDir: string | null;
  /** What the start did to the schema. */
  migrations: MigrationReport;
  stop(): Promise<void>;
}

// PostgREST plus one admin client (psql, a linter): docs/design.md, "The local stack".
const SOCKET_MAX_CONNECTIONS = 2;
const LOCK_FILE = 'stack.lock';

interface LockInfo {
  pid: number;
  apiUrl?: string;
  dbUrl?: string;
  startedAt: string;
}

/** Data directories held by stacks running in this process. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function alreadyRunning(dataDir: string, info: LockInfo | null): StackError {
  const details = [
    info && info.pid !== process.pid ? `process ${info.pid}` : null,
    info?.apiUrl ? `API at ${info.apiUrl}` : null,
  ].filter(Boolean);
  return new StackError(
    `A Highcard stack is already running with the data in ${dataDir}${details.length ? ` (${details.join(', ')})` : ''}. ` +
      'Stop it first (Ctrl-C in its terminal), or give this one its own --data-dir.',
  );
}

function acquireLock(dataDir: string): { update(info: Partial<LockInfo>): void; release(): void } {
  const path = join(dataDir, LOCK_FILE);
  if (heldHere.has(dataDir)) throw alreadyRunning(dataDir, readLock(path));
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(info), { flag: 'wx' });
      heldHere.add(dataDir);
      return {
        update(more) {
          Object.assign(info, more);
          writeFileSync(path, JSON.stringify(info));
        },
        release() {
          heldHere.delete(dataDir);
          try {
            if (readLock(path)?.pid === process.pid) unlinkSync(path);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const existing = readLock(path);
      // A lock left by a process that is gone (or by this process, not held) is stale.
      if (existing && existing.pid !== process.pid && isAlive(existing.pid)) throw alreadyRunning(dataDir, existing);
      rmSync(path, { force: true });
    }
  }
  throw alreadyRunning(dataDir, readLock(path));
}

function readLock(path: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new StackError(
              `Port ${port} (the API) is already in use: another program — perhaps \`supabase start\` or another ` +
                'Highcard stack — is listening there. Stop it, or pick another port with --port.',
            )
          : new StackError(`Cannot listen on 127.0.0.1:${port}: ${error.message}`),
      );
    };
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    if (!server.listening) return done();
    server.close(() => done());
    server.closeAllConnections();
  });
}

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const log = options.log ?? (() => undefined);
  const jwtSecret = options.jwtSecret ?? localJwtSecret();
  if (jwtSecret.length < 32) throw new StackError('The JWT secret must be at least 32 characters long.');
  const anonKey = signApiKey('anon', jwtSecret);
  const serviceRoleKey = signApiKey('service_role', jwtSecret);
  const apiPort = options.apiPort ?? 54321;
  const dbPort = options.dbPort ?? 54322;
  const usePglite = !options.dbUrl;
  if (!usePglite && options.beforeServe) throw new StackError('beforeServe needs PGlite; it cannot run with dbUrl.');
  const dataDir = usePglite
    ? options.dataDir === null
      ? null
      : resolve(options.dataDir ?? '.highcard')
    : null;

  const cleanups: Array<() => Promise<void> | void> = [];
  const cleanup = async (): Promise<void> => {
    for (const step of cleanups.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        log(`stop: ${(error as Error).message}`);
      }
    }
  };

  try {
    let lock: ReturnType<typeof acquireLock> | null = null;
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      lock = acquireLock(dataDir);
      const held = lock;
      cleanups.push(() => held.release());
      if (options.fresh) {
        log(`Wiping ${join(dataDir, 'pgdata')} (--fresh)`);
        rmSync(join(dataDir, 'pgdata'), { recursive: true, force: true });
      }
    }
    if (usePglite) await assertPortFree(dbPort, 'the database', '--db-port');

    let routes: GatewayRoutes | null = null;
    const gateway = createGateway(() => routes);
    const boundApiPort = await listen(gateway, apiPort);
    cleanups.push(() => closeServer(gateway));
    const apiUrl = `http://127.0.0.1:${boundApiPort}`;

    let dbUrl: string;
    let postgrestDbUri: string;
    let migrations: MigrationReport;
    if (usePglite) {
      const pgdata = dataDir ? join(dataDir, 'pgdata') : null;
      log(pgdata ? `Opening the database in ${pgdata}` : 'Opening an in-memory database');
      const db = await openPglite(pgdata, options.pgliteExtensions);
      cleanups.push(() => db.close());
      migrations = await migratePglite(db, { seed: Boolean(options.seed) });
      if (options.beforeServe) await options.beforeServe(db);
      const socket = new PGLiteSocketServer({ db, host: '127.0.0.1', port: dbPort, maxConnections: SOCKET_MAX_CONNECTIONS });
      await socket.start().catch((error: Error) => {
        throw new StackError(`The database socket could not listen on 127.0.0.1:${dbPort}: ${error.message}`);
      });
      cleanups.push(async () => {
        await socket.stop();
        // Detaching handlers may roll back an open transaction: let that finish before close.
        await new Promise((done) => setTimeout(done, 50));
      });
      const boundDbPort = Number(socket.getServerConn().split(':').pop());
      dbUrl = `postgresql://postgres:postgres@127.0.0.1:${boundDbPort}/postgres`;
      postgrestDbUri = `${dbUrl}?sslmode=disable&application_name=postgrest`;
    } else {
      dbUrl = options.dbUrl as string;
      migrations = await migrateWithPsql(dbUrl, { seed: Boolean(options.seed) });
      postgrestDbUri = dbUrl;
    }
    if (migrations.fresh) {
      log(`Created the database: platform SQL and ${migrations.applied.length} migration(s)${migrations.seeded ? ' and seed.sql' : ''}`);
    } else if (migrations.applied.length) {
      log(`Applied ${migrations.applied.length} new migration(s): ${migrations.applied.join(', ')}`);
    }
    if (options.seed && !migrations.seeded) {
      log(
        migrations.fresh
          ? 'Note: --seed was given but supabase/seed.sql does not exist yet.'
          : 'Note: --seed loads seed.sql only into a new database (use --fresh --seed to start over with it).',
      );
    }

    const postgrest: PostgrestProcess = await startPostgrest({
      dbUri: postgrestDbUri,
      jwtSecret,
      pool: usePglite ? 1 : 10,
      preparedStatements: !usePglite,
      channelEnabled: !usePglite,
      log,
    });
    cleanups.push(() => postgrest.stop());

    const mailbox = new Mailbox();
    const auth = createAuthService({
      postgrestUrl: postgrest.url,
      serviceRoleKey,
      jwtSecret,
      issuer: `${apiUrl}/auth/v1`,
      mailbox,
      log,
    });
    routes = { postgrestUrl: postgrest.url, auth, apiKeys: [anonKey, serviceRoleKey] };
    cleanups.push(() => {
      routes = null;
    });
    lock?.update({ apiUrl, dbUrl });

    let stopping: Promise<void> | null = null;
    return {
      apiUrl,
      dbUrl,
      anonKey,
      serviceRoleKey,
      jwtSecret,
      mailbox: { all: () => mailbox.all(), latestFor: (email) => mailbox.latestFor(email) },
      dataDir,
      migrations,
      stop() {
        stopping ??= cleanup();
        return stopping;
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
