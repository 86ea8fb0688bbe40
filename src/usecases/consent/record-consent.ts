import type { ConsentForm } from '../../domain/cases/case-form.js';
import type { ConsentService } from '../../domain/cases/consent-service.js';
import type { LinkRef, LinkTokenRow } from '../../domain/cases/link-tokens.js';

/**
 * Recording consent: the consent form behind a link sent in chat is submitted from the mini-app. The
 * consent service checks the attester's role on the case now, spends the link and adds the history
 * rows (latest wins). `link` is the row the caller already checked belongs to `ref` and to the
 * signed-in clinician.
 */
export function recordConsent(deps: { consent: Pick<ConsentService, 'recordConsent'> }, ref: LinkRef, link: LinkTokenRow, body: ConsentForm): Promise<{ caseCode: string; recorded: number }> {
  return deps.consent.recordConsent(ref, link.clinicianId, body);
}
