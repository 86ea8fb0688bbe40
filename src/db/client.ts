import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema.js';
import { projectPath } from '../shared/paths.js';
import { scrubWal, startWalScrubber } from './wal-scrub.js';
import { createSqliteStore, type SqliteStore } from './store.js';
import { openPostgres, type PgHandle } from './pg/pg-client.js';
import { databaseKind } from '../config/database-url.js';

/** How often stale WAL frames (page images of overwritten rows) are truncated away. */
export const WAL_SCRUB_MS = 60_000;

export type Db = BetterSQLite3Database<typeof schema>;

export interface DbHandle {
  db: Db;
  /** The underlying driver; only repositories and the audit writer use it directly. */
  sqlite: Database.Database;
  /** Async access for repositories and services: `store.transaction(async () => …)`, `store.wrap(repo)`. */
  store: SqliteStore;
  /** Checkpoints and truncates the WAL now (see wal-scrub.ts); false when a reader held it. */
  scrubWal(): boolean;
  close(): void;
}

export const MIGRATIONS = projectPath('migrations');

/** `file:./data/x.db`, a plain path, or `:memory:` → a path better-sqlite3 understands. */
export function sqlitePath(databaseUrl: string): string {
  if (databaseUrl === ':memory:' || databaseUrl === 'file::memory:') return ':memory:';
  return databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl;
}

/** Opens the database, turns on WAL and foreign keys, and applies pending migrations (idempotent). */
export function openDatabase(databaseUrl: string): DbHandle {
  const path = sqlitePath(databaseUrl);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Deleted or overwritten content is zeroed, not left in free pages and cell gaps, so a blanked chat
  // payload or a destroyed key cannot be read back from the file.
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema, casing: 'snake_case' });
  migrate(db, { migrationsFolder: MIGRATIONS });
  const stopScrubber = path === ':memory:' ? () => undefined : startWalScrubber(sqlite, WAL_SCRUB_MS);
  return {
    db,
    sqlite,
    store: createSqliteStore(sqlite),
    scrubWal: () => scrubWal(sqlite),
    close: () => {
      stopScrubber();
      if (sqlite.open) sqlite.close();
    },
  };
}

export type Storage = { kind: 'sqlite'; handle: DbHandle } | { kind: 'postgres'; handle: PgHandle };

/** DATABASE_URL → the store it names: `postgres://…` PostgreSQL (pooled, migrated under a lock), else SQLite. */
export async function openStorage(databaseUrl: string): Promise<Storage> {
  const kind = databaseKind(databaseUrl);
  if (kind === 'postgres') return { kind, handle: await openPostgres(databaseUrl) };
  if (kind === 'sqlite') return { kind, handle: openDatabase(databaseUrl) };
  throw new Error(`unsupported DATABASE_URL scheme: ${databaseUrl.split(':')[0]}`);
}
