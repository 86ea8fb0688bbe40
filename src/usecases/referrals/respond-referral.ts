import type { ReferralConfig } from '../../config/referral-config.js';
import { isReferralDeclineReason, type ReferralDeclineReason } from '../../contract/referrals.js';
import type { EscalationService } from '../../domain/escalation/escalation-service.js';
import { OPEN_STATUSES, type ReferralRepository, type ReferralRow } from '../../domain/referrals/referral-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import type { Transaction } from '../../shared/transactions.js';
import type { GrantConsultAccess } from './consult-grant.js';
import type { ReferralNotices } from './referral-notices.js';

export interface RespondReferralDeps {
  transaction: Transaction;
  repo: Pick<ReferralRepository, 'find' | 'markSeen' | 'close' | 'forCase'>;
  escalation: Pick<EscalationService, 'cancel'>;
  grantConsult: GrantConsultAccess;
  notices: Pick<ReferralNotices, 'toRequester' | 'toAssigneeClosed'>;
  settings: Pick<ReferralConfig, 'grantMinutes'>;
  audit: AuditSink;
  clock: Clock;
}

const isOpen = (r: ReferralRow) => (OPEN_STATUSES as readonly string[]).includes(r.status);

/** The referral, waiting for this clinician; a coded refusal (audited) otherwise. */
async function mine(deps: RespondReferralDeps, clinicianId: string, id: string, action: string): Promise<ReferralRow> {
  const r = await deps.repo.find(id);
  const code = !r ? 'referral.not_found' : !isOpen(r) ? 'referral.closed' : r.assigneeId !== clinicianId ? 'referral.not_yours' : null;
  if (code) {
    deps.audit.append({ actor: clinicianId, action, target: id, outcome: 'denied', reason: code });
    throw new DomainError(code);
  }
  return r!;
}

/** The assignee opened the referral in the mini-app: sent/escalated → seen (once); the requester's card says so. Anyone else: nothing. */
export async function markReferralSeen(deps: RespondReferralDeps, clinicianId: string, id: string): Promise<boolean> {
  const now = deps.clock.now();
  return deps.transaction(async () => {
    if (!(await deps.repo.markSeen(id, clinicianId, now))) return false;
    const r = (await deps.repo.find(id))!;
    deps.audit.append({ actor: clinicianId, action: AUDIT_ACTIONS.referralSeen, target: id, outcome: 'success', at: now });
    if (r.requesterId) await deps.notices.toRequester(r, { kind: 'seen' });
    return true;
  });
}

/**
 * The assignee accepts: the referral closes, its escalation stops, and they get a time-boxed consult
 * grant to the whole case (REFERRAL_GRANT_HOURS); the requester's card shows until when.
 */
export async function acceptReferral(deps: RespondReferralDeps, clinicianId: string, id: string): Promise<{ referral: ReferralRow; grantId: string; until: number }> {
  const now = deps.clock.now();
  return deps.transaction(async () => {
    const r = await mine(deps, clinicianId, id, AUDIT_ACTIONS.referralAccepted);
    const grant = await deps.grantConsult({ caseId: r.caseId, clinicianId, grantedBy: clinicianId, minutes: deps.settings.grantMinutes, reason: 'referral' });
    if (!(await deps.repo.close(id, { status: 'accepted', by: clinicianId, at: now, grantId: grant.grantId }))) throw new DomainError('referral.closed');
    deps.audit.append({ actor: clinicianId, action: AUDIT_ACTIONS.referralAccepted, target: id, outcome: 'success', reason: r.severity, at: now });
    await deps.escalation.cancel(id, 'accepted', now);
    const done = (await deps.repo.find(id))!;
    if (done.requesterId) await deps.notices.toRequester(done, { kind: 'accepted', until: grant.expiresAt });
    return { referral: done, grantId: grant.grantId, until: grant.expiresAt };
  });
}

/** The assignee declines with a code from the closed set: the referral closes, escalation stops, the requester sees why. */
export async function declineReferral(deps: RespondReferralDeps, clinicianId: string, id: string, reason: ReferralDeclineReason): Promise<ReferralRow> {
  if (!isReferralDeclineReason(reason)) throw new DomainError('request.invalid');
  const now = deps.clock.now();
  return deps.transaction(async () => {
    await mine(deps, clinicianId, id, AUDIT_ACTIONS.referralDeclined);
    if (!(await deps.repo.close(id, { status: 'declined', by: clinicianId, at: now, reason }))) throw new DomainError('referral.closed');
    deps.audit.append({ actor: clinicianId, action: AUDIT_ACTIONS.referralDeclined, target: id, outcome: 'success', reason, at: now });
    await deps.escalation.cancel(id, 'declined', now);
    const done = (await deps.repo.find(id))!;
    if (done.requesterId) await deps.notices.toRequester(done, { kind: 'declined' });
    return done;
  });
}

/**
 * The requester withdraws an open (or unrouted) referral: it closes, its escalation stops, the
 * assignee's card says it was cancelled (buttons gone). No consult grant exists before acceptance, so
 * none is left behind; an accepted referral cannot be cancelled (referral.closed): the consultant's
 * time-boxed grant stands, as ending it is the privacy officer's [Revoke]. Refusals are audited.
 */
export async function cancelReferral(deps: RespondReferralDeps, clinicianId: string, id: string): Promise<ReferralRow> {
  const r = await deps.repo.find(id);
  const code = !r ? 'referral.not_found' : r.requesterId !== clinicianId ? 'referral.not_requester' : !isOpen(r) && r.status !== 'unrouted' ? 'referral.closed' : null;
  if (code) {
    deps.audit.append({ actor: clinicianId, action: AUDIT_ACTIONS.referralCancelled, target: id, outcome: 'denied', reason: code });
    throw new DomainError(code);
  }
  const now = deps.clock.now();
  return deps.transaction(async () => {
    if (!(await deps.repo.close(id, { status: 'cancelled', by: clinicianId, at: now }))) throw new DomainError('referral.closed');
    deps.audit.append({ actor: clinicianId, action: AUDIT_ACTIONS.referralCancelled, target: id, outcome: 'success', at: now });
    await deps.escalation.cancel(id, 'cancelled', now);
    const done = (await deps.repo.find(id))!;
    if (done.assigneeId) await deps.notices.toAssigneeClosed(done, 'cancelled');
    await deps.notices.toRequester(done, { kind: 'cancelled' });
    return done;
  });
}
