import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import type { Vault } from '../../domain/vault/vault-service.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import { shareReport, type ShareReportDeps } from '../sharing/share-report.js';
import { documentForCorrection, retractDocument, type RetractDeps } from './retract-document.js';

type Shared = 'cases' | 'casesRepo' | 'escalation' | 'vault';
export interface RefileDeps extends Omit<RetractDeps, Shared>, Omit<ShareReportDeps, Shared> {
  vault: Pick<Vault, 'store' | 'open'>;
  escalation: Pick<EscalationService, 'cancel' | 'track'>;
  cases: Pick<CaseQueries, 'teamRoleNow' | 'teamOf' | 'findCase'>;
  casesRepo: Pick<CasesRepository, 'caseById' | 'groupsOfCase'>;
}

export interface Refiled {
  /** The new document, in the right case. */
  documentId: string;
  caseCode: string;
  fromDocumentId: string;
  fromCaseCode: string;
}

/**
 * Re-files a document shared to the wrong case: the sharer or the wrong case's attending names the
 * right case; a still-active document is retracted first (views end, the team told). The bytes are
 * shared again into the right case as a new document through the normal sharing path — the `share`
 * rule for this clinician on that case, its cards, receipts and escalation — so nothing skips the
 * target case's rules. Audited with both case codes.
 */
export async function refileDocument(deps: RefileDeps, actor: ClinicianRow, documentId: string, targetCode: string): Promise<Refiled> {
  const { doc, caseRow: from } = await documentForCorrection(deps, actor, documentId);
  const target = await deps.cases.findCase(targetCode);
  if (target.id === from.id) throw new DomainError('refile.same_case');
  if (doc.status === 'destroyed') throw new DomainError('burned');
  if (doc.status === 'active') await retractDocument(deps, actor, doc.id, { refiledTo: target.code });
  const bytes = await deps.vault.open({ documentId: doc.id, caseId: doc.caseId });
  let shared;
  try {
    shared = await shareReport(deps, actor, target, bytes, { restrictedCategory: doc.restrictedCategory ?? undefined });
  } catch (e) {
    deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.documentRefiled, target: doc.id, outcome: 'denied', reason: codesReason(from.code, target.code) });
    throw e;
  } finally {
    bytes.fill(0);
  }
  deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.documentRefiled, target: shared.documentId, outcome: 'success', reason: codesReason(from.code, target.code) }, { now: true });
  return { documentId: shared.documentId, caseCode: target.code, fromDocumentId: doc.id, fromCaseCode: from.code };
}

/** Both case codes in an audit reason (reasons are lower case): `c-7kq2m.to.c-x2y3z`. */
export const codesReason = (from: string, to: string): string => `${from}.to.${to}`.toLowerCase();
