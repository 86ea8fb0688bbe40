import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import type { CaseNoteKind, CaseNoteSource } from './notes-tables.js';

/** What a note holds once opened: its text; a problem also its lexicon entry id (e.g. `dx.atrial-fibrillation`). */
export interface CaseNoteBody {
  text: string;
  entry?: string;
}

/** A case note or confirmed problem, opened. */
export interface CaseNote {
  id: string;
  caseId: string;
  kind: CaseNoteKind;
  source: CaseNoteSource;
  body: CaseNoteBody;
  createdAt: number;
  createdBy: string;
}

/** The stored row: the body sealed, bound to the row id. */
export interface CaseNoteRecord extends Omit<CaseNote, 'body'> {
  body: string;
}

export function sealNote(texts: FreeTextCipher, note: CaseNote): CaseNoteRecord {
  return { ...note, body: texts.seal('case_notes.body', note.id, JSON.stringify(note.body)) };
}

export function openNote(texts: FreeTextCipher, row: CaseNoteRecord): CaseNote {
  return { ...row, body: JSON.parse(texts.open('case_notes.body', row.id, row.body)) as CaseNoteBody };
}

/** The case notes port (SQLite: case-notes-repository.ts, PostgreSQL: case-notes-repository-pg.ts). */
export interface CaseNotesRepository {
  add(note: CaseNote): Promise<void>;
  /** A case's notes of one kind, oldest first. */
  listByCase(caseId: string, kind: CaseNoteKind): Promise<CaseNote[]>;
}
