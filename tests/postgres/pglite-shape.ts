// A real PostgreSQL connection with the small part of PGlite's interface the database tests
// use (query, exec, transaction), so the same test files prove the same rules on both.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { readFileSync } from 'node:fs';
import { seedFile } from '../../supabase/local/schema.ts';
import { scratchDatabase } from './server.ts';

interface Results<R> {
  rows: R[];
  affectedRows: number;
}

class Session {
  constructor(protected readonly client: pg.Client | pg.PoolClient) {}

  async query<R>(sql: string, params: unknown[] = []): Promise<Results<R>> {
    const result = await this.client.query(sql, params);
    return { rows: result.rows as R[], affectedRows: result.rowCount ?? 0 };
  }

  async exec(sql: string): Promise<Array<Results<unknown>>> {
    const result = (await this.client.query(sql)) as pg.QueryResult | pg.QueryResult[];
    const list = Array.isArray(result) ? result : [result];
    return list.map((item) => ({ rows: item.rows ?? [], affectedRows: item.rowCount ?? 0 }));
  }
}

class Transaction extends Session {
  rolledBack = false;

  async rollback(): Promise<void> {
    this.rolledBack = true;
    await this.client.query('rollback');
  }
}

class RealPostgres extends Session {
  /** Extra sessions for the concurrency tests (PGlite has only one). */
  readonly pool: pg.Pool;
  // Like PGlite, one thing at a time on the main session: a query asked for during a
  // transaction waits for it instead of landing inside it.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(client: pg.Client, url: string) {
    super(client);
    this.pool = new pg.Pool({ connectionString: url, max: 8 });
  }

  #turn<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  override query<R>(sql: string, params: unknown[] = []): Promise<Results<R>> {
    return this.#turn(() => super.query<R>(sql, params));
  }

  override exec(sql: string): Promise<Array<Results<unknown>>> {
    return this.#turn(() => super.exec(sql));
  }

  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.#turn(async () => {
      await this.client.query('begin');
      const tx = new Transaction(this.client);
      try {
        const result = await fn(tx);
        if (!tx.rolledBack) await this.client.query('commit');
        return result;
      } catch (error) {
        if (!tx.rolledBack) await this.client.query('rollback');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
    await (this.client as pg.Client).end();
  }
}

/**
 * A scratch database on the real server, shaped like PGlite for the shared helpers.
 * The cast is the one place the two meet: only the methods above are ever called.
 */
export async function realPostgresDb(options: { seed?: boolean } = {}): Promise<PGlite> {
  const { url } = await scratchDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const db = new RealPostgres(client, url);
  if (options.seed) await db.exec(readFileSync(seedFile(), 'utf8'));
  return db as unknown as PGlite;
}

/** The pool of a database made by realPostgresDb, for tests that need parallel sessions. */
export function poolOf(db: PGlite): pg.Pool {
  if (!(db instanceof RealPostgres)) throw new Error('Parallel sessions need the real-PostgreSQL run.');
  return db.pool;
}
