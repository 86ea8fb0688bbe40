import type { z } from 'zod';
import type { caseOpenResult, consentResult } from '../../contract/forms.js';
import type { CaseForm, ConsentForm } from '../../domain/cases/case-form.js';
import type { LinkRef, LinkTokenRow } from '../../domain/cases/link-tokens.js';
import type { Service } from '../../service.js';
import { createFormSubmit as createFormSubmitUseCase } from '../../usecases/cases/submit-case-forms.js';

/** The two link-intent form submits for the mini-app API: the use case, with the chat notices wired in. */
export function createFormSubmit(service: Service) {
  const forms = createFormSubmitUseCase({ secure: service.secure, directory: service.directoryRepo, notices: service.caseNotices });
  return {
    caseOpen: (ref: LinkRef, link: LinkTokenRow, body: CaseForm): Promise<z.infer<typeof caseOpenResult>> => forms.caseOpen(ref, link, body),
    consent: (ref: LinkRef, link: LinkTokenRow, body: ConsentForm): Promise<z.infer<typeof consentResult>> => forms.consent(ref, link, body),
  };
}
