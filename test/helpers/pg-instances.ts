import { afterAll, beforeAll } from 'vitest';
import { openPostgres, type PgHandle } from '../../src/db/pg/pg-client.js';
import type { PgStore } from '../../src/db/pg/pg-store.js';
import { pgAvailable, usePgDatabase } from './pg-test-db.js';

/**
 * `count` PgStores on one fresh database, each with its own pool: as many "instances" of the
 * service sharing one PostgreSQL. Open in beforeAll, closed in afterAll; `stores()` is valid inside
 * tests and hooks declared after this call.
 */
export function usePgInstances(count: number, prefix: string, poolSize = 4): { stores(): PgStore[] } {
  const database = usePgDatabase(prefix);
  const handles: PgHandle[] = [];
  beforeAll(async () => {
    if (!pgAvailable()) return;
    for (let i = 0; i < count; i++) handles.push(await openPostgres(database.url(), poolSize));
  });
  afterAll(async () => {
    await Promise.all(handles.splice(0).map((h) => h.close()));
  });
  return {
    stores: () => {
      if (handles.length !== count) throw new Error('PostgreSQL instances not open (is the suite skipped?)');
      return handles.map((h) => h.store);
    },
  };
}
