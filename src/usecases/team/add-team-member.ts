import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { CareRole } from '../../domain/cases/cases-tables.js';
import type { CareTeamService } from '../../domain/cases/care-team-service.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { Actor } from '../../domain/directory/directory-service.js';
import { isDomainError } from '../../shared/errors.js';

/**
 * What adding one colleague did: `added` (a new member, or a changed role), `already_in_role`, or
 * `keeps_attending` (refused: the case would be left without an attending).
 */
export type TeamMemberAdded = { kind: 'added' | 'already_in_role' | 'keeps_attending'; role: CareRole };

/**
 * The attending adds a colleague to a case's care team in a role, optionally through the group it is
 * bound to (leaving that group then ends the role). The care-team service checks `manageCase` and
 * audits; its generic `conflict` is told apart here. Throws `access.denied`, `request.invalid`, …
 */
export async function addTeamMember(
  deps: { team: Pick<CareTeamService, 'addMember'>; queries: Pick<CaseQueries, 'teamRoleNow'> },
  actor: Actor,
  caseRow: Pick<CaseRow, 'id' | 'code'>,
  member: Pick<ClinicianRow, 'id' | 'dingtalkUserId'>,
  role: CareRole,
  viaConversationId?: string,
): Promise<TeamMemberAdded> {
  try {
    await deps.team.addMember(actor, caseRow.code, member.dingtalkUserId, role, viaConversationId);
  } catch (e) {
    if (!isDomainError(e) || e.code !== 'conflict') throw e;
    const now = await deps.queries.teamRoleNow(caseRow.id, member.id);
    return { kind: now === role ? 'already_in_role' : 'keeps_attending', role };
  }
  return { kind: 'added', role };
}
