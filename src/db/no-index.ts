import { sql, type Column, type SQL } from 'drizzle-orm';

/**
 * `col = value` that SQLite's planner will not answer from an index on `col` (the unary `+` makes the
 * column an expression). For a low-cardinality column such as a status that nearly every row shares:
 * without statistics SQLite would otherwise walk a (status, created_at) index for a newest-first page,
 * i.e. every live row of the table, instead of the selective index the rest of the WHERE names
 * (issue 15: the inbox scanned every live document at 100k documents).
 */
export const equalsNoIndex = (col: Column, value: string): SQL => sql`+${col} = ${value}`;
