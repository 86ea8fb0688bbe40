import { afterAll, beforeAll, describe } from 'vitest';
import type { DbHandle } from '../../src/db/client.js';
import { openPostgres, type PgHandle } from '../../src/db/pg/pg-client.js';
import type { PgStore } from '../../src/db/pg/pg-store.js';
import type { Transaction } from '../../src/shared/transactions.js';
import { freshPgDatabase, pgAvailable } from './pg-test-db.js';
import { tempDb } from './temp-db.js';

/** One migrated store of either kind, as a contract suite sees it. */
export type StoreUnderTest =
  | { kind: 'sqlite'; transaction: Transaction; sqlite: DbHandle }
  | { kind: 'postgres'; transaction: Transaction; pg: PgStore };

/**
 * Writes a contract suite once and runs it against SQLite and PostgreSQL (the PostgreSQL half is
 * skipped when `npm run test:pg` has no cluster). `make` builds the repository under test from the
 * store; `body` gets a getter valid inside its tests and hooks.
 */
export function describeOnBothStores<R>(title: string, make: (s: StoreUnderTest) => R, body: (get: () => { repo: R; store: StoreUnderTest }) => void): void {
  for (const kind of ['sqlite', 'postgres'] as const) {
    describe.skipIf(kind === 'postgres' && !pgAvailable())(`${title} [${kind}]`, () => {
      let current: { repo: R; store: StoreUnderTest } | undefined;
      let close = async () => undefined as void;
      beforeAll(async () => {
        if (kind === 'sqlite') {
          const db = tempDb();
          const store: StoreUnderTest = { kind, transaction: db.store.transaction, sqlite: db };
          current = { repo: make(store), store };
          close = async () => db.cleanup();
        } else {
          const database = await freshPgDatabase('contract');
          const handle: PgHandle = await openPostgres(database.url, 4);
          const store: StoreUnderTest = { kind, transaction: handle.store.transaction, pg: handle.store };
          current = { repo: make(store), store };
          close = async () => {
            await handle.close();
            await database.drop();
          };
        }
      });
      afterAll(() => close());
      body(() => {
        if (!current) throw new Error('store not open');
        return current;
      });
    });
  }
}
