import { sql, type SQL } from 'drizzle-orm';
import { bigint, customType, type AnyPgColumn, type PgTable } from 'drizzle-orm/pg-core';

/**
 * Column types the PostgreSQL twins share. SQLite keeps every time as an integer of epoch
 * milliseconds; PostgreSQL's `integer` is 32-bit, so times are `bigint`, read back as JS numbers
 * (safe up to 2^53, i.e. the year 287 396). Blobs (keys, IVs, tags, hashes, signatures) are `bytea`,
 * read and written as Buffers exactly like better-sqlite3's blob({ mode: 'buffer' }).
 */
export const ms = () => bigint({ mode: 'number' });

export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

/** `ORDER BY col COLLATE "C"`: byte order, as SQLite sorts text, whatever the database's locale. */
export const sqlCollateC = (column: AnyPgColumn): SQL => sql`${column} collate "C"`;

/**
 * `ORDER BY … insert_seq`: insertion order, where SQLite breaks a tie by rowid. PostgreSQL has no
 * rowid (xmin and ctid change when a row is updated), so the tables whose repositories order by it
 * carry a hidden identity column `insert_seq` on PostgreSQL only (migrations/pg 0007). It is not in
 * the twins, so the row types stay the same on both sides and no statement ever reads or writes it.
 */
export const insertionOrder = (table: PgTable, dir: 'asc' | 'desc' = 'asc'): SQL => sql`${table}.insert_seq ${sql.raw(dir)}`;
