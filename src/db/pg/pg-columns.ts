import { sql, type SQL } from 'drizzle-orm';
import { bigint, customType, type AnyPgColumn } from 'drizzle-orm/pg-core';

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
