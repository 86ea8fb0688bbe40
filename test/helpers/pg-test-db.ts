import { afterAll, beforeAll, inject } from 'vitest';
import { createTestDatabase } from './pg-cluster.js';

/** True when `npm run test:pg` has a cluster (see test/pg/global-setup.ts); false means skip. */
export const pgAvailable = (): boolean => inject('pgAdminUrl') !== '';

/**
 * A database of its own for the calling test file, made in beforeAll and dropped in afterAll.
 * `url()` is valid inside tests and hooks declared after this call.
 */
export function usePgDatabase(prefix = 'cb'): { url(): string } {
  let url = '';
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (!pgAvailable()) return;
    const db = await createTestDatabase(inject('pgAdminUrl'), prefix);
    url = db.url;
    drop = db.drop;
  });
  afterAll(async () => {
    await drop?.();
  });
  return {
    url: () => {
      if (!url) throw new Error('no PostgreSQL test database (is the suite skipped?)');
      return url;
    },
  };
}

/** A fresh database per call (tests that need an untouched one, e.g. concurrent migrators). */
export async function freshPgDatabase(prefix = 'cb'): Promise<{ url: string; drop(): Promise<void> }> {
  return createTestDatabase(inject('pgAdminUrl'), prefix);
}
