import { and, eq, lt, lte, or, type AnyColumn, type SQL } from 'drizzle-orm';
import type { TimeCursor } from '../../shared/time-cursor.js';

/**
 * The rows after `cursor` in a newest-first keyset page ordered by (time desc, id desc): older, or
 * as old with a smaller id. Undefined (no condition) on the first page. Paired with an index that
 * ends in (time, id), each page is a seek, whatever the table's size.
 */
export function olderThan(at: AnyColumn, id: AnyColumn, cursor: TimeCursor | undefined): SQL | undefined {
  // The redundant `at <= cursor.at` lets the index seek to the cursor (SQLite makes no range of the OR alone).
  return cursor && and(lte(at, cursor.at), or(lt(at, cursor.at), and(eq(at, cursor.at), lt(id, cursor.id))));
}
