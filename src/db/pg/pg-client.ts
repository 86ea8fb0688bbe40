import pg from 'pg';
import { migratePostgres } from './pg-migrate.js';
import { createPgStore, type PgStore } from './pg-store.js';

export interface PgHandle {
  store: PgStore;
  close(): Promise<void>;
}

/** Bigint times come back as JS numbers from drizzle's columns; raw counts (`count(*)`) too. */
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Connects a pool to `postgres://…` and applies pending migrations under the migration lock. */
export async function openPostgres(databaseUrl: string, poolSize = 10): Promise<PgHandle> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle connection the server dropped must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  return { store: createPgStore(pool), close: () => pool.end() };
}
