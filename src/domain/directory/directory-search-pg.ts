import { asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { clinicianNameTokens as tokens, clinicians } from '../../db/pg/directory-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { clinicianTokens, directoryPageOf, prefixEnd, type DirectoryPage, type DirectoryPageQuery } from './clinician-tokens.js';
import { directoryPageWhere } from './directory-page-where.js';

type ClinicianRow = typeof clinicians.$inferSelect;

/** Replaces a clinician's name search tokens on PostgreSQL, as writeClinicianTokens (directory-search.ts) does on SQLite. */
export async function writeClinicianTokensPg(store: PgStore, row: ClinicianRow): Promise<void> {
  await store.db().delete(tokens).where(eq(tokens.clinicianId, row.id));
  const all = clinicianTokens(row);
  if (all.length > 0) await store.db().insert(tokens).values(all.map((token) => ({ clinicianId: row.id, token }))).onConflictDoNothing();
}

/**
 * directoryPage on PostgreSQL. Token ranges are byte-wise (`~>=~`, `~<~`, answered by the
 * text_pattern_ops index) whatever the locale; pages go by (display name, id) in the database's
 * collation, the order of clinicians_name_idx.
 */
export async function directoryPagePg(store: PgStore, q: DirectoryPageQuery): Promise<DirectoryPage<ClinicianRow>> {
  const db = store.db();
  const begins = (w: string): SQL => sql`${tokens.token} ~>=~ ${w} and ${tokens.token} ~<~ ${prefixEnd(w)}`;
  const rows = await db
    .select()
    .from(clinicians)
    .where(directoryPageWhere(q, { clinicians, tokens: { table: tokens, clinicianId: tokens.clinicianId, token: tokens.token } }, begins))
    .orderBy(asc(clinicians.displayName), asc(clinicians.id))
    .limit(q.limit + 1);
  return directoryPageOf(rows, q.limit);
}

/** One batch of the token backfill on PostgreSQL, as backfillClinicianTokens does on SQLite. */
export async function backfillClinicianTokensPg(store: PgStore, after: string | null, limit: number): Promise<string | null> {
  return store.transaction(async () => {
    const rows = await store.db().select().from(clinicians).where(after === null ? undefined : gt(clinicians.id, after)).orderBy(asc(clinicians.id)).limit(limit);
    for (const row of rows) await writeClinicianTokensPg(store, row);
    return rows.length < limit ? null : rows[rows.length - 1]!.id;
  });
}
