import { eq, sql } from 'drizzle-orm';
import { patientDataUpgrades } from './patients-tables.js';
import type { Db } from '../../db/client.js';
import { SEALED_PREFIX, type FreeTextCipher, type FreeTextColumn } from './free-text-cipher.js';

/**
 * The one query over all free-text columns (the start-up data migration); the per-table reads and
 * writes live in their own repositories.
 */

/** Each free-text column with the SQL expression of the row id its AAD is bound to. */
export const FREE_TEXT_COLUMNS: ReadonlyArray<[FreeTextColumn, string]> = [
  ['patient_consents.reference', 'id'],
  ['restricted_consents.reference', 'id'],
  ['access_request_steps.note', "request_id || ':' || step_index"],
  ['break_glass_reviews.reason', 'id'],
  ['break_glass_reviews.note', 'id'],
];

/** The row id the repositories bind an access request step's note to. */
export const stepRowId = (requestId: string, stepIndex: number) => `${requestId}:${stepIndex}`;

/**
 * The data migration for free text written before it was encrypted: seals every value that is not
 * sealed yet, in one transaction, at start (idempotent; a no-op once done). Returns how many values.
 * With secure_delete on, the plaintext does not survive in the file's free space.
 */
export function sealLegacyFreeText(db: Db, texts: FreeTextCipher): number {
  return db.transaction((tx) => {
    if (tx.select().from(patientDataUpgrades).where(eq(patientDataUpgrades.name, 'free_text_sealed')).get()) return 0;
    tx.insert(patientDataUpgrades).values({ name: 'free_text_sealed', doneAt: Date.now() }).run();
    let n = 0;
    for (const [column, idExpr] of FREE_TEXT_COLUMNS) {
      const [table, col] = column.split('.') as [string, string];
      const rows = tx.all<{ rowid: number; rid: string; v: string }>(
        sql`select rowid, ${sql.raw(idExpr)} as rid, ${sql.identifier(col)} as v from ${sql.identifier(table)}
            where ${sql.identifier(col)} is not null and substr(${sql.identifier(col)}, 1, ${SEALED_PREFIX.length}) <> ${SEALED_PREFIX}`,
      );
      for (const r of rows) {
        tx.run(sql`update ${sql.identifier(table)} set ${sql.identifier(col)} = ${texts.seal(column, r.rid, r.v)} where rowid = ${r.rowid}`);
        n++;
      }
    }
    return n;
  });
}
