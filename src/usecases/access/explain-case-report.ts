import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { DocumentAccess, ViewDecision } from '../../domain/sharing/document-access.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';
import { latestReport } from '../sharing/latest-report.js';

/**
 * Whether the clinician may open the case's newest report now, and by which rule: the view decision
 * (recorded and audited as their access decision, like an attempt to open), for the adapter to explain
 * in words. `insider` says whether the explanation may name facts about the patient.
 * Throws `document.not_found` when the case has no active report.
 */
export async function explainCaseReport(
  deps: { documents: Pick<DocumentRepository, 'listByCase'>; access: Pick<DocumentAccess, 'decideView'> },
  clinician: ClinicianRow,
  caseId: string,
): Promise<ViewDecision> {
  const doc = await latestReport(deps, caseId);
  return deps.access.decideView(clinician, doc.id);
}
