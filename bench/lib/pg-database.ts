// The bench's databases on a real PostgreSQL server: created with the schema as teams push it,
// filled once by the generator, and reused by later runs (a 10M population takes most of an
// hour to generate; its queries take seconds to time).
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { migrateWithPsql } from '../../supabase/local/database.ts';
import { createDatabaseLikeTeams, withAdmin } from '../../supabase/local/real-postgres.ts';
import { ensurePlanItems, existingPopulation, generatePopulation, type PopulationReport, type PopulationSize } from './population.ts';

export type Population = PopulationReport & { generatedAt: Date };

function serverOf(url: string): { serverUrl: string; name: string } {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--db-url must name a plain database (e.g. …/hc_bench_10m), not "${name}"`);
  target.pathname = '/postgres';
  return { serverUrl: target.toString(), name };
}

export function siblingUrl(url: string, suffix: string): string {
  const target = new URL(url);
  target.pathname = `${target.pathname}${suffix}`;
  return target.toString();
}

/**
 * Lowers the priority of this connection's server process when the server runs on this
 * machine and we may (root): the generation then yields the shared cores to others' work.
 */
async function yieldCores(db: pg.Client, host: string): Promise<void> {
  if (!['127.0.0.1', 'localhost', '::1'].includes(host) || process.getuid?.() !== 0) return;
  const { rows } = await db.query<{ pid: number }>('select pg_backend_pid() as pid');
  try {
    execFileSync('renice', ['-n', '15', '-p', String(rows[0]!.pid)], { stdio: 'ignore' });
  } catch {
    // Not the same machine after all: the generation just runs at normal priority.
  }
}

/**
 * The database at `url` with a population of `size`: reused when a finished one of that size
 * is there, generated when the database does not exist (or `fresh` drops it first).
 */
export async function ensurePopulation(
  url: string,
  size: PopulationSize,
  options: { fresh: boolean; quiet?: boolean; log: (line: string) => void },
): Promise<Population> {
  const { serverUrl, name } = serverOf(url);
  const exists = await withAdmin(serverUrl, async (admin) =>
    (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1,
  );
  if (exists && options.fresh) {
    await withAdmin(serverUrl, (admin) => admin.query(`drop database ${name} with (force)`));
  }
  if (!exists || options.fresh) {
    options.log(`[${name}] creating the database with every migration, as teams push it …`);
    await createDatabaseLikeTeams(serverUrl, name, { quiet: options.quiet ?? true });
  }
  if (exists && !options.fresh) {
    // Migrations added since the population was generated (new indexes are timed too).
    const { applied } = await migrateWithPsql(url, { seed: false });
    if (applied.length) options.log(`[${name}] applied ${applied.join(', ')}`);
  }
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const found = await existingPopulation(db);
    if (found) {
      if (found.size.orgs !== size.orgs || found.size.entries !== size.entries) {
        throw new Error(
          `[${name}] holds ${found.size.entries} entries across ${found.size.orgs} organizations, not the ` +
            `${size.entries} across ${size.orgs} asked for: pass --fresh to regenerate it, or another database name.`,
        );
      }
      options.log(`[${name}] reusing the population generated ${found.generatedAt.toISOString()}`);
      // Plan items came after some populations were generated: added then, once.
      if (found.rows['plan_items'] === undefined && (await ensurePlanItems(db, (line) => options.log(`[${name}]${line}`)))) {
        return { ...((await existingPopulation(db)) ?? found) };
      }
      return found;
    }
    const tables = Number((await db.query(`select count(*) as n from pg_namespace where nspname = 'bench'`)).rows[0]?.n);
    if (tables) throw new Error(`[${name}] has an unfinished population (a generation was stopped): pass --fresh.`);
    await yieldCores(db, new URL(url).hostname);
    options.log(`[${name}] generating ${size.entries} entries across ${size.orgs} organizations …`);
    const report = await generatePopulation(db, size, (line) => options.log(`[${name}]${line}`));
    return { ...report, generatedAt: new Date() };
  } finally {
    await db.end();
  }
}
