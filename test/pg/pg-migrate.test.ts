import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATION_LOCK_KEY, migratePostgres } from '../../src/db/pg/pg-migrate.js';
import * as pgSchema from '../../src/db/pg/schema.js';
import { eventually } from '../helpers/eventually.js';
import { freshPgDatabase, pgAvailable } from '../helpers/pg-test-db.js';

async function count(pool: pg.Pool, sql: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(sql);
  return Number(rows[0]!.n);
}

const TABLES = "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'";
/** Every table the pg twins declare (the migrations must create exactly these). */
const DECLARED = Object.values(pgSchema).filter((v) => is(v, PgTable)).length;
/** Migrations in the folder (each applied once, whoever gets the lock first). */
const MIGRATIONS = (JSON.parse(readFileSync(new URL('../../migrations/pg/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] }).entries.length;
const APPLIED = 'SELECT count(*) AS n FROM drizzle.__drizzle_migrations';

describe.skipIf(!pgAvailable())('PostgreSQL migrations under an advisory lock', () => {
  it('two migrators starting together on a fresh database both succeed; the schema is applied once', async () => {
    const db = await freshPgDatabase('migrate');
    const a = new pg.Pool({ connectionString: db.url, max: 2 });
    const b = new pg.Pool({ connectionString: db.url, max: 2 });
    try {
      await Promise.all([migratePostgres(a), migratePostgres(b)]);
      expect(await count(a, TABLES)).toBe(DECLARED);
      expect(await count(a, APPLIED)).toBe(MIGRATIONS);
      await migratePostgres(b);
      expect(await count(a, APPLIED)).toBe(MIGRATIONS);
    } finally {
      await Promise.all([a.end(), b.end()]);
      await db.drop();
    }
  });

  it('waits while another instance holds the lock, then finds nothing left to apply', async () => {
    const db = await freshPgDatabase('migrate');
    const pool = new pg.Pool({ connectionString: db.url, max: 3 });
    const holder = await pool.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
      let done = false;
      const run = migratePostgres(pool).then(() => (done = true));
      await eventually(async () => {
        const waiting = await count(pool, "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
        return waiting === 1;
      }, 5000, 'the migrator to wait for the lock');
      expect(done).toBe(false);
      expect(await count(pool, TABLES)).toBe(0);
      await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]);
      await run;
      expect(await count(pool, TABLES)).toBe(DECLARED);
    } finally {
      holder.release();
      await pool.end();
      await db.drop();
    }
  });
});
