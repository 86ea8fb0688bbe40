import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS, type Storage } from './client.js';
import { PG_MIGRATIONS } from './pg/pg-migrate.js';

/** What /readyz reports of the database: reachable now, and every migration this code ships applied. */
export interface StorageHealth {
  reachable: boolean;
  migrated: boolean;
}

export interface StorageHealthOptions {
  /** A check that takes longer counts as unreachable (default 2 s). */
  timeoutMs?: number;
  /** The migrations this code expects (tests point it at a longer set). */
  migrationsFolder?: string;
}

/** Newest migration stamp in the journal (drizzle's folderMillis), read once per folder. */
const newestShipped = new Map<string, number>();
function shipped(folder: string): number {
  let newest = newestShipped.get(folder);
  if (newest === undefined) {
    newest = Math.max(0, ...readMigrationFiles({ migrationsFolder: folder }).map((m) => m.folderMillis));
    newestShipped.set(folder, newest);
  }
  return newest;
}

/** Newest applied migration's stamp, as drizzle's migrator records it (SQLite: main schema; PostgreSQL: `drizzle`). */
async function newestApplied(storage: Storage): Promise<number> {
  if (storage.kind === 'sqlite') {
    const row = storage.handle.sqlite.prepare('select max(created_at) as at from __drizzle_migrations').get() as { at: number | null };
    return Number(row.at ?? 0);
  }
  const { rows } = await storage.handle.store.pool.query<{ at: string | null }>('select max(created_at) as at from drizzle.__drizzle_migrations');
  return Number(rows[0]?.at ?? 0);
}

/**
 * One look at the store for readiness: false `reachable` when the query fails or times out (the
 * SQLite file closed, PostgreSQL down or gone); false `migrated` while the database is behind the
 * migrations this code ships (e.g. a new instance whose migration has not run yet, or a database
 * restored from before it). The service migrates at start under a lock; this only reports.
 */
export async function checkStorage(storage: Storage, opts: StorageHealthOptions = {}): Promise<StorageHealth> {
  if (storage.kind === 'sqlite' && !storage.handle.sqlite.open) return { reachable: false, migrated: false };
  const expected = shipped(opts.migrationsFolder ?? (storage.kind === 'sqlite' ? MIGRATIONS : PG_MIGRATIONS));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), opts.timeoutMs ?? 2000);
  });
  try {
    const applied = await Promise.race([newestApplied(storage), timeout]);
    if (applied === undefined) return { reachable: false, migrated: false };
    return { reachable: true, migrated: applied >= expected };
  } catch {
    return { reachable: false, migrated: false };
  } finally {
    clearTimeout(timer);
  }
}
