import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { DocumentAccess } from '../../domain/sharing/document-access.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';

export interface MayOpenRecordsDeps {
  documents: Pick<DocumentRepository, 'listByCase'>;
  access: Pick<DocumentAccess, 'previewView'>;
}

/**
 * Whether the policy would let the viewer open at least one of the case's live documents now (decided,
 * not recorded per document): the one rule for seeing who the patient is — the banner, and finding a
 * case by its patient.
 */
export async function mayOpenRecords(deps: MayOpenRecordsDeps, viewer: ClinicianRow, caseId: string): Promise<boolean> {
  for (const d of await deps.documents.listByCase(caseId)) {
    if (d.status !== 'active') continue;
    if ((await deps.access.previewView(viewer, d.id)).decision.allowed) return true;
  }
  return false;
}
