import { getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { txContext } from '../../shared/transactions.js';
import type { PgStore } from './pg-store.js';

/**
 * PostgreSQL's nearest step to SQLite's `secure_delete` + TRUNCATE checkpoint after crypto-shredding:
 * VACUUM the table so the old versions of erased rows (wrapped keys, ciphertext) are pruned now rather
 * than whenever autovacuum comes by. It does not zero the freed space, and the WAL keeps the old
 * values until its segments are recycled. VACUUM cannot run inside a transaction block: called inside
 * one, it does nothing (autovacuum will get there).
 */
export async function vacuumErased(store: PgStore, table: PgTable): Promise<void> {
  if (txContext.getStore()?.open) return;
  await store.pool.query(`VACUUM ${getTableName(table)}`);
}
