import type { GrantRow } from '../../domain/grants/grant-repository.js';
import type { GrantService } from '../../domain/grants/grant-service.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';

/** Why a consultant is let into a whole case: an accepted referral, or an MDT invitation. */
export type ConsultGrantReason = 'referral' | 'mdt';

export interface ConsultGrantInput {
  caseId: string;
  clinicianId: string;
  /** Who lets them in: the clinician who accepted (referral), the MDT organiser, or `system`. */
  grantedBy: string;
  minutes: number;
  reason: ConsultGrantReason;
}

export interface ConsultGrant {
  grantId: string;
  expiresAt: number;
  /** false when a live consult grant already reached as far: that one is kept, nothing is written. */
  created: boolean;
}

export interface ConsultGrantDeps {
  grants: Pick<GrantService, 'createConsultGrant' | 'liveOnCase'>;
  clock: Clock;
}

/** The most a consult grant may last: 14 days. */
export const MAX_CONSULT_GRANT_MINUTES = 14 * 24 * 60;

/** The use case as other pieces receive it (MDT invitations, referral acceptance). */
export type GrantConsultAccess = (input: ConsultGrantInput) => Promise<ConsultGrant>;

/**
 * A time-boxed, case-level grant (kind `consult`, no document): the clinician may open the case's
 * documents until it ends, subject to the same consent rules as anyone (Cedar `view-consult-grant`).
 * Audited as `grant.created` with reason `consult_referral` / `consult_mdt`. A live consult grant of
 * theirs that already lasts as long is kept instead of a second one. Without its own transaction, so
 * it commits with the step that lets them in (call it inside that step's transaction).
 */
export async function grantConsultAccess(deps: ConsultGrantDeps, input: ConsultGrantInput): Promise<ConsultGrant> {
  if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > MAX_CONSULT_GRANT_MINUTES) {
    throw new DomainError('request.invalid', `consult grant minutes must be 1..${MAX_CONSULT_GRANT_MINUTES}`);
  }
  const now = deps.clock.now();
  const expiresAt = now + input.minutes * 60_000;
  const existing = (await deps.grants.liveOnCase(input.caseId, now)).find(
    (g: GrantRow) => g.kind === 'consult' && g.clinicianId === input.clinicianId && g.expiresAt >= expiresAt,
  );
  if (existing) return { grantId: existing.id, expiresAt: existing.expiresAt, created: false };
  const row = await deps.grants.createConsultGrant({ caseId: input.caseId, clinicianId: input.clinicianId, grantedBy: input.grantedBy, expiresAt, reason: input.reason, now });
  return { grantId: row.id, expiresAt: row.expiresAt, created: true };
}

/** Binds the deps once, for wiring (compose/secure-sharing.ts exposes it as `secure.grantConsultAccess`). */
export function bindGrantConsultAccess(deps: ConsultGrantDeps): GrantConsultAccess {
  return (input) => grantConsultAccess(deps, input);
}
