// `npm run test:postgres`: the database and local-stack suites, the concurrency tests
// PGlite can never run, and the benchmarks' generator, against a real PostgreSQL server (Debian's, started on demand). One
// template database gets the schema as teams push it; each test file clones it.
// Usage: npm run test:postgres [-- tests/db/some.test.ts …]
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createDatabaseLikeTeams, dropDatabases, ensurePostgresServer } from '../supabase/local/real-postgres.ts';

const serverUrl = ensurePostgresServer();
const prefix = `hc_${randomUUID().replaceAll('-', '').slice(0, 8)}_`;
const template = `${prefix}template`;

let status = 1;
try {
  await createDatabaseLikeTeams(serverUrl, template);
  // Every stack test runs here too (a new one is picked up by itself), but the lifecycle
  // tests: they are about PGlite's data directory and process, which a real server does not
  // have, and run in the PGlite pass only.
  const stackTests = readdirSync('tests/stack')
    .filter((name) => name.endsWith('.test.ts') && name !== 'lifecycle.test.ts')
    .map((name) => `tests/stack/${name}`);
  const files = process.argv.slice(2).length
    ? process.argv.slice(2)
    : ['tests/db/', ...stackTests, 'tests/postgres/', 'tests/bench/'];
  const result = spawnSync(
    'npx',
    ['vitest', 'run', '--project', 'db', '--project', 'stack', '--project', 'postgres', '--project', 'bench', ...files],
    {
      stdio: 'inherit',
      env: { ...process.env, HIGHCARD_PG_URL: serverUrl, HIGHCARD_PG_TEMPLATE: template, HIGHCARD_PG_PREFIX: prefix },
    },
  );
  status = result.status ?? 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await dropDatabases(serverUrl, prefix);
}
process.exit(status);
