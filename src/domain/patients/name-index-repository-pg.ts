import { countDistinct, eq, inArray, sql } from 'drizzle-orm';
import { patientDataUpgrades, patientNameTokens, patients } from '../../db/pg/patients-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { NameIndexRepository } from './name-index-repository.js';
import type { PatientRow } from './patients-repository.js';

/** The name-token blind index on PostgreSQL: the same port as name-index-repository.ts (hashes only). */
export function createPgNameIndexRepository(store: PgStore): NameIndexRepository {
  return {
    replace: (patientId, hashes) => writeTokens(store, patientId, hashes),
    async patientsWithAll(hashes) {
      const unique = [...new Set(hashes)];
      if (unique.length === 0) return [];
      const rows = await store
        .db()
        .select({ patientId: patientNameTokens.patientId })
        .from(patientNameTokens)
        .where(inArray(patientNameTokens.tokenHash, unique))
        .groupBy(patientNameTokens.patientId)
        .having(eq(countDistinct(patientNameTokens.tokenHash), unique.length));
      return rows.map((r) => r.patientId);
    },
  };
}

/**
 * Delete and insert in one transaction, with the patient's row locked first: two replaces of one
 * patient run one after the other (as on SQLite) instead of leaving the union of both lists.
 */
async function writeTokens(store: PgStore, patientId: string, hashes: readonly string[]): Promise<void> {
  await store.transaction(async () => {
    await store.db().select({ id: patients.id }).from(patients).where(eq(patients.id, patientId)).for('update');
    await store.db().delete(patientNameTokens).where(eq(patientNameTokens.patientId, patientId));
    const unique = [...new Set(hashes)];
    if (unique.length > 0) await store.db().insert(patientNameTokens).values(unique.map((tokenHash) => ({ patientId, tokenHash }))).onConflictDoNothing();
  });
}

/** The start-up backfill on PostgreSQL, as backfillNameTokens (name-index-repository.ts) does on SQLite. */
export async function backfillNameTokensPg(store: PgStore, tokensOf: (row: PatientRow) => string[]): Promise<number> {
  return store.transaction(async () => {
    // Marked first: an instance starting meanwhile waits on the row, then skips (one backfill per database).
    const marked = await store.db().insert(patientDataUpgrades).values({ name: 'name_tokens', doneAt: Date.now() }).onConflictDoNothing().returning();
    if (marked.length === 0) return 0;
    const rows = await store
      .db()
      .select()
      .from(patients)
      .where(sql`not exists (select 1 from ${patientNameTokens} where ${patientNameTokens.patientId} = ${patients.id})`);
    let n = 0;
    for (const row of rows) {
      const hashes = tokensOf(row);
      if (hashes.length === 0) continue;
      await writeTokens(store, row.id, hashes);
      n++;
    }
    return n;
  });
}
