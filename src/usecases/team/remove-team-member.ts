import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { CareTeamService } from '../../domain/cases/care-team-service.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { Actor } from '../../domain/directory/directory-service.js';
import { isDomainError } from '../../shared/errors.js';

/** `removed`; `not_member` (no open role on the case); `keeps_attending` (refused: the last attending). */
export type TeamMemberRemoved = { kind: 'removed' | 'not_member' | 'keeps_attending' };

/**
 * The attending ends every open role of a colleague on a case; their grants on it end too and they
 * are told 1:1 (the care-team service's exit port). Throws `access.denied`, `clinician.not_found`, …
 */
export async function removeTeamMember(
  deps: { team: Pick<CareTeamService, 'removeMember'> },
  actor: Actor,
  caseRow: Pick<CaseRow, 'code'>,
  member: Pick<ClinicianRow, 'dingtalkUserId'>,
): Promise<TeamMemberRemoved> {
  try {
    await deps.team.removeMember(actor, caseRow.code, member.dingtalkUserId);
  } catch (e) {
    if (isDomainError(e) && e.code === 'not_found') return { kind: 'not_member' };
    if (isDomainError(e) && e.code === 'conflict') return { kind: 'keeps_attending' };
    throw e;
  }
  return { kind: 'removed' };
}
