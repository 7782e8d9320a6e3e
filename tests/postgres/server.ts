// The real-PostgreSQL side of the test suite (`npm run test:postgres`). The runner script
// prepares one template database the way teams do it (platform SQL, then `supabase db push`);
// each test file clones it in milliseconds with `create database … template …`.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { databaseUrl, withAdmin } from '../../supabase/local/real-postgres.ts';

/** Set by scripts/test-postgres.ts; absent in the PGlite runs. */
export const POSTGRES_URL = process.env.HIGHCARD_PG_URL;
export const POSTGRES_TEMPLATE = process.env.HIGHCARD_PG_TEMPLATE;
/** Every scratch database of one run starts with this, so the runner can drop them all. */
export const POSTGRES_PREFIX = process.env.HIGHCARD_PG_PREFIX ?? 'hc_scratch_';

export const onRealPostgres = (): boolean => Boolean(POSTGRES_URL && POSTGRES_TEMPLATE);

// Values as PGlite returns them, so one test file reads the same on both: bigint as a
// number (pg keeps it a string), numeric as a string, a date as UTC midnight (pg uses the
// process's time zone).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => new Date(`${value}T00:00:00Z`));

/** A new database with every migration applied (a clone of the run's template). */
export async function scratchDatabase(): Promise<{ name: string; url: string }> {
  if (!POSTGRES_TEMPLATE) throw new Error('HIGHCARD_PG_TEMPLATE is not set: run `npm run test:postgres`.');
  const name = `${POSTGRES_PREFIX}${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  if (!POSTGRES_URL) throw new Error('HIGHCARD_PG_URL is not set: run `npm run test:postgres`.');
  await withAdmin(POSTGRES_URL, async (admin) => {
    // Two files cloning the template at the same moment: the second waits and retries,
    // since Postgres refuses a template that another session is copying.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await admin.query(`create database ${name} template ${POSTGRES_TEMPLATE}`);
        return;
      } catch (error) {
        if (attempt >= 50 || !/is being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  return { name, url: databaseUrl(POSTGRES_URL, name) };
}

/**
 * Sends a filing again, as the extension's outbox does, while the server answers that the
 * team's turn was not free within a moment (lock_not_available): file_interaction gives up
 * rather than hold a connection, and the same capture sent again is filed exactly once.
 */
export async function sendAgainWhileBusy<T>(send: () => Promise<T>, attempts = 100): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if ((error as { code?: string }).code !== '55P03' || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
    }
  }
}
