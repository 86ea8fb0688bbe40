import type { ReferralConfig } from '../../config/referral-config.js';
import type { EscalationKind } from '../../domain/escalation/escalation-port.js';
import { OPEN_STATUSES, type ReferralRepository } from '../../domain/referrals/referral-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import type { ReferralNotices } from './referral-notices.js';
import { nextInLine, type RoutingDeps } from './referral-routing-port.js';

export interface ReferralEscalationDeps extends RoutingDeps {
  repo: Pick<ReferralRepository, 'find' | 'reassign' | 'openCounts' | 'close'>;
  notices: Pick<ReferralNotices, 'toAssignee' | 'toRequester' | 'toAssigneeClosed' | 'toAttendings'>;
  attendingsOf: (caseId: string) => Promise<string[]>;
  settings: Pick<ReferralConfig, 'fallbackInstitutions' | 'windowMs' | 'dingEmergency'>;
  audit: AuditSink;
  clock: Clock;
}

/**
 * How the escalation engine chases a referral (item type `referral`): no reminder step — when the
 * severity's window passes unaccepted, the referral is handed to the next in line at its institution
 * (the on-call tiers by load, then the roster's escalation contact), each with a fresh window; the new
 * assignee gets the card (and a DING for an emergency when configured) and the requester's card says
 * it was escalated. Accepted, declined or cancelled: the engine stops. Nobody left (next on call,
 * then the escalation contact, all passed): the referral turns `unrouted` (audited), the last
 * assignee's card closes, and the requester's card says so with a 1:1 telling them to call the
 * department (a rule's referral: the case's attendings are told instead).
 */
export function referralEscalationKind(deps: ReferralEscalationDeps): EscalationKind {
  return {
    reminder: false,
    waitMs: async (itemId) => {
      const r = await deps.repo.find(itemId);
      return r ? deps.settings.windowMs[r.severity] : undefined;
    },
    probe: async (itemId) => {
      const r = await deps.repo.find(itemId);
      return r && (OPEN_STATUSES as readonly string[]).includes(r.status) ? 'pending' : 'closed';
    },
    colleagues: async ({ itemId }) => {
      const r = await deps.repo.find(itemId);
      if (!r?.institutionId) return [];
      return nextInLine(deps, { institutionId: r.institutionId, specialty: r.specialty, requesterId: r.requesterId, at: deps.clock.now() });
    },
    admit: async (n) => {
      const r = await deps.repo.find(n.itemId);
      if (!r || !(await deps.repo.reassign(n.itemId, r.assigneeId, n.colleagueId, deps.clock.now()))) return false;
      const now = (await deps.repo.find(n.itemId))!;
      deps.audit.append({ actor: 'system', action: AUDIT_ACTIONS.referralEscalated, target: r.id, outcome: 'success', reason: `to:${n.colleagueId}` });
      await deps.notices.toAssignee(now, { handedOnFrom: r.assigneeId ?? undefined, ding: r.severity === 'emergency' && deps.settings.dingEmergency });
      if (r.requesterId) await deps.notices.toRequester(now, { kind: 'escalated' });
      return true;
    },
    exhausted: async (n) => {
      const now = deps.clock.now();
      if (!(await deps.repo.close(n.itemId, { status: 'unrouted', by: 'system', at: now }))) return;
      const r = (await deps.repo.find(n.itemId))!;
      deps.audit.append({ actor: 'system', action: AUDIT_ACTIONS.referralUnrouted, target: r.id, outcome: 'success', reason: r.severity, at: now });
      if (r.assigneeId) await deps.notices.toAssigneeClosed(r, 'unrouted');
      if (r.requesterId) await deps.notices.toRequester(r, { kind: 'unrouted' });
      else await deps.notices.toAttendings(r, await deps.attendingsOf(r.caseId), 'unrouted');
    },
  };
}
