import type { ConsentForm } from '../../domain/cases/case-form.js';
import type { ConsentService } from '../../domain/cases/consent-service.js';
import type { LinkRef, LinkTokenRow } from '../../domain/cases/link-tokens.js';
import type { Actor } from '../../domain/directory/directory-service.js';

/**
 * Recording consent, first half: a clinician with a treating role on the case gets a one-time link
 * intent for the consent form (the chat command sends it). Refusals are audited.
 */
export function startConsentForm(deps: { consent: Pick<ConsentService, 'startConsentForm'> }, actor: Actor, caseCode: string, conversationId?: string): Promise<{ intentId: string; expiresAt: number }> {
  return deps.consent.startConsentForm(actor, caseCode, conversationId);
}

/**
 * Recording consent, second half: the form behind the link is submitted (the mini-app). The consent
 * service checks the attester's role on the case now, spends the link and adds the history rows
 * (latest wins). `link` is the row the caller already checked belongs to `ref` and to the signed-in clinician.
 */
export function recordConsent(deps: { consent: Pick<ConsentService, 'recordConsent'> }, ref: LinkRef, link: LinkTokenRow, body: ConsentForm): Promise<{ caseCode: string; recorded: number }> {
  return deps.consent.recordConsent(ref, link.clinicianId, body);
}
