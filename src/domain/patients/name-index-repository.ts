import { eq, inArray, sql } from 'drizzle-orm';
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

/**
 * The start-up backfill: every patient without index rows (created before the index existed) gets
 * them, in one transaction; idempotent, a no-op once done (a patient with no name has no tokens and
 * is looked at again, cheaply). `tokensOf` decrypts the row's names and hashes their tokens.
 */
export function backfillNameTokens(db: Db, tokensOf: (row: typeof patients.$inferSelect) => string[]): number {
  return db.transaction((tx) => {
    if (tx.select().from(patientDataUpgrades).where(eq(patientDataUpgrades.name, 'name_tokens')).get()) return 0;
    tx.insert(patientDataUpgrades).values({ name: 'name_tokens', doneAt: Date.now() }).run();
    const rows = tx
      .select()
      .from(patients)
      .where(sql`not exists (select 1 from ${patientNameTokens} where ${patientNameTokens.patientId} = ${patients.id})`)
      .all();
    let n = 0;
    for (const row of rows) {
      const hashes = tokensOf(row);
      if (hashes.length === 0) continue;
      writeTokens(tx as unknown as Db, row.id, hashes);
      n++;
    }
    return n;
  });
}
