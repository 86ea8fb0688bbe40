import type { ClinicalNormaliser } from '../domain/clinical/clinical-normaliser.js';
import { createGuidelineLinks } from '../domain/clinical/guidelines.js';
import type { SealedRepositories } from './repositories.js';

/**
 * The clinical layer's notes: the service's one HK normaliser (the medications module's; its lexicon
 * loads at the first use), the guideline links, case notes and kept voice notes (sealed with the
 * free-text cipher), and the access requests a case's key points list as open.
 */
export function createClinicalNotes(deps: { sealed: Pick<SealedRepositories, 'caseNotes' | 'voiceDrafts' | 'approvals'>; normaliser: ClinicalNormaliser }) {
  return {
    normaliser: deps.normaliser,
    guidelines: createGuidelineLinks(),
    notes: deps.sealed.caseNotes,
    drafts: deps.sealed.voiceDrafts,
    approvals: deps.sealed.approvals,
  };
}

export type ClinicalNotes = ReturnType<typeof createClinicalNotes>;
