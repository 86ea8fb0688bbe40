import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { patientDataUpgrades, patientNameTokens, patients } from './patients-tables.js';

/** Named queries over the name-token blind index (hashes only; every method answers with a Promise). */
export function createNameIndexRepository(db: Db, store: SqliteStore) {
  return store.wrap(nameIndexStatements(db));
}

export type NameIndexRepository = ReturnType<typeof createNameIndexRepository>;

function nameIndexStatements(db: Db) {
  return {
    /** Replaces a patient's token hashes (create and update alike). */
    replace(patientId: string, hashes: readonly string[]): void {
      writeTokens(db, patientId, hashes);
    },
    /** Patients holding every one of the hashes (an empty list matches nobody). */
    patientsWithAll(hashes: readonly string[]): string[] {
      const unique = [...new Set(hashes)];
      if (unique.length === 0) return [];
      return db
        .select({ patientId: patientNameTokens.patientId })
        .from(patientNameTokens)
        .where(inArray(patientNameTokens.tokenHash, unique))
        .groupBy(patientNameTokens.patientId)
        .having(sql`count(distinct ${patientNameTokens.tokenHash}) = ${unique.length}`)
        .all()
        .map((r) => r.patientId);
    },
  };
}

function writeTokens(db: Db, patientId: string, hashes: readonly string[]): void {
  db.delete(patientNameTokens).where(eq(patientNameTokens.patientId, patientId)).run();
  const unique = [...new Set(hashes)];
  if (unique.length > 0) db.insert(patientNameTokens).values(unique.map((tokenHash) => ({ patientId, tokenHash }))).onConflictDoNothing().run();
}

/** One step of the backfill: what it indexed, and the last patient id it looked at (null: none left). */
export interface BackfillStep {
  indexed: number;
  last: string | null;
}

/**
 * One batch of the backfill after the service is ready: the next `limit` patients by id after `after`
 * (a bounded walk of the primary key: `id > ''` on the first batch); those without index rows get them.
 * Which of them have rows is a second lookup by id, not a filter: filtering would walk every indexed
 * patient to fill a batch (the whole table once the index is nearly complete). `tokensOf` decrypts the
 * row's names and hashes their tokens; a patient with no name has no tokens and stays without rows.
 */
export function backfillNameTokensBatch(db: Db, tokensOf: (row: typeof patients.$inferSelect) => string[], after: string | null, limit: number): BackfillStep {
  return db.transaction((tx) => {
    const rows = tx
      .select()
      .from(patients)
      .where(gt(patients.id, after ?? ''))
      .orderBy(asc(patients.id))
      .limit(limit)
      .all();
    const ids = rows.map((r) => r.id);
    const done = new Set(ids.length === 0 ? [] : (tx.selectDistinct({ id: patientNameTokens.patientId }).from(patientNameTokens).where(inArray(patientNameTokens.patientId, ids)).all()).map((r) => r.id));
    let indexed = 0;
    for (const row of rows) {
      if (done.has(row.id)) continue;
      const hashes = tokensOf(row);
      if (hashes.length === 0) continue;
      writeTokens(tx as unknown as Db, row.id, hashes);
      indexed++;
    }
    return { indexed, last: rows.length < limit ? null : rows[rows.length - 1]!.id };
  });
}

/** The whole backfill at once (tests and small databases): every patient without index rows gets them. */
export function backfillNameTokens(db: Db, tokensOf: (row: typeof patients.$inferSelect) => string[]): number {
  if (db.select().from(patientDataUpgrades).where(eq(patientDataUpgrades.name, 'name_tokens')).get()) return 0;
  db.insert(patientDataUpgrades).values({ name: 'name_tokens', doneAt: Date.now() }).run();
  let n = 0;
  let after: string | null = null;
  do {
    const step = backfillNameTokensBatch(db, tokensOf, after, 500);
    n += step.indexed;
    after = step.last;
  } while (after !== null);
  return n;
}
