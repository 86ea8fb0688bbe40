import { eq, sql, type SQL } from 'drizzle-orm';
import { patientDataUpgrades } from './patients-tables.js';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { SEALED_PREFIX, type FreeTextCipher, type FreeTextColumn } from './free-text-cipher.js';

/**
 * The one query over all free-text columns (the data migration after ready); the per-table reads and
 * writes live in their own repositories.
 */

/** Each free-text column, the SQL expression of the row id its AAD is bound to, and the table's key (walk order). */
export const FREE_TEXT_COLUMNS: ReadonlyArray<[FreeTextColumn, string, readonly string[]]> = [
  ['patient_consents.reference', 'id', ['id']],
  ['restricted_consents.reference', 'id', ['id']],
  ['access_request_steps.note', "request_id || ':' || step_index", ['request_id', 'step_index']],
  ['break_glass_reviews.reason', 'id', ['id']],
  ['break_glass_reviews.note', 'id', ['id']],
];

/** The row id the repositories bind an access request step's note to. */
export const stepRowId = (requestId: string, stepIndex: number) => `${requestId}:${stepIndex}`;

/** Where the sealing stands: the column's index in FREE_TEXT_COLUMNS and the last key walked (none: its start). */
export interface SealCursor {
  column: number;
  after: (string | number)[] | null;
}
export const readSealCursor = (cursor: string | null): SealCursor => (cursor === null ? { column: 0, after: null } : (JSON.parse(cursor) as SealCursor));

/** One batch's rows: at most `limit` rows of the cursor's column past its last key, sealed or not (a bounded walk, never a search). */
export function sealBatchQuery(c: SealCursor, limit: number): { select: SQL; table: string; col: string; column: FreeTextColumn; idExpr: string; keys: readonly string[] } {
  const [column, idExpr, keys] = FREE_TEXT_COLUMNS[c.column]!;
  const [table, col] = column.split('.') as [string, string];
  const keyList = sql.join(keys.map((k) => sql.identifier(k)), sql`, `);
  const past = c.after ? sql`where (${keyList}) > (${sql.join(c.after.map((v) => sql`${v}`), sql`, `)})` : sql``;
  const select = sql`select ${keyList}, ${sql.raw(idExpr)} as rid, ${sql.identifier(col)} as v from ${sql.identifier(table)} ${past} order by ${keyList} limit ${limit}`;
  return { select, table, col, column, idExpr, keys };
}

/** The cursor after a batch of `n` rows whose last key is `last` (null: every column walked). */
export function nextSealCursor(c: SealCursor, n: number, limit: number, last: (string | number)[] | undefined): string | null {
  if (n >= limit && last) return JSON.stringify({ column: c.column, after: last } satisfies SealCursor);
  return c.column + 1 < FREE_TEXT_COLUMNS.length ? JSON.stringify({ column: c.column + 1, after: null } satisfies SealCursor) : null;
}

export const isUnsealed = (v: string | null): v is string => v !== null && !v.startsWith(SEALED_PREFIX);

/**
 * The data migration for free text written before it was encrypted, run after ready as a background
 * job: one batch walks at most `limit` rows of one column in key order and seals the values not
 * sealed yet (idempotent: a sealed value is left alone). The first batch of a database already marked
 * `free_text_sealed` ends at once; the last batch sets the mark. With secure_delete on, the plaintext
 * does not survive in the file's free space.
 */
export function createFreeTextSealing(db: Db, store: SqliteStore) {
  return store.wrap({
    sealBatch(texts: FreeTextCipher, cursor: string | null, limit: number): { next: string | null; sealed: number } {
      return db.transaction((tx) => {
        if (cursor === null && tx.select().from(patientDataUpgrades).where(eq(patientDataUpgrades.name, 'free_text_sealed')).get()) return { next: null, sealed: 0 };
        const c = readSealCursor(cursor);
        const q = sealBatchQuery(c, limit);
        const rows = tx.all<Record<string, string | number> & { rid: string; v: string | null }>(q.select);
        let sealed = 0;
        for (const r of rows) {
          if (!isUnsealed(r.v)) continue;
          const where = sql.join(q.keys.map((k) => sql`${sql.identifier(k)} = ${r[k]}`), sql` and `);
          tx.run(sql`update ${sql.identifier(q.table)} set ${sql.identifier(q.col)} = ${texts.seal(q.column, String(r.rid), r.v)} where ${where}`);
          sealed++;
        }
        const next = nextSealCursor(c, rows.length, limit, rows.length ? q.keys.map((k) => rows.at(-1)![k]!) : undefined);
        if (next === null) tx.insert(patientDataUpgrades).values({ name: 'free_text_sealed', doneAt: Date.now() }).onConflictDoNothing().run();
        return { next, sealed };
      });
    },
  });
}

export type FreeTextSealing = ReturnType<typeof createFreeTextSealing>;

/** Every batch at once (tests, the bench's seeding): how many values were sealed. */
export async function sealAllFreeText(sealing: FreeTextSealing, texts: FreeTextCipher, limit = 500): Promise<number> {
  let total = 0;
  for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
    const { next, sealed } = await sealing.sealBatch(texts, cursor, limit);
    total += sealed;
    cursor = next;
  }
  return total;
}
