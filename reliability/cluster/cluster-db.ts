import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.js';
import { openPostgres } from '../../src/db/pg/pg-client.js';
import { createDirectoryRepository } from '../../src/domain/directory/directory-repository.js';
import { createPgDirectoryRepository } from '../../src/domain/directory/directory-repository-pg.js';
import { seedDirectory } from '../../src/sandbox/sandbox-mode.js';
import { createTestDatabase, findPgBin, startPgCluster, type PgCluster } from '../../test/helpers/pg-cluster.js';

/**
 * The one database a cluster's instances share, seen from outside the service: the DATABASE_URL the
 * instances get, read-only SQL for the scenario's checks (`?` placeholders on both stores), the files
 * it keeps at rest (for the marker scan) and a restore drill's copy. PostgreSQL is a throwaway server
 * (test/helpers/pg-cluster.ts, as `npm run test:pg` starts it; PG_TEST_URL names one you run);
 * SQLite is one file in the scenario's folder, for one instance.
 */
export type Backend = 'sqlite' | 'postgres';

export interface ClusterDb {
  backend: Backend;
  /** DATABASE_URL of every instance. */
  url: string;
  /** Folders and files the database keeps at rest outside the scenario's folder (PostgreSQL's data folder, WAL included). */
  atRest: string[];
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * The restore drill's copy in a fresh database: `pg_dump` restored with `pg_restore` into a new
   * database on the same server, or SQLite's online backup (with the blob folder) into `dir`.
   */
  restoredCopy(dir: string): Promise<ClusterDb>;
  close(): Promise<void>;
}

/** Why PostgreSQL cannot be had here (no binaries and no PG_TEST_URL), or undefined when it can. */
export function postgresMissing(): string | undefined {
  if (process.env.PG_TEST_URL?.trim() || findPgBin()) return undefined;
  return 'no PostgreSQL here: initdb/pg_ctl not found (Debian: apt-get install postgresql-15, or set PG_BIN or PG_TEST_URL)';
}

/** A fresh database, migrated and with the demo directory seeded (as an admin verifies the demo clinicians). */
export async function provisionDb(backend: Backend, workDir: string, o: { adminUrl?: string } = {}): Promise<ClusterDb> {
  return backend === 'sqlite' ? sqliteDb(join(workDir, 'cb.db'), true) : postgresDb(o.adminUrl ?? process.env.PG_TEST_URL?.trim());
}

async function sqliteDb(file: string, seed: boolean): Promise<ClusterDb> {
  if (seed) {
    const h = openDatabase(`file:${file}`);
    await seedDirectory(createDirectoryRepository(h.db, h.store));
    h.close();
  }
  return {
    backend: 'sqlite',
    url: `file:${file}`,
    atRest: [],
    async query<T>(sql: string, params: unknown[] = []) {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        db.pragma('busy_timeout = 5000');
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    async restoredCopy(dir) {
      mkdirSync(dir, { recursive: true });
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        await db.backup(join(dir, 'cb.db'));
      } finally {
        db.close();
      }
      const blobs = join(file, '..', 'blobs');
      if (existsSync(blobs)) cpSync(blobs, join(dir, 'blobs'), { recursive: true });
      return sqliteDb(join(dir, 'cb.db'), false);
    },
    close: async () => undefined,
  };
}

/** `?` → `$1, $2…` (the checks' SQL has no `?` inside strings). */
const numbered = (sql: string) => {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
};

/** On the server at `given` (a superuser URL), or on a throwaway one started here. */
async function postgresDb(given: string | undefined): Promise<ClusterDb> {
  const bin = findPgBin();
  let server: PgCluster | undefined;
  if (!given) {
    if (!bin) throw new Error(postgresMissing());
    server = await startPgCluster(bin);
  }
  const adminUrl = given ?? server!.adminUrl;
  const tool = (name: string) => (bin ? join(bin, name) : name);
  const owned: Array<() => Promise<void>> = [];
  const open = async (url: string, seed: boolean, root: boolean): Promise<ClusterDb> => {
    if (seed) {
      const h = await openPostgres(url, 2);
      await seedDirectory(createPgDirectoryRepository(h.store));
      await h.close();
    }
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on('error', () => undefined);
    const endPool = () => pool.end();
    owned.push(endPool);
    return {
      backend: 'postgres',
      url,
      atRest: server ? [server.dataDir] : [],
      async query<T>(sql: string, params: unknown[] = []) {
        return (await pool.query(numbered(sql), params)).rows as T[];
      },
      async restoredCopy(dir) {
        mkdirSync(dir, { recursive: true });
        const dump = join(dir, 'cb.pgdump');
        execFileSync(tool('pg_dump'), ['--format=custom', `--file=${dump}`, url], { stdio: ['ignore', 'pipe', 'pipe'] });
        const fresh = await createTestDatabase(adminUrl, 'cb_restored');
        owned.push(fresh.drop);
        execFileSync(tool('pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${fresh.url}`, dump], { stdio: ['ignore', 'pipe', 'pipe'] });
        return open(fresh.url, false, false);
      },
      async close() {
        if (!root) return endPool().catch(() => undefined);
        for (const f of owned.splice(0).reverse()) await f().catch(() => undefined);
        server?.stop();
        server = undefined;
      },
    };
  };
  const db = await createTestDatabase(adminUrl, 'cb_cluster');
  owned.push(db.drop);
  return open(db.url, true, true);
}
