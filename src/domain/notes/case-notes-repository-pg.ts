import { and, asc, eq } from 'drizzle-orm';
import { caseNotes } from '../../db/pg/notes-tables.js';
import type { PgStore } from '../../db/pg/pg-store.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import { openNote, sealNote, type CaseNotesRepository } from './case-note.js';

/** Case notes and confirmed problems on PostgreSQL: the same port as case-notes-repository.ts. */
export function createPgCaseNotesRepository(store: PgStore, texts: FreeTextCipher): CaseNotesRepository {
  const db = () => store.db();
  return {
    async add(note) {
      await db().insert(caseNotes).values(sealNote(texts, note));
    },
    async listByCase(caseId, kind) {
      const rows = await db()
        .select()
        .from(caseNotes)
        .where(and(eq(caseNotes.caseId, caseId), eq(caseNotes.kind, kind)))
        .orderBy(asc(caseNotes.createdAt), asc(caseNotes.id));
      return rows.map((r) => openNote(texts, r));
    },
  };
}
