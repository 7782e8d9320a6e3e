// The stack's database: PGlite under the data directory (or a real Postgres with --db-url),
// brought up to date with the platform SQL and the migrations before anything serves it.
import { PGlite, type Extensions } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { applySchema, migrationFiles, platformSqlFiles, seedFile } from './schema.ts';
import { StackError } from './errors.ts';

/** Where applied migrations are recorded, as the Supabase CLI records them. */
const TRACKING_SQL = `
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text not null primary key,
  statements text[],
  name text
);`;

interface Migration {
  file: string;
  version: string;
  name: string;
}

function describeMigration(file: string): Migration {
  const stem = basename(file, '.sql');
  const cut = stem.indexOf('_');
  return cut > 0
    ? { file, version: stem.slice(0, cut), name: stem.slice(cut + 1) }
    : { file, version: stem, name: stem };
}

const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;

function recordSql(migrations: Migration[]): string {
  if (migrations.length === 0) return '';
  const rows = migrations.map((m) => `(${sqlString(m.version)}, ${sqlString(m.name)})`).join(', ');
  return `insert into supabase_migrations.schema_migrations (version, name) values ${rows}
          on conflict (version) do nothing;`;
}

// PGlite loads an extension's code only when told to at start-up: find what the
// migrations create and load those of PGlite's contrib modules.
const CREATE_EXTENSION = /create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([a-z0-9_-]+)"?/gi;

export async function pgliteExtensionsFor(files: string[]): Promise<Extensions> {
  const extensions: Extensions = {};
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(CREATE_EXTENSION)) {
      const name = (match[1] ?? '').toLowerCase();
      const key = name.replaceAll('-', '_');
      if (!name || key in extensions || key === 'plpgsql') continue;
      const specifier = key === 'vector' ? '@electric-sql/pglite/vector' : `@electric-sql/pglite/contrib/${key}`;
      try {
        const module = (await import(specifier)) as Record<string, unknown>;
        const extension = module[key];
        if (extension) extensions[key] = extension as Extensions[string];
      } catch {
        // Not shipped with PGlite: the migration itself will report it clearly.
      }
    }
  }
  return extensions;
}

function wrapFileError(file: string, error: unknown): StackError {
  const message = error instanceof Error ? error.message : String(error);
  return new StackError(`Applying ${file} failed: ${message}`);
}

export interface MigrationReport {
  fresh: boolean;
  applied: string[];
  seeded: boolean;
}

/** `extra`: modules loaded besides those the migrations create (the benchmark's auto_explain). */
export async function openPglite(pgdataDir: string | null, extra: Extensions = {}): Promise<PGlite> {
  const extensions = { ...(await pgliteExtensionsFor([...platformSqlFiles(), ...migrationFiles()])), ...extra };
  try {
    return await PGlite.create(pgdataDir ?? undefined, { extensions });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new StackError(
      `Could not open the database${pgdataDir ? ` in ${pgdataDir}` : ''}: ${message}. ` +
        'If the data is from another PGlite version or damaged, start over with --fresh.',
    );
  }
}

/**
 * A fresh database gets `applySchema` (platform SQL, migrations, optionally seed.sql) in one
 * transaction. An existing one re-runs the idempotent platform SQL and applies only the
 * migrations not recorded yet, each recorded as it lands.
 */
export async function migratePglite(db: PGlite, options: { seed: boolean }): Promise<MigrationReport> {
  const migrations = migrationFiles().map(describeMigration);
  const tracked = await db.query<{ present: boolean }>(
    `select to_regclass('supabase_migrations.schema_migrations') is not null as present`,
  );
  const fresh = !tracked.rows[0]?.present;
  if (fresh) {
    const seed = options.seed && existsSync(seedFile());
    await db.transaction(async (tx) => {
      await applySchema(tx, { seed }).catch((error: unknown) => {
        throw new StackError(error instanceof Error ? error.message : String(error));
      });
      await tx.exec(TRACKING_SQL + recordSql(migrations));
    });
    return { fresh, applied: migrations.map((m) => basename(m.file)), seeded: seed };
  }

  const done = new Set(
    (await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).rows.map(
      (row) => row.version,
    ),
  );
  const pending = migrations.filter((m) => !done.has(m.version));
  await db.transaction(async (tx) => {
    for (const file of platformSqlFiles()) {
      await tx.exec(readFileSync(file, 'utf8')).catch((error: unknown) => {
        throw wrapFileError(file, error);
      });
    }
    for (const migration of pending) {
      await tx.exec(readFileSync(migration.file, 'utf8')).catch((error: unknown) => {
        throw wrapFileError(migration.file, error);
      });
      await tx.exec(recordSql([migration]));
    }
  });
  return { fresh, applied: pending.map((m) => basename(m.file)), seeded: false };
}

function psql(dbUrl: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'psql',
      [dbUrl, '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args],
      { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PGCONNECT_TIMEOUT: '10' } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          reject(new StackError('--db-url needs the `psql` client on your PATH to apply the migrations.'));
        } else {
          reject(new StackError(`The database at --db-url refused the schema:\n${stderr.trim() || error.message}`));
        }
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** The same steps as migratePglite, on a real Postgres through psql. */
export async function migrateWithPsql(dbUrl: string, options: { seed: boolean }): Promise<MigrationReport> {
  const migrations = migrationFiles().map(describeMigration);
  const present = (
    await psql(dbUrl, ['-tA', '-c', "select to_regclass('supabase_migrations.schema_migrations') is not null"])
  ).trim();
  const fresh = present !== 't';
  const done = fresh
    ? new Set<string>()
    : new Set(
        (await psql(dbUrl, ['-tA', '-c', 'select version from supabase_migrations.schema_migrations']))
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      );
  const pending = migrations.filter((m) => !done.has(m.version));
  const seed = fresh && options.seed && existsSync(seedFile());
  const include = (file: string): string => `\\i ${sqlString(file)}\n`;
  const script = [
    'begin;\n',
    ...platformSqlFiles().map(include),
    TRACKING_SQL + '\n',
    ...pending.map((m) => include(m.file) + recordSql([m]) + '\n'),
    seed ? include(seedFile()) : '',
    'commit;\n',
  ].join('');
  await psql(dbUrl, ['-f', '-'], script);
  return { fresh, applied: pending.map((m) => basename(m.file)), seeded: seed };
}
