import type { z } from 'zod';
import type { caseOpenResult, consentResult } from '../../contract/forms.js';
import { createCaseNotices } from '../../bot/commands/case-notices.js';
import type { CaseForm, ConsentForm } from '../../domain/cases/case-form.js';
import type { LinkRef, LinkTokenRow } from '../../domain/cases/link-tokens.js';
import type { Service } from '../../service.js';


/**
 * Submitting the two forms behind a mini-app link intent: the domain call, then what chat hears.
 * `link` is the row the caller already checked belongs to `ref` and to the signed-in clinician.
 */
export function createFormSubmit(service: Service) {
  const { secure, directoryRepo, notify } = service;
  const notices = createCaseNotices({ directoryRepo, notify });
  return {
    caseOpen(ref: LinkRef, link: LinkTokenRow, body: CaseForm): z.infer<typeof caseOpenResult> {
      const res = secure.cases.open.submitCaseForm(ref, link.clinicianId, body);
      const opener = directoryRepo.findById(link.clinicianId)!;
      if (res.created) notices.caseOpened(link.conversationId!, res.caseCode, opener);
      else notices.existingCase(opener, res.existing, link.tokenHash);
      return res.created ? { caseCode: res.caseCode, created: true } : { caseCode: res.existing, created: false };
    },
    consent(ref: LinkRef, link: LinkTokenRow, body: ConsentForm): z.infer<typeof consentResult> {
      return secure.cases.consent.recordConsent(ref, link.clinicianId, body);
    },
  };
}
