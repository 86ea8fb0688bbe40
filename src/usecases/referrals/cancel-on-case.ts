import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { OPEN_STATUSES, type ReferralRow } from '../../domain/referrals/referral-repository.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import { cancelReferral, type RespondReferralDeps } from './respond-referral.js';


export type CancelOnCaseOutcome = { kind: 'cancelled'; referral: ReferralRow } | { kind: 'which'; specialties: string[] };

const cancellable = (r: ReferralRow) => (OPEN_STATUSES as readonly string[]).includes(r.status) || r.status === 'unrouted';

/**
 * Chat's `refer cancel C-XXXXX [specialty]`: the sender's one open (or unrouted) referral on the case
 * — of that specialty when named — is cancelled (cancelReferral). Several: which one is asked. None of
 * theirs open: referral.closed when they had one, referral.not_requester when only others' are open,
 * referral.not_found otherwise; each refusal audited.
 */
export async function cancelReferralOnCase(deps: RespondReferralDeps, me: ClinicianRow, caseId: string, specialty?: string): Promise<CancelOnCaseOutcome> {
  const all = (await deps.repo.forCase(caseId)).filter((r) => !specialty || r.specialty === specialty);
  const mine = all.filter((r) => r.requesterId === me.id);
  const open = mine.filter(cancellable);
  if (open.length === 1) return { kind: 'cancelled', referral: await cancelReferral(deps, me.id, open[0]!.id) };
  if (open.length > 1) return { kind: 'which', specialties: [...new Set(open.map((r) => r.specialty))] };
  const code = mine.length > 0 ? 'referral.closed' : all.some(cancellable) ? 'referral.not_requester' : 'referral.not_found';
  deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.referralCancelled, target: caseId, outcome: 'denied', reason: code });
  throw new DomainError(code);
}
