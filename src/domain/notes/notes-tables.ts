import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A free-text note on a case, or a problem a clinician confirmed (issue 13 items 4 and 5). */
export type CaseNoteKind = 'note' | 'problem';
/** Where it came from: typed on a screen, a confirmed voice note, or a suggestion from the notes scan. */
export type CaseNoteSource = 'clinician' | 'voice' | 'suggestion' | 'form';

/**
 * Case notes and confirmed problems. Only ids, kind and times are in the clear; the content (the note's
 * text, or a problem's lexicon entry id and the words it was confirmed from) is sealed with the
 * free-text cipher (`case_notes.body`, bound to the row id), so a diagnosis is never readable at rest.
 */
export const caseNotes = sqliteTable(
  'case_notes',
  {
    id: text().primaryKey(),
    caseId: text().notNull(),
    kind: text().$type<CaseNoteKind>().notNull(),
    source: text().$type<CaseNoteSource>().notNull(),
    body: text().notNull(),
    createdAt: integer().notNull(),
    createdBy: text().notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.kind)],
);

/**
 * A voice note waiting for its sender to confirm it on the mini-app page: the transcript and the terms
 * matched in it, sealed (`voice_drafts.payload`), for a short time only. Read by its sender alone;
 * removed when saved, and expired ones are removed whenever a new one is kept.
 */
export const voiceDrafts = sqliteTable(
  'voice_drafts',
  {
    id: text().primaryKey(),
    clinicianId: text().notNull(),
    payload: text().notNull(),
    createdAt: integer().notNull(),
    expiresAt: integer().notNull(),
  },
  (t) => [index('voice_drafts_expiry_idx').on(t.expiresAt)],
);
