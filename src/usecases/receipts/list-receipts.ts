import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { EscalationStepRow } from '../../domain/escalation/escalation-repository.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import type { DocumentReceipts, ReceiptService } from '../../domain/sharing/receipts.js';
import { DomainError } from '../../shared/errors.js';

export interface ListReceiptsDeps {
  queries: Pick<CaseQueries, 'teamRoleNow' | 'teamOf'>;
  receipts: Pick<ReceiptService, 'receiptsForCase'>;
  /** Unread escalation of urgent items: its steps show next to each document. */
  escalation: Pick<EscalationService, 'stepsFor'>;
}

/** One document's receipts and its escalation steps (oldest first). */
export type DocumentReceiptsWithSteps = DocumentReceipts & { steps: EscalationStepRow[] };

/**
 * Who has opened which of the case's documents and who has not yet, for a current member of the care
 * team (others: `access.denied`). Everyone on the team but a document's author is expected to open it.
 * Ids only; the adapter names the people.
 */
export async function listCaseReceipts(deps: ListReceiptsDeps, viewerId: string, caseRow: Pick<CaseRow, 'id'>): Promise<DocumentReceiptsWithSteps[]> {
  if (!(await deps.queries.teamRoleNow(caseRow.id, viewerId))) throw new DomainError('access.denied');
  const team = (await deps.queries.teamOf(caseRow.id)).map((m) => m.clinicianId);
  const docs = await deps.receipts.receiptsForCase(caseRow.id, (d) => team.filter((id) => id !== d.authorId));
  if (docs.length === 0) return [];
  const steps = await deps.escalation.stepsFor(docs.map((d) => d.documentId));
  return docs.map((d) => ({ ...d, steps: steps.filter((st) => st.itemId === d.documentId) }));
}
