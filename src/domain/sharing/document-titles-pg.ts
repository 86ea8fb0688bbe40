import { eq, inArray } from 'drizzle-orm';
import type { PgStore } from '../../db/pg/pg-store.js';
import { documents } from '../../db/pg/sharing-tables.js';
import { openOrNull, sealOrNull, type FreeTextCipher } from '../patients/free-text-cipher.js';
import type { DocumentTitles } from './document-titles.js';

const FIELD = 'documents.title';

/** document-titles.ts on PostgreSQL: the same sealed title, bound to the document id; no SQL differs. */
export function createPgDocumentTitles(store: PgStore, texts: FreeTextCipher): DocumentTitles {
  return {
    async set(documentId, title) {
      const r = await store.db().update(documents).set({ title: sealOrNull(texts, FIELD, documentId, title) }).where(eq(documents.id, documentId));
      return (r.rowCount ?? 0) > 0;
    },
    async get(documentId) {
      const [row] = await store.db().select({ title: documents.title }).from(documents).where(eq(documents.id, documentId));
      return row ? openOrNull(texts, FIELD, documentId, row.title) : null;
    },
    async ofCase(caseId) {
      const rows = await store.db().select({ id: documents.id, title: documents.title }).from(documents).where(eq(documents.caseId, caseId));
      return new Map(rows.map((r) => [r.id, openOrNull(texts, FIELD, r.id, r.title)]));
    },
    async ofDocuments(ids) {
      const rows = ids.length ? await store.db().select({ id: documents.id, title: documents.title }).from(documents).where(inArray(documents.id, [...ids])) : [];
      return new Map(rows.map((r) => [r.id, openOrNull(texts, FIELD, r.id, r.title)]));
    },
  };
}
