import { DomainError } from '../../shared/errors.js';
import { parseOrInvalid } from '../../shared/validate.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { Actor } from '../directory/directory-service.js';
import { clinicianById, type CaseDeps } from './case-deps.js';
import type { LinkRef } from './link-tokens.js';
import { consentFormSchema, resolveConsents, writeConsents, type ConsentForm } from './case-form.js';

/** Care roles whose members may attest a patient's consent (observers only watch). */
const ATTESTING_ROLES = new Set(['attending', 'consulting', 'referring']);

/**
 * Recording consent after a case is open, through a one-time consent form. There is no Cedar
 * action for attestation yet, so the rule lives here: a verified, active clinician with a treating
 * role on the case right now.
 */
export function createConsentService(deps: CaseDeps) {
  const { transaction, cases, patients, directory, tokens, queries, audit, clock } = deps;

  async function assertMayAttest(clinicianId: string, trusted: boolean, caseId: string): Promise<void> {
    if (!trusted) throw new DomainError('actor.unverified');
    if (!ATTESTING_ROLES.has(await queries.teamRoleNow(caseId, clinicianId))) throw new DomainError('access.denied');
  }

  return {
    /** The link intent id for a consent form in the mini-app. */
    async startConsentForm(actor: Actor, caseCode: string, conversationId?: string): Promise<{ intentId: string; expiresAt: number }> {
      const c = await queries.findCase(caseCode);
      try {
        await assertMayAttest(actor.clinician.id, actor.trusted, c.id);
      } catch (e) {
        audit.append({ actor: actor.clinician.id, action: AUDIT_ACTIONS.caseConsentStarted, target: c.code, outcome: 'denied', reason: (e as DomainError).code });
        throw e;
      }
      const issued = await tokens.issue('consent', { clinicianId: actor.clinician.id, caseId: c.id, conversationId });
      audit.append({ actor: actor.clinician.id, action: AUDIT_ACTIONS.caseConsentStarted, target: c.code, outcome: 'success' });
      return issued;
    },

    /** The consent form post: adds history rows (latest wins) for the link's case. */
    async recordConsent(link: LinkRef, actorClinicianId: string, input: ConsentForm): Promise<{ caseCode: string; recorded: number }> {
      const peeked = await tokens.peek(link, 'consent', actorClinicianId);
      const c = peeked.caseId ? await cases.caseById(peeked.caseId) : undefined;
      if (!c) throw new DomainError('not_found');
      const clinician = await clinicianById(directory, actorClinicianId);
      await assertMayAttest(clinician.id, clinician.verified && !clinician.suspended, c.id);
      const resolved = await resolveConsents(directory, parseOrInvalid(consentFormSchema, input));
      return transaction(async () => {
        await tokens.consume(link, 'consent', actorClinicianId);
        const recorded = await writeConsents(patients, c.patientId, resolved, clinician.id, clock.now());
        audit.append({ actor: clinician.id, action: AUDIT_ACTIONS.caseConsentRecorded, target: c.code, outcome: 'success' });
        return { caseCode: c.code, recorded };
      });
    },
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
