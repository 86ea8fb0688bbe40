import { AUDIT_ACTIONS } from '../../domain/audit/audit-sink.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { personLine } from '../../domain/directory/clinician-names.js';
import { hkDateTime } from '../../shared/hk-time.js';
import type { Service } from '../../service.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';

export interface ShareOptions {
  /** eHRSS restricted category; viewing then also needs recorded extra consent. */
  restrictedCategory?: string;
  /** Urgent: recipients who do not open it in time are reminded, then escalated (see domain/escalation). */
  urgent?: boolean;
}

export interface SharedReport {
  documentId: string;
  caseCode: string;
  mediaType: string;
  size: number;
}

/** The policy's `share` rule for this clinician on this case, now (the team may have changed since any link). */
export function mayShareToCase(service: Service, author: ClinicianRow, caseRow: CaseRow): boolean {
  return service.secure.decideOnCase(author, 'share', caseRow).allowed;
}

/**
 * Shares a report into a case from the mini-app's upload screen: checks the
 * `share` rule now, encrypts the bytes into the vault (the vault decides the type from the bytes and
 * refuses empty, oversize, damaged or foreign files), registers the document, and gives each group
 * bound to the case a content-free card. A refusal is audited and stores nothing.
 */
export async function shareReport(service: Service, author: ClinicianRow, caseRow: CaseRow, bytes: Buffer, opts: ShareOptions = {}): Promise<SharedReport> {
  const { secure, directoryRepo, clock, notify, audit } = service;
  if (!mayShareToCase(service, author, caseRow)) {
    audit.append({ actor: author.id, action: AUDIT_ACTIONS.accessDecision, target: caseRow.code, outcome: 'denied', reason: 'share.not_allowed' });
    throw new DomainError('access.denied');
  }

  const documentId = newId();
  const meta = await secure.vault.store({ documentId, caseId: caseRow.id, bytes });
  secure.sharing.registerDocument({
    id: documentId,
    caseId: caseRow.id,
    authorId: author.id,
    authorInstitutionId: author.institutionId ?? undefined,
    kind: 'report',
    restrictedCategory: opts.restrictedCategory,
    mediaType: meta.mediaType,
    size: meta.size,
  });

  const team = secure.cases.queries.teamOf(caseRow.id).map((m) => m.clinicianId).filter((id) => id !== author.id);
  for (const group of secure.casesRepo.groupsOfCase(caseRow.id)) {
    const outTrackId = `doc:${documentId}:${group.conversationId}`;
    notify.cardToGroup(outTrackId, group.conversationId, `${opts.urgent ? '🚨 Urgent report' : '📄 New report'} · case ${caseRow.code}`,
      `From ${personLine(directoryRepo, author, 'en')} · ${hkDateTime(clock.now())}`,
      [
        { label: 'Open 開啟', action: 'open', params: { documentId } },
        { label: 'Request access 申請存取', action: 'request_access', params: { documentId } },
      ]);
    secure.sharing.setCardOutTrackId(documentId, outTrackId);
  }
  secure.receipts.markNotified(documentId, team);
  service.escalation.track({ itemType: 'document', itemId: documentId, caseId: caseRow.id, recipients: team, urgent: opts.urgent === true, initiatorId: author.id });
  return { documentId, caseCode: caseRow.code, mediaType: meta.mediaType, size: meta.size };
}
