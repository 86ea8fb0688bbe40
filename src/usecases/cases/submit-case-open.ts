import type { CaseForm } from '../../domain/cases/case-form.js';
import type { CaseOpenService } from '../../domain/cases/case-open-service.js';
import type { LinkRef, LinkTokenRow } from '../../domain/cases/link-tokens.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';

/** What chat hears when a case-open form is submitted (the bot sends these). */
export interface CaseOpenNotices {
  /** The case was opened: the group the link came from hears it. */
  caseOpened(openConversationId: string, caseCode: string, opener: ClinicianRow): Promise<void>;
  /** The patient already has an open case: the opener alone is told. */
  existingCase(opener: ClinicianRow, caseCode: string, linkId: string): Promise<void>;
}

export interface CaseOpenSubmitted {
  caseCode: string;
  /** False: the patient already had an open case, and `caseCode` is that case. */
  created: boolean;
}

/**
 * Opening a case, second half (the first, from chat, is `startCaseOpen` in open-case.ts): the form
 * behind the link is submitted from the mini-app. The case service validates, spends the link and
 * writes patient, case, binding, attending role and consents; then the group hears the new case, or
 * the opener alone hears which case the patient already has. `link` is the row the caller already
 * checked belongs to `ref` and to the signed-in clinician.
 */
export async function submitCaseOpen(
  deps: { open: Pick<CaseOpenService, 'submitCaseForm'>; directory: Pick<DirectoryRepository, 'findById'>; notices: CaseOpenNotices },
  ref: LinkRef,
  link: LinkTokenRow,
  body: CaseForm,
): Promise<CaseOpenSubmitted> {
  const res = await deps.open.submitCaseForm(ref, link.clinicianId, body);
  const opener = (await deps.directory.findById(link.clinicianId))!;
  if (res.created) await deps.notices.caseOpened(link.conversationId!, res.caseCode, opener);
  else await deps.notices.existingCase(opener, res.existing, link.tokenHash);
  return res.created ? { caseCode: res.caseCode, created: true } : { caseCode: res.existing, created: false };
}
