import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Transaction } from '../../shared/transactions.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';
import type { BreakGlassReviewRow, GrantRepository } from './grant-repository.js';

/** The action name the policy engine is asked about. */
export const BREAK_GLASS_ACTION = 'break_glass';

export interface AuthorizeResult {
  allowed: boolean;
  /** Ids of the policies that decided; used as the audit reason on a denial. */
  policies: readonly string[];
}

/** Policy port: eligibility (verified doctor, not suspended, not already on the team) is decided there. */
export type Authorize = (clinicianId: string, action: string, caseId: string) => AuthorizeResult | Promise<AuthorizeResult>;

/** Who must hear about a break-glass and who may review it. */
export interface BreakGlassPeople {
  attendingsOf(caseId: string): Promise<readonly string[]>;
  privacyOfficers(): Promise<readonly string[]>;
}

export interface BreakGlassResult {
  grantId: string;
  reviewId: string;
  expiresAt: number;
  /** Tell these people now: the case's attendings and the privacy officers. */
  notify: { attendingIds: string[]; privacyOfficerIds: string[] };
}

/** Emergency access to a whole case, granted at once and reviewed afterwards. */
export function createBreakGlassService(deps: {
  transaction: Transaction;
  repo: GrantRepository;
  audit: AuditSink;
  clock: Clock;
  settings: Pick<SharingSettings, 'breakGlassTtlMs' | 'breakGlassMinReasonLength'>;
  authorize: Authorize;
  people: BreakGlassPeople;
}) {
  const { transaction, repo, audit, clock, settings, authorize, people } = deps;

  return {
    async breakGlass(input: { caseId: string; clinicianId: string; reason: string }): Promise<BreakGlassResult> {
      const reason = input.reason.trim();
      if ([...reason].length < settings.breakGlassMinReasonLength) {
        throw new DomainError('request.invalid', `break-glass reason must be at least ${settings.breakGlassMinReasonLength} characters`);
      }
      const decision = await authorize(input.clinicianId, BREAK_GLASS_ACTION, input.caseId);
      if (!decision.allowed) {
        // The free-text reason never goes into the audit: it is clinical justification.
        audit.append({ actor: input.clinicianId, action: AUDIT_ACTIONS.breakglassGranted, target: input.caseId, outcome: 'denied', reason: decision.policies.join(',') || 'policy_denied' });
        throw new DomainError('access.denied');
      }
      const now = clock.now();
      const grantId = newId();
      const reviewId = newId();
      const expiresAt = now + settings.breakGlassTtlMs;
      await transaction(async () => {
        await repo.insert({ id: grantId, kind: 'break_glass', documentId: null, caseId: input.caseId, clinicianId: input.clinicianId, createdAt: now, expiresAt });
        await repo.insertReview({ id: reviewId, grantId, caseId: input.caseId, clinicianId: input.clinicianId, reason, status: 'pending', createdAt: now });
        audit.append({ actor: input.clinicianId, action: AUDIT_ACTIONS.breakglassGranted, target: input.caseId, outcome: 'success', reason: 'break_glass', at: now });
      });
      const attendingIds = [...new Set(await people.attendingsOf(input.caseId))].filter((id) => id !== input.clinicianId);
      return { grantId, reviewId, expiresAt, notify: { attendingIds, privacyOfficerIds: [...new Set(await people.privacyOfficers())] } };
    },

    /** A privacy officer closes a review; the one who broke the glass can't review themselves. */
    async reviewBreakGlass(reviewId: string, reviewerId: string, verdict: 'approve' | 'flag', note?: string): Promise<BreakGlassReviewRow> {
      const review = await repo.findReview(reviewId);
      if (!review) throw new DomainError('not_found');
      if (review.clinicianId === reviewerId || !(await people.privacyOfficers()).includes(reviewerId)) {
        audit.append({ actor: reviewerId, action: AUDIT_ACTIONS.breakglassReviewed, target: review.grantId, outcome: 'denied', reason: 'not_a_reviewer' });
        throw new DomainError('access.denied');
      }
      const status = verdict === 'approve' ? 'approved' : 'flagged';
      const closed = await repo.closeReview(reviewId, { status, reviewerId, note: note?.trim() || null, at: clock.now() });
      if (!closed) throw new DomainError('approval.already_decided');
      audit.append({ actor: reviewerId, action: AUDIT_ACTIONS.breakglassReviewed, target: review.grantId, outcome: 'success', reason: status });
      return (await repo.findReview(reviewId))!;
    },

    pendingReviews(): Promise<BreakGlassReviewRow[]> {
      return repo.pendingReviews();
    },
  };
}

export type BreakGlassService = ReturnType<typeof createBreakGlassService>;
