import { and, eq, gt, or, sql, type AnyColumn, type SQL, type Table } from 'drizzle-orm';
import { newerThan } from '../../db/keyset.js';
import { prefixEnd, searchWords, type DirectoryPageQuery } from './clinician-tokens.js';

/** The columns a directory page reads, on either dialect's tables. */
export interface DirectoryColumns {
  clinicians: { id: AnyColumn; displayName: AnyColumn; verified: AnyColumn; suspended: AnyColumn };
  tokens: { table: Table; clinicianId: AnyColumn; token: AnyColumn };
}

/** A dialect's byte-wise comparisons of tokens (SQLite's BINARY `>=`; PostgreSQL's `~>=~` family, which text_pattern_ops indexes). */
export interface ByteOps {
  ge: string;
  lt: string;
  gt: string;
}

const cmp = (a: SQL | AnyColumn, op: string, b: SQL | AnyColumn | string): SQL => sql`${a} ${sql.raw(op)} ${b}`;

/** The filters a page of either kind applies to the clinician row. */
const rowFilters = (q: DirectoryPageQuery, c: DirectoryColumns['clinicians']): Array<SQL | undefined> => [
  q.unverifiedOnly ? eq(c.verified, false) : q.verifiedOnly ? eq(c.verified, true) : undefined,
  q.activeOnly ? eq(c.suspended, false) : undefined,
];

/** The whole directory (no search words) by display name then id, past the cursor. */
export function directoryListWhere(q: DirectoryPageQuery, c: DirectoryColumns['clinicians']): SQL | undefined {
  const after = q.after;
  return and(...rowFilters(q, c), newerThan({ createdAt: c.displayName, id: c.id }, after && { at: after.name, id: after.id }));
}

/**
 * A search page: the walk of the token index from the longest search word (in token, then clinician
 * order: the index's own, so no sort, and a page stops at its limit whatever the directory's size).
 * A clinician is met at their first token the word begins only (no one twice); the other words probe
 * the clinician's own tokens (the primary key). `after.name` is then the token of the last row.
 */
export function directorySearchWhere(q: DirectoryPageQuery, { clinicians: c, tokens: t }: DirectoryColumns, ops: ByteOps): { where: SQL | undefined; first: string } | undefined {
  const [first, ...rest] = searchWords(q.q);
  if (first === undefined) return undefined;
  const begins = (token: SQL | AnyColumn, w: string) => and(cmp(token, ops.ge, w), cmp(token, ops.lt, prefixEnd(w)));
  const t2 = sql.raw('t2.token');
  const after = q.after;
  return {
    first,
    where: and(
      begins(t.token, first),
      sql`not exists (select 1 from ${t.table} t2 where t2.clinician_id = ${t.clinicianId} and ${cmp(t2, ops.ge, first)} and ${cmp(t2, ops.lt, t.token)})`,
      ...rest.map((w) => sql`exists (select 1 from ${t.table} t3 where t3.clinician_id = ${c.id} and ${begins(sql.raw('t3.token'), w)})`),
      ...rowFilters(q, c),
      after ? and(cmp(t.token, ops.ge, after.name), or(cmp(t.token, ops.gt, after.name), and(eq(t.token, after.name), gt(t.clinicianId, after.id)))) : undefined,
    ),
  };
}
