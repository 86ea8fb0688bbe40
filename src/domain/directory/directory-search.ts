import { asc, eq, getTableColumns, gt, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { directoryPageOf, tokenRowsOf, type DirectoryPage, type DirectoryPageQuery } from './clinician-tokens.js';
import { directoryListWhere, directorySearchWhere } from './directory-page-where.js';
import { clinicianNameTokens as tokens, clinicians } from './directory-tables.js';

type ClinicianRow = typeof clinicians.$inferSelect;

/** Replaces a clinician's name search tokens (insert, rename, import alike). */
export function writeClinicianTokens(db: Db, row: ClinicianRow): void {
  writeTokensOf(db, [row]);
}

/**
 * Replaces the tokens of several clinicians in two statements (one delete, one multi-row insert): a
 * backfill batch of 100 written one clinician at a time held the event loop ~30 ms at 10,000 clinicians.
 */
function writeTokensOf(db: Db, rows: ClinicianRow[]): void {
  if (rows.length === 0) return;
  db.delete(tokens).where(inArray(tokens.clinicianId, rows.map((r) => r.id))).run();
  const values = tokenRowsOf(rows);
  if (values.length > 0) db.insert(tokens).values(values).onConflictDoNothing().run();
}

const columns = { clinicians, tokens: { table: tokens, clinicianId: tokens.clinicianId, token: tokens.token } };

/**
 * One page of the directory: by display name then id (a seek on clinicians_name_idx past the cursor),
 * or for a search, a walk of the token index (directorySearchWhere). Reads `limit + 1` rows, never
 * the directory.
 */
export function directoryPage(db: Db, q: DirectoryPageQuery): DirectoryPage<ClinicianRow> {
  const search = directorySearchWhere(q, columns, { ge: '>=', lt: '<', gt: '>' });
  if (!search) {
    const rows = db.select().from(clinicians).where(directoryListWhere(q, clinicians)).orderBy(asc(clinicians.displayName), asc(clinicians.id)).limit(q.limit + 1).all();
    return directoryPageOf(rows, q.limit, (r) => r.displayName);
  }
  const rows = db
    .select({ c: getTableColumns(clinicians), token: tokens.token })
    .from(tokens)
    .innerJoin(clinicians, eq(clinicians.id, tokens.clinicianId))
    .where(search.where)
    .orderBy(asc(tokens.token), asc(tokens.clinicianId))
    .limit(q.limit + 1)
    .all();
  return directoryPageOf(rows.map((r) => ({ ...r.c, sortKey: r.token })), q.limit, (r) => r.sortKey, true);
}

/**
 * One batch of the token backfill after ready: the next `limit` clinicians by id after `after` (a walk
 * of the primary key), each given its tokens; answers the last id, or null when none are left.
 */
export function backfillClinicianTokens(db: Db, after: string | null, limit: number): string | null {
  return db.transaction((tx) => {
    // `id > ''` on the first batch too: a seek on the primary key, never a walk from its start.
    const rows = tx.select().from(clinicians).where(gt(clinicians.id, after ?? '')).orderBy(asc(clinicians.id)).limit(limit).all();
    writeTokensOf(tx as unknown as Db, rows);
    return rows.length < limit ? null : rows[rows.length - 1]!.id;
  });
}
