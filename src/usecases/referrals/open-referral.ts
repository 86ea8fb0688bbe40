import type { ReferralConfig } from '../../config/referral-config.js';
import { isPurposeOfUse } from '../../contract/purpose-of-use.js';
import { isReferralSeverity } from '../../contract/referrals.js';
import { isSpecialty } from '../../contract/specialties.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import type { ReferralRepository } from '../../domain/referrals/referral-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Transaction } from '../../shared/transactions.js';
import type { OpenReferral, OpenReferralInput, OpenReferralResult } from './referral-ports.js';
import type { ReferralNotices } from './referral-notices.js';
import { chooseAssignee, type RoutingDeps } from './referral-routing-port.js';

/** The mini-app's free-text reason is capped (it is sealed, never shown in chat). */
export const MAX_REFERRAL_REASON = 2000;

export interface OpenReferralDeps extends RoutingDeps {
  transaction: Transaction;
  repo: Pick<ReferralRepository, 'openCounts' | 'insert' | 'find'>;
  escalation: Pick<EscalationService, 'track'>;
  notices: ReferralNotices;
  attendingsOf: (caseId: string) => Promise<string[]>;
  settings: Pick<ReferralConfig, 'fallbackInstitutions' | 'windowMs' | 'dingEmergency'>;
  audit: AuditSink;
  clock: Clock;
}

function validate(input: OpenReferralInput): void {
  if (!isSpecialty(input.specialty) || !isReferralSeverity(input.severity) || !isPurposeOfUse(input.purposeCode)) throw new DomainError('request.invalid');
  if (input.reasonText !== undefined && [...input.reasonText].length > MAX_REFERRAL_REASON) throw new DomainError('request.invalid', 'reason too long');
}

/**
 * Opens one referral and routes it (src/usecases/referrals/referral-ports.ts): the least-loaded
 * clinician of the first non-empty on-call tier at the institution named, or at the first institution
 * of the fallback order with anyone on call. One transaction: the row, its audit entry, its escalation
 * (unaccepted within the severity's window → the next in line), the assignee's card and the
 * requester's status card (or, for a rule, the attendings' notice). Nobody on call anywhere: the
 * referral is kept unassigned and the requester is told.
 */
export function createOpenReferral(deps: OpenReferralDeps): OpenReferral {
  return async (input): Promise<OpenReferralResult> => {
    validate(input);
    const now = deps.clock.now();
    const choice = await chooseAssignee(deps, { institutionId: input.institutionId, specialty: input.specialty, requesterId: input.requesterId, at: now });
    const id = newId();
    const reason = input.reasonText?.trim() || null;
    return deps.transaction(async () => {
      await deps.repo.insert({
        id, caseId: input.caseId, requesterId: input.requesterId, institutionId: choice?.institutionId ?? input.institutionId, specialty: input.specialty,
        severity: input.severity, purposeCode: input.purposeCode, assigneeId: choice?.assigneeId ?? null, sentAt: now, reason,
        triggerRuleId: input.trigger?.ruleId ?? null, triggerItemType: input.trigger?.itemType ?? null, triggerItemId: input.trigger?.itemId ?? null,
      });
      deps.audit.append({ actor: input.requesterId ?? 'system', action: AUDIT_ACTIONS.referralOpened, target: id, outcome: 'success', reason: choice ? input.severity : 'nobody_on_call', at: now });
      const row = (await deps.repo.find(id))!;
      if (choice) {
        await deps.escalation.track({ itemType: 'referral', itemId: id, caseId: input.caseId, recipients: [choice.assigneeId], urgent: true, initiatorId: input.requesterId ?? undefined, afterMs: deps.settings.windowMs[input.severity] }, now);
        await deps.notices.toAssignee(row, { ding: input.severity === 'emergency' && deps.settings.dingEmergency });
      }
      if (input.requesterId) await deps.notices.toRequester(row, { kind: choice ? 'sent' : 'nobody' });
      else await deps.notices.toAttendings(row, await deps.attendingsOf(input.caseId));
      return { referralId: id, assigneeId: choice?.assigneeId ?? null, status: 'sent' };
    });
  };
}
