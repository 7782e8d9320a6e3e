// `npm run test:postgres`: the database and local-stack suites, and the concurrency tests
// PGlite can never run, against a real PostgreSQL server. The schema gets there the way the
// README tells teams to put it on hosted Supabase: the platform's roles and auth schema
// first (hosted Supabase has them), then `supabase db push` with the pinned CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const platformFiles = ['supabase/local/sql/00_roles.sql', 'supabase/local/sql/01_auth.sql'];

function serverUrl(): string {
  const output = execFileSync('bash', [join(root, 'scripts/ensure-postgres.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = output.trim().split('\n').pop();
  if (!url) throw new Error('scripts/ensure-postgres.sh printed no server URL.');
  return url;
}

function withDatabase(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function dropRunDatabases(url: string, prefix: string): Promise<void> {
  await admin(url, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const url = serverUrl();
const run_id = randomUUID().replaceAll('-', '').slice(0, 8);
const prefix = `hc_${run_id}_`;
const template = `${prefix}template`;

let status = 1;
try {
  await admin(url, (client) => client.query(`create database ${template}`));
  const templateUrl = withDatabase(url, template);
  for (const file of platformFiles) {
    if (run('psql', [templateUrl, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', file]) !== 0) {
      throw new Error(`${file} failed on the real server.`);
    }
  }
  if (run('npx', ['supabase', 'db', 'push', '--db-url', `${templateUrl}?sslmode=disable`, '--yes']) !== 0) {
    throw new Error('supabase db push failed: the migrations do not apply to a real PostgreSQL server.');
  }
  // The stack's lifecycle and crash tests are about PGlite's data directory and process,
  // which a real server does not have: they run in the PGlite pass only.
  const files = process.argv.slice(2).length
    ? process.argv.slice(2)
    : ['tests/db/', 'tests/stack/auth', 'tests/stack/data', 'tests/stack/gateway', 'tests/postgres/'];
  status = run(
    'npx',
    ['vitest', 'run', '--project', 'db', '--project', 'stack', '--project', 'postgres', ...files],
    { HIGHCARD_PG_URL: url, HIGHCARD_PG_TEMPLATE: template, HIGHCARD_PG_PREFIX: prefix },
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await dropRunDatabases(url, prefix);
}
process.exit(status);
