import { caseRequest } from '../../domain/access/access-facts.js';
import { clinicianFacts } from '../../domain/access/case-authorizer.js';
import { personLine } from '../../bot/people.js';
import { hkDateTime } from '../../bot/format.js';
import type { Service } from '../../service.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';

export interface UploadOptions {
  /** eHRSS restricted category; viewing then also needs recorded extra consent. */
  restrictedCategory?: string;
  /** Urgent: recipients who do not open it in time are reminded, then escalated (see domain/escalation). */
  urgent?: boolean;
}

/**
 * An upload through a one-time link: the link names the clinician and the case; sharing is checked
 * again now (the team may have changed since the link was sent). The bytes are encrypted into the
 * vault, the document registered, and each group bound to the case gets a content-free card.
 */
export async function uploadDocument(service: Service, token: string, bytes: Buffer, opts: UploadOptions) {
  const { secure, directoryRepo, clock, notify } = service;
  const link = secure.cases.tokens.lookup(token, 'upload');
  const author = directoryRepo.findById(link.clinicianId);
  const caseRow = link.caseId ? secure.casesRepo.caseById(link.caseId) : undefined;
  if (!author || !caseRow) throw new DomainError('token.invalid');
  const facts = secure.cases.queries.caseFacts(caseRow.id, author.id);
  const allowed = secure.engine.decide(
    caseRequest(clinicianFacts(author), 'share', { code: caseRow.code, institutionIds: facts.institutionIds }, { careRole: facts.careRole }),
  ).allowed;
  if (!allowed) throw new DomainError('access.denied');

  const documentId = newId();
  const meta = await secure.vault.store({ documentId, caseId: caseRow.id, bytes });
  try {
    secure.cases.tokens.consume(token, 'upload', author.id);
  } catch (err) {
    await secure.vault.destroy(documentId);
    throw err;
  }
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
