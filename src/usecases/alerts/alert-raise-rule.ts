import { assertCaseOpen } from '../../domain/cases/case-status.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import { assertRaiser, shareCheck, type RaiseBasis, type RaiseRule } from '../../domain/alerts/alert-service.js';
import type { BurnService } from '../../domain/burn/burn-service.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { GrantService } from '../../domain/grants/grant-service.js';
import type { Clock } from '../../shared/clock.js';

export interface AlertRaiseRuleDeps {
  /** The burn service's send check (trusted, and the policy's `share` rule). */
  burn: Pick<BurnService, 'assertMayCreate'>;
  grants: Pick<GrantService, 'activeGrantFor'>;
  clock: Clock;
}

/**
 * Who may raise an allergy alert on a case: whoever may share into it, or holds break-glass on it. The
 * alert service applies the same rule on submit; the chat command and the mini-app's compose screen ask it first.
 */
export function alertRaiseRule(deps: AlertRaiseRuleDeps): RaiseRule {
  return {
    mayShare: shareCheck((c, caseId) => deps.burn.assertMayCreate(c, caseId)),
    hasBreakGlass: async (clinicianId, caseId) => (await deps.grants.activeGrantFor(clinicianId, '', caseId, deps.clock.now())).hasBreakGlass,
  };
}

/**
 * May `raiser` raise an allergy alert on the case now, and on which basis? Throws `actor.suspended`,
 * `actor.unverified` or `access.denied` (not a doctor or nurse; neither on the team nor in by break-glass).
 */
export async function mayRaiseAlert(deps: AlertRaiseRuleDeps, raiser: ClinicianRow, caseRow: Pick<CaseRow, 'id'> & Partial<Pick<CaseRow, 'code' | 'status'>>): Promise<RaiseBasis> {
  assertCaseOpen(caseRow);
  return assertRaiser(raiser, caseRow.id, alertRaiseRule(deps));
}
