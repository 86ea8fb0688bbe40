import { sql } from 'drizzle-orm';
import { patientDataUpgrades } from '../../db/pg/patients-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import { SEALED_PREFIX, type FreeTextCipher } from './free-text-cipher.js';
import { FREE_TEXT_COLUMNS } from './free-text-repository.js';

/**
 * sealLegacyFreeText (free-text-repository.ts) on PostgreSQL: seals every free-text value not sealed
 * yet, in one transaction (idempotent). What differs in SQL: SQLite finds the row again by rowid;
 * here by the row id expression itself, and only while the value is still unsealed, so two instances
 * starting together never seal a value twice. Returns how many values this call sealed.
 */
export async function sealLegacyFreeTextPg(store: PgStore, texts: FreeTextCipher): Promise<number> {
  return store.transaction(async () => {
    // Marked first: an instance starting meanwhile waits on the row, then skips (one pass per database).
    const marked = await store.db().insert(patientDataUpgrades).values({ name: 'free_text_sealed', doneAt: Date.now() }).onConflictDoNothing().returning();
    if (marked.length === 0) return 0;
    let n = 0;
    for (const [column, idExpr] of FREE_TEXT_COLUMNS) {
      const [table, col] = column.split('.') as [string, string];
      const value = sql.identifier(col);
      const unsealed = sql`${value} is not null and substr(${value}, 1, ${SEALED_PREFIX.length}) <> ${SEALED_PREFIX}`;
      const { rows } = await store.db().execute<{ rid: string; v: string }>(sql`select ${sql.raw(idExpr)} as rid, ${value} as v from ${sql.identifier(table)} where ${unsealed}`);
      for (const r of rows) {
        const res = await store
          .db()
          .execute(sql`update ${sql.identifier(table)} set ${value} = ${texts.seal(column, r.rid, r.v)} where ${sql.raw(idExpr)} = ${r.rid} and ${unsealed}`);
        n += res.rowCount ?? 0;
      }
    }
    return n;
  });
}
