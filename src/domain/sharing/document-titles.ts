import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import { openOrNull, sealOrNull, type FreeTextCipher } from '../patients/free-text-cipher.js';
import { documents } from './sharing-tables.js';

const FIELD = 'documents.title';

/**
 * A document's optional title: free text that may name the patient, so it is sealed at rest with the
 * free-text cipher (bound to the document id) and read back only for the mini-app's screens.
 */
export function createDocumentTitles(db: Db, store: SqliteStore, texts: FreeTextCipher) {
  return store.wrap({
    set(documentId: string, title: string | null): boolean {
      return db.update(documents).set({ title: sealOrNull(texts, FIELD, documentId, title) }).where(eq(documents.id, documentId)).run().changes > 0;
    },
    get(documentId: string): string | null {
      const row = db.select({ title: documents.title }).from(documents).where(eq(documents.id, documentId)).get();
      return row ? openOrNull(texts, FIELD, documentId, row.title) : null;
    },
    /** Every document's title on a case, in one query (a case screen lists them all). */
    ofCase(caseId: string): Map<string, string | null> {
      const rows = db.select({ id: documents.id, title: documents.title }).from(documents).where(eq(documents.caseId, caseId)).all();
      return new Map(rows.map((r) => [r.id, openOrNull(texts, FIELD, r.id, r.title)]));
    },
    /** These documents' titles (a page of a case screen), in one query. */
    ofDocuments(ids: readonly string[]): Map<string, string | null> {
      const rows = ids.length ? db.select({ id: documents.id, title: documents.title }).from(documents).where(inArray(documents.id, [...ids])).all() : [];
      return new Map(rows.map((r) => [r.id, openOrNull(texts, FIELD, r.id, r.title)]));
    },
  });
}

export type DocumentTitles = ReturnType<typeof createDocumentTitles>;
