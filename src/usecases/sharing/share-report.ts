import { assertCaseOpen } from '../../domain/cases/case-status.js';
import type { DocumentType } from '../../contract/document-types.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { AccessDecision } from '../../domain/access/policy-engine.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CaseRow, CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import type { ReceiptService } from '../../domain/sharing/receipts.js';
import type { SharingService } from '../../domain/sharing/sharing-service.js';
import type { Vault } from '../../domain/vault/vault-service.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { OnDocumentShared } from '../consult-rules/consult-rule-ports.js';

export interface ShareOptions {
  /** eHRSS restricted category; viewing then also needs recorded extra consent. */
  restrictedCategory?: string;
  /** Urgent: recipients who do not open it in time are reminded, then escalated (see domain/escalation). */
  urgent?: boolean;
  /** What the sharer says it is (report, imaging, lab, …); a report when not given. */
  docType?: DocumentType;
  /** The sharer's flags for the consult rules (short codes, e.g. `STEMI?`); matched in memory, never stored. */
  flags?: readonly string[];
}

export interface SharedReport {
  documentId: string;
  caseCode: string;
  mediaType: string;
  size: number;
}

/** A content-free card about a new report, to one group bound to the case (the bot words and sends it). */
export interface ReportCards {
  reportShared(card: { outTrackId: string; conversationId: string; documentId: string; caseCode: string; docType: DocumentType; author: ClinicianRow; urgent: boolean; at: number }): Promise<void>;
}

/** The policy's case-level decision for a clinician now (their role on the case from the case tables, then the policy). */
export type DecideOnCase = (clinician: ClinicianRow, action: 'share', caseRow: Pick<CaseRow, 'id' | 'code'>) => Promise<Pick<AccessDecision, 'allowed'>>;

export interface ShareReportDeps {
  decideOnCase: DecideOnCase;
  vault: Pick<Vault, 'store'>;
  sharing: Pick<SharingService, 'registerDocument' | 'setCardOutTrackId'>;
  cases: Pick<CaseQueries, 'teamOf'>;
  casesRepo: Pick<CasesRepository, 'groupsOfCase'>;
  receipts: Pick<ReceiptService, 'markNotified'>;
  clock: Clock;
  audit: AuditSink;
  escalation: Pick<EscalationService, 'track'>;
  cards: ReportCards;
  /** The consult rules' hook (issue 14); it never throws into the share. */
  onShared?: OnDocumentShared;
}

/** The policy's `share` rule for this clinician on this case, now (the team may have changed since any link). */
export async function mayShareToCase(deps: { decideOnCase: DecideOnCase }, author: ClinicianRow, caseRow: Pick<CaseRow, 'id' | 'code' | 'status'>): Promise<boolean> {
  assertCaseOpen(caseRow);
  return (await deps.decideOnCase(author, 'share', caseRow)).allowed;
}

/**
 * Shares a report into a case: checks the `share` rule now, encrypts the bytes into the vault (the
 * vault decides the type from the bytes and refuses empty, oversize, damaged or foreign files),
 * registers the document, and gives each group bound to the case a content-free card. A refusal is
 * audited and stores nothing.
 */
export async function shareReport(deps: ShareReportDeps, author: ClinicianRow, caseRow: CaseRow, bytes: Buffer, opts: ShareOptions = {}): Promise<SharedReport> {
  const { vault, sharing, receipts, clock, audit } = deps;
  if (!(await mayShareToCase(deps, author, caseRow))) {
    audit.append({ actor: author.id, action: AUDIT_ACTIONS.accessDecision, target: caseRow.code, outcome: 'denied', reason: 'share.not_allowed' });
    throw new DomainError('access.denied');
  }

  const documentId = newId();
  const meta = await vault.store({ documentId, caseId: caseRow.id, bytes });
  await sharing.registerDocument({
    id: documentId,
    caseId: caseRow.id,
    authorId: author.id,
    authorInstitutionId: author.institutionId ?? undefined,
    kind: 'report',
    docType: opts.docType,
    restrictedCategory: opts.restrictedCategory,
    mediaType: meta.mediaType,
    size: meta.size,
  });

  const team = (await deps.cases.teamOf(caseRow.id)).map((m) => m.clinicianId).filter((id) => id !== author.id);
  for (const group of await deps.casesRepo.groupsOfCase(caseRow.id)) {
    const outTrackId = `doc:${documentId}:${group.conversationId}`;
    await deps.cards.reportShared({ outTrackId, conversationId: group.conversationId, documentId, caseCode: caseRow.code, docType: opts.docType ?? 'report', author, urgent: opts.urgent === true, at: clock.now() });
    await sharing.setCardOutTrackId(documentId, outTrackId);
  }
  await receipts.markNotified(documentId, team);
  await deps.escalation.track({ itemType: 'document', itemId: documentId, caseId: caseRow.id, recipients: team, urgent: opts.urgent === true, initiatorId: author.id });
  await deps.onShared?.({ caseId: caseRow.id, caseCode: caseRow.code, documentId, docType: opts.docType ?? 'report', flags: opts.flags ?? [] });
  return { documentId, caseCode: caseRow.code, mediaType: meta.mediaType, size: meta.size };
}
