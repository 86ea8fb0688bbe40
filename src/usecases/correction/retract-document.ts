import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CaseRow, CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import type { DocumentRepository, DocumentRow } from '../../domain/sharing/document-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import type { Transaction } from '../../shared/transactions.js';

/** What the team is told when a document is retracted: codes and people only, never the patient. */
export interface RetractionNotice {
  /** The retracted document's id (for idempotent delivery; never shown). */
  documentId: string;
  caseCode: string;
  /** When the retracted document was shared (the team tells documents apart by time and sharer). */
  sharedAt: number;
  sharer: ClinicianRow;
  by: ClinicianRow;
  /** Team members (other than the one retracting) told 1:1. */
  recipientIds: string[];
  /** Groups bound to the case, told once each. */
  conversationIds: string[];
  /** Set when the document was re-filed at once: the right case's code. */
  refiledTo?: string;
}

export interface RetractionNotices {
  retracted(notice: RetractionNotice): Promise<void>;
}

export interface RetractDeps {
  documents: Pick<DocumentRepository, 'find' | 'markRetracted'>;
  casesRepo: Pick<CasesRepository, 'caseById' | 'groupsOfCase'>;
  cases: Pick<CaseQueries, 'teamRoleNow' | 'teamOf'>;
  directory: { findById(id: string): Promise<ClinicianRow | undefined> };
  transaction: Transaction;
  audit: AuditSink;
  notices: RetractionNotices;
  /** Reminders and escalations about the retracted document stop. */
  escalation: Pick<EscalationService, 'cancel'>;
}

/** The document and its case, for the sharer or the case's attending now; anyone else gets access.denied (audited). */
export async function documentForCorrection(deps: Pick<RetractDeps, 'documents' | 'casesRepo' | 'cases' | 'audit'>, actor: ClinicianRow, documentId: string): Promise<{ doc: DocumentRow; caseRow: CaseRow }> {
  const doc = await deps.documents.find(documentId);
  if (!doc || doc.kind !== 'report') throw new DomainError('document.not_found');
  const caseRow = await deps.casesRepo.caseById(doc.caseId);
  if (!caseRow) throw new DomainError('document.not_found');
  const mayCorrect = doc.authorId === actor.id || (await deps.cases.teamRoleNow(caseRow.id, actor.id)) === 'attending';
  if (!mayCorrect || !actor.verified || actor.suspended) {
    deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.documentRetracted, target: doc.id, outcome: 'denied', reason: 'not_sharer_or_attending' });
    throw new DomainError('access.denied');
  }
  return { doc, caseRow };
}

/**
 * Retracts a document shared to the wrong case — its sharer or the case's attending only. Views end
 * at once (the document is no longer active, so every view token is refused: the policy is asked
 * again on each view); receipts and audit entries stay; the team and the case's groups are told
 * with codes only. The bytes stay in the vault so the document can be re-filed (refile-document.ts).
 */
export async function retractDocument(deps: RetractDeps, actor: ClinicianRow, documentId: string, opts: { refiledTo?: string } = {}): Promise<{ documentId: string; caseCode: string }> {
  const { doc, caseRow } = await documentForCorrection(deps, actor, documentId);
  await deps.transaction(async () => {
    if (!(await deps.documents.markRetracted(doc.id))) throw new DomainError('document.already_retracted');
    deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.documentRetracted, target: doc.id, outcome: 'success', reason: caseRow.code.toLowerCase() }, { now: true });
  });
  await deps.escalation.cancel(doc.id, 'item_closed');
  const sharer = doc.authorId === actor.id ? actor : await deps.directory.findById(doc.authorId);
  const recipientIds = (await deps.cases.teamOf(caseRow.id)).map((m) => m.clinicianId).filter((id) => id !== actor.id);
  const conversationIds = (await deps.casesRepo.groupsOfCase(caseRow.id)).map((g) => g.conversationId);
  await deps.notices.retracted({ documentId: doc.id, caseCode: caseRow.code, sharedAt: doc.createdAt, sharer: sharer ?? actor, by: actor, recipientIds, conversationIds, refiledTo: opts.refiledTo });
  return { documentId: doc.id, caseCode: caseRow.code };
}

/** What the document screen may offer: retract / re-file for the sharer or the attending; writes nothing. */
export async function correctionOptions(
  deps: Pick<RetractDeps, 'documents' | 'casesRepo' | 'cases'>,
  actor: ClinicianRow,
  documentId: string,
): Promise<{ mayCorrect: boolean; status: DocumentRow['status'] | null; caseCode: string | null }> {
  const doc = await deps.documents.find(documentId);
  const caseRow = doc && doc.kind === 'report' ? await deps.casesRepo.caseById(doc.caseId) : undefined;
  if (!doc || !caseRow) return { mayCorrect: false, status: null, caseCode: null };
  const may = actor.verified && !actor.suspended && (doc.authorId === actor.id || (await deps.cases.teamRoleNow(caseRow.id, actor.id)) === 'attending');
  return may ? { mayCorrect: true, status: doc.status, caseCode: caseRow.code } : { mayCorrect: false, status: null, caseCode: null };
}
