// Applies what the Supabase platform provides (supabase/local/sql) and then the project's
// migrations, in file-name order. Shared by the local stack, the database tests and the
// benchmark so that all three run exactly the SQL that hosted Supabase runs.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SqlRunner {
  exec(sql: string): Promise<unknown>;
}

const supabaseDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function sqlFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => join(dir, name));
}

export const platformSqlFiles = (): string[] => sqlFilesIn(join(supabaseDir, 'local', 'sql'));
export const migrationFiles = (): string[] => sqlFilesIn(join(supabaseDir, 'migrations'));
export const seedFile = (): string => join(supabaseDir, 'seed.sql');

async function runFile(db: SqlRunner, file: string): Promise<void> {
  try {
    await db.exec(readFileSync(file, 'utf8'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${file}: ${message}`, { cause: error });
  }
}

/** Platform SQL first (roles, auth schema), then every migration. */
export async function applySchema(db: SqlRunner, options: { seed?: boolean } = {}): Promise<void> {
  for (const file of platformSqlFiles()) await runFile(db, file);
  for (const file of migrationFiles()) await runFile(db, file);
  if (options.seed) await runFile(db, seedFile());
}
