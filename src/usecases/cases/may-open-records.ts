import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { DocumentAccess } from '../../domain/sharing/document-access.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';

export interface MayOpenRecordsDeps {
  documents: Pick<DocumentRepository, 'pageByCase'>;
  access: Pick<DocumentAccess, 'previewView'>;
}

/**
 * Whether the policy would let the viewer open at least one of the case's live documents now (decided,
 * not recorded per document): the one rule for seeing who the patient is — the banner, and finding a
 * case by its patient.
 */
export async function mayOpenRecords(deps: MayOpenRecordsDeps, viewer: ClinicianRow, caseId: string): Promise<boolean> {
  // Newest first, a page at a time: the usual answer (yes) costs one page, never the whole case.
  let after: { at: number; id: string } | undefined;
  for (;;) {
    const page = await deps.documents.pageByCase(caseId, { limit: PAGE, after });
    for (const d of page) {
      if (d.status !== 'active') continue;
      if ((await deps.access.previewView(viewer, d.id)).decision.allowed) return true;
    }
    if (page.length < PAGE) return false;
    const last = page[page.length - 1]!;
    after = { at: last.createdAt, id: last.id };
  }
}

const PAGE = 50;
