import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SqliteStore } from '../../db/store.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import { openNote, sealNote, type CaseNote, type CaseNotesRepository } from './case-note.js';
import { caseNotes, type CaseNoteKind } from './notes-tables.js';

/** Case notes and confirmed problems on SQLite, sealed at rest. */
export function createCaseNotesRepository(db: Db, store: SqliteStore, texts: FreeTextCipher): CaseNotesRepository {
  return store.wrap({
    add(note: CaseNote): void {
      db.insert(caseNotes).values(sealNote(texts, note)).run();
    },
    listByCase(caseId: string, kind: CaseNoteKind): CaseNote[] {
      return db
        .select()
        .from(caseNotes)
        .where(and(eq(caseNotes.caseId, caseId), eq(caseNotes.kind, kind)))
        .orderBy(asc(caseNotes.createdAt), asc(caseNotes.id))
        .all()
        .map((r) => openNote(texts, r));
    },
  });
}
