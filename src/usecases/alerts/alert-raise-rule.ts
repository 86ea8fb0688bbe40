import { shareCheck, type RaiseRule } from '../../domain/alerts/alert-service.js';
import type { BurnAfterReading } from '../../burn-after-reading.js';
import type { SecureSharing } from '../../secure-sharing.js';
import type { Clock } from '../../shared/clock.js';

/**
 * Who may raise an allergy alert on a case: whoever may share into it, or holds break-glass on it. The
 * alert service applies the same rule on submit; the chat command and the mini-app's compose screen ask it first.
 */
export function alertRaiseRule(deps: { burn: Pick<BurnAfterReading, 'service'>; secure: Pick<SecureSharing, 'grants'>; clock: Clock }): RaiseRule {
  return {
    mayShare: shareCheck((c, caseId) => deps.burn.service.assertMayCreate(c, caseId)),
    hasBreakGlass: async (clinicianId, caseId) => (await deps.secure.grants.activeGrantFor(clinicianId, '', caseId, deps.clock.now())).hasBreakGlass,
  };
}
