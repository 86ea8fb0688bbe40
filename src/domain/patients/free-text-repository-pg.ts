import { eq, sql } from 'drizzle-orm';
import { patientDataUpgrades } from '../../db/pg/patients-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { SEALED_PREFIX } from './free-text-cipher.js';
import { isUnsealed, nextSealCursor, readSealCursor, sealBatchQuery, type FreeTextSealing } from './free-text-repository.js';

/**
 * The free-text sealing (free-text-repository.ts) on PostgreSQL. What differs in SQL: each update
 * applies only while the value is still unsealed, so two instances walking at once never seal a value
 * twice.
 */
export function createPgFreeTextSealing(store: PgStore): FreeTextSealing {
  const db = () => store.db();
  return {
    sealBatch: (texts, cursor, limit) =>
      store.transaction(async () => {
        if (cursor === null) {
          const done = await db().select().from(patientDataUpgrades).where(eq(patientDataUpgrades.name, 'free_text_sealed'));
          if (done.length > 0) return { next: null, sealed: 0 };
        }
        const c = readSealCursor(cursor);
        const q = sealBatchQuery(c, limit);
        const { rows } = await db().execute<Record<string, string | number> & { rid: string; v: string | null }>(q.select);
        const value = sql.identifier(q.col);
        let sealed = 0;
        for (const r of rows) {
          if (!isUnsealed(r.v)) continue;
          const where = sql.join(q.keys.map((k) => sql`${sql.identifier(k)} = ${r[k]}`), sql` and `);
          const res = await db().execute(
            sql`update ${sql.identifier(q.table)} set ${value} = ${texts.seal(q.column, String(r.rid), r.v)} where ${where} and substr(${value}, 1, ${SEALED_PREFIX.length}) <> ${SEALED_PREFIX}`,
          );
          sealed += res.rowCount ?? 0;
        }
        const last = rows.at(-1);
        const next = nextSealCursor(c, rows.length, limit, last ? q.keys.map((k) => last[k]!) : undefined);
        if (next === null) await db().insert(patientDataUpgrades).values({ name: 'free_text_sealed', doneAt: Date.now() }).onConflictDoNothing();
        return { next, sealed };
      }),
  };
}
