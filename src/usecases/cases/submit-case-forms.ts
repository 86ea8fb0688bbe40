import type { CaseForm, ConsentForm } from '../../domain/cases/case-form.js';
import type { LinkRef, LinkTokenRow } from '../../domain/cases/link-tokens.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { SecureSharing } from '../../secure-sharing.js';

/** What chat hears when a case-open form is submitted (the bot sends these). */
export interface CaseOpenNotices {
  /** The case was opened: the group the link came from hears it. */
  caseOpened(openConversationId: string, caseCode: string, opener: ClinicianRow): Promise<void>;
  /** The patient already has an open case: the opener alone is told. */
  existingCase(opener: ClinicianRow, caseCode: string, linkId: string): Promise<void>;
}

/**
 * Submitting the two forms behind a mini-app link intent: the domain call, then the notices.
 * `link` is the row the caller already checked belongs to `ref` and to the signed-in clinician.
 */
export function createFormSubmit(deps: { secure: Pick<SecureSharing, 'cases'>; directory: Pick<DirectoryRepository, 'findById'>; notices: CaseOpenNotices }) {
  const { secure, directory, notices } = deps;
  return {
    async caseOpen(ref: LinkRef, link: LinkTokenRow, body: CaseForm): Promise<{ caseCode: string; created: boolean }> {
      const res = await secure.cases.open.submitCaseForm(ref, link.clinicianId, body);
      const opener = (await directory.findById(link.clinicianId))!;
      if (res.created) await notices.caseOpened(link.conversationId!, res.caseCode, opener);
      else await notices.existingCase(opener, res.existing, link.tokenHash);
      return res.created ? { caseCode: res.caseCode, created: true } : { caseCode: res.existing, created: false };
    },
    consent(ref: LinkRef, link: LinkTokenRow, body: ConsentForm) {
      return secure.cases.consent.recordConsent(ref, link.clinicianId, body);
    },
  };
}
