import { and, asc, countDistinct, eq, gt, inArray, sql } from 'drizzle-orm';
import { patientDataUpgrades, patientNameTokens, patients } from '../../db/pg/patients-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { BackfillStep, NameIndexRepository } from './name-index-repository.js';
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

/** One batch of the backfill on PostgreSQL, as backfillNameTokensBatch (name-index-repository.ts) does on SQLite. */
export async function backfillNameTokensBatchPg(store: PgStore, tokensOf: (row: PatientRow) => string[], after: string | null, limit: number): Promise<BackfillStep> {
  return store.transaction(async () => {
    const rows = await store.db().select().from(patients).where(gt(patients.id, after ?? '')).orderBy(asc(patients.id)).limit(limit);
    const ids = rows.map((r) => r.id);
    const done = new Set(ids.length === 0 ? [] : (await store.db().selectDistinct({ id: patientNameTokens.patientId }).from(patientNameTokens).where(inArray(patientNameTokens.patientId, ids))).map((r) => r.id));
    let indexed = 0;
    for (const row of rows) {
      if (done.has(row.id)) continue;
      const hashes = tokensOf(row);
      if (hashes.length === 0) continue;
      await writeTokens(store, row.id, hashes);
      indexed++;
    }
    return { indexed, last: rows.length < limit ? null : rows[rows.length - 1]!.id };
  });
}

/** The whole backfill at once on PostgreSQL (tests), as backfillNameTokens does on SQLite. */
export async function backfillNameTokensPg(store: PgStore, tokensOf: (row: PatientRow) => string[]): Promise<number> {
  // Marked first: an instance starting meanwhile skips (one backfill per database).
  const marked = await store.db().insert(patientDataUpgrades).values({ name: 'name_tokens', doneAt: Date.now() }).onConflictDoNothing().returning();
  if (marked.length === 0) return 0;
  let n = 0;
  let after: string | null = null;
  do {
    const step = await backfillNameTokensBatchPg(store, tokensOf, after, 500);
    n += step.indexed;
    after = step.last;
  } while (after !== null);
  return n;
}
