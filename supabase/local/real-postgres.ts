// A real PostgreSQL server for the suites and benchmarks that PGlite cannot serve (several
// sessions at once). The schema gets there the way the README tells teams to put it on
// hosted Supabase: the platform's roles and auth schema first (hosted Supabase has them),
// then `supabase db push` with the pinned CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PLATFORM_FILES = ['supabase/local/sql/00_roles.sql', 'supabase/local/sql/01_auth.sql'];

/** Starts (and on Debian, as root, installs) the local server; returns its URL. */
export function ensurePostgresServer(): string {
  const output = execFileSync('bash', [join(root, 'scripts/ensure-postgres.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = output.trim().split('\n').pop();
  if (!url) throw new Error('scripts/ensure-postgres.sh printed no server URL.');
  return url;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  return target.toString();
}

export async function withAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function run(command: string, args: string[], quiet: boolean): void {
  const result = spawnSync(command, args, { cwd: root, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (result.status !== 0) {
    const output = quiet ? `\n${result.stdout ?? ''}${result.stderr ?? ''}` : '';
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} … failed${output}`);
  }
}

/** A new database named `name` with the platform SQL and every migration, as teams push it. */
export async function createDatabaseLikeTeams(serverUrl: string, name: string, options: { quiet?: boolean } = {}): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  await withAdmin(serverUrl, (client) => client.query(`create database ${name}`));
  const url = databaseUrl(serverUrl, name);
  const quiet = options.quiet ?? false;
  for (const file of PLATFORM_FILES) run('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', file], quiet);
  run('npx', ['supabase', 'db', 'push', '--db-url', `${url}?sslmode=disable`, '--yes'], quiet);
  return url;
}

/** Drops every database whose name starts with `prefix` (what one run made). */
export async function dropDatabases(serverUrl: string, prefix: string): Promise<void> {
  await withAdmin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
  });
}
