import { asc, eq, getTableColumns, gt, inArray, sql } from 'drizzle-orm';
import { clinicianNameTokens as tokens, clinicians } from '../../db/pg/directory-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { directoryPageOf, tokenRowsOf, type DirectoryPage, type DirectoryPageQuery } from './clinician-tokens.js';
import { directoryListWhere, directorySearchWhere } from './directory-page-where.js';

type ClinicianRow = typeof clinicians.$inferSelect;

/** Replaces a clinician's name search tokens on PostgreSQL, as writeClinicianTokens (directory-search.ts) does on SQLite. */
export async function writeClinicianTokensPg(store: PgStore, row: ClinicianRow): Promise<void> {
  await writeTokensOfPg(store, [row]);
}

/** Several clinicians' tokens in two statements, as writeTokensOf (directory-search.ts) on SQLite. */
async function writeTokensOfPg(store: PgStore, rows: ClinicianRow[]): Promise<void> {
  if (rows.length === 0) return;
  await store.db().delete(tokens).where(inArray(tokens.clinicianId, rows.map((r) => r.id)));
  const values = tokenRowsOf(rows);
  if (values.length > 0) await store.db().insert(tokens).values(values).onConflictDoNothing();
}

const columns = { clinicians, tokens: { table: tokens, clinicianId: tokens.clinicianId, token: tokens.token } };

/**
 * directoryPage on PostgreSQL. Token comparisons and order are byte-wise (`~>=~`, `ORDER BY … USING ~<~`:
 * the text_pattern_ops index's own order) whatever the locale; the whole list goes by (display name,
 * id) in the database's collation, the order of clinicians_name_idx.
 */
export async function directoryPagePg(store: PgStore, q: DirectoryPageQuery): Promise<DirectoryPage<ClinicianRow>> {
  const db = store.db();
  const search = directorySearchWhere(q, columns, { ge: '~>=~', lt: '~<~', gt: '~>~' });
  if (!search) {
    const rows = await db.select().from(clinicians).where(directoryListWhere(q, clinicians)).orderBy(asc(clinicians.displayName), asc(clinicians.id)).limit(q.limit + 1);
    return directoryPageOf(rows, q.limit, (r) => r.displayName);
  }
  const rows = await db
    .select({ c: getTableColumns(clinicians), token: tokens.token })
    .from(tokens)
    .innerJoin(clinicians, eq(clinicians.id, tokens.clinicianId))
    .where(search.where)
    .orderBy(sql`${tokens.token} using ~<~`, asc(tokens.clinicianId))
    .limit(q.limit + 1);
  return directoryPageOf(rows.map((r) => ({ ...r.c, sortKey: r.token })), q.limit, (r) => r.sortKey, true);
}

/** One batch of the token backfill on PostgreSQL, as backfillClinicianTokens does on SQLite. */
export async function backfillClinicianTokensPg(store: PgStore, after: string | null, limit: number): Promise<string | null> {
  return store.transaction(async () => {
    // `id > ''` on the first batch too: a seek on the primary key, never a walk from its start.
    const rows = await store.db().select().from(clinicians).where(gt(clinicians.id, after ?? '')).orderBy(asc(clinicians.id)).limit(limit);
    await writeTokensOfPg(store, rows);
    return rows.length < limit ? null : rows[rows.length - 1]!.id;
  });
}
