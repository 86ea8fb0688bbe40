import { index, pgTable, text } from 'drizzle-orm/pg-core';
import type { CaseNoteKind, CaseNoteSource } from '../../domain/notes/notes-tables.js';
import { ms } from './pg-columns.js';

/** PostgreSQL twin of src/domain/notes/notes-tables.ts. */
export const caseNotes = pgTable(
  'case_notes',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    kind: text().$type<CaseNoteKind>().notNull(),
    source: text().$type<CaseNoteSource>().notNull(),
    body: text().notNull(),
    createdAt: ms().notNull(),
    createdBy: text().notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.kind)],
);

export const voiceDrafts = pgTable(
  'voice_drafts',
  {
    id: text().primaryKey(),
    clinicianId: text().notNull(),
    payload: text().notNull(),
    createdAt: ms().notNull(),
    expiresAt: ms().notNull(),
  },
  (t) => [index('voice_drafts_expiry_idx').on(t.expiresAt)],
);
