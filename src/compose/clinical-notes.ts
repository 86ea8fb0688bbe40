import type { DbHandle } from '../db/client.js';
import { createApprovalRepository } from '../domain/approvals/approval-repository.js';
import type { ClinicalNormaliser } from '../domain/clinical/clinical-normaliser.js';
import { createGuidelineLinks } from '../domain/clinical/guidelines.js';
import { createCaseNotesRepository } from '../domain/notes/case-notes-repository.js';
import { createVoiceDraftsRepository } from '../domain/notes/voice-drafts-repository.js';
import type { FreeTextCipher } from '../domain/patients/free-text-cipher.js';

/**
 * The clinical layer's notes: the service's one HK normaliser (the medications module's; its lexicon
 * loads at the first use), the guideline links, case notes and kept voice notes (sealed with the free-text cipher).
 */
export function createClinicalNotes(deps: { dbh: DbHandle; texts: FreeTextCipher; normaliser: ClinicalNormaliser }) {
  const { dbh, texts } = deps;
  return {
    normaliser: deps.normaliser,
    guidelines: createGuidelineLinks(),
    notes: createCaseNotesRepository(dbh.db, dbh.store, texts),
    drafts: createVoiceDraftsRepository(dbh.db, dbh.store, texts),
    /** Open access requests on a case's documents, for its key points. */
    approvals: createApprovalRepository(dbh.db, dbh.store, texts),
  };
}

export type ClinicalNotes = ReturnType<typeof createClinicalNotes>;
