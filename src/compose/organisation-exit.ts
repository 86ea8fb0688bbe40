import type { Repositories } from './repositories.js';
import type { AuditSink } from '../shared/audit-sink.js';
import { endAllRolesOf } from '../domain/cases/team-exit.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import { createOffboarding } from '../domain/directory/offboarding.js';
import type { GrantRepository } from '../domain/grants/grant-repository.js';
import { createGrantService } from '../domain/grants/grant-service.js';
import type { Clock } from '../shared/clock.js';

/**
 * Wires leaving the organisation (offboarding.ts) from the case, grant and session stores over one
 * database. Used by the service (DingTalk `user_leave_org`, the console) and by the admin CLI. Nobody
 * is written to: someone who left no longer reads this organisation's chat.
 */
export function createOrganisationExit(deps: { repos: Pick<Repositories, 'transaction' | 'cases' | 'sessions'>; grantRepo: GrantRepository; directoryRepo: DirectoryRepository; audit: AuditSink; clock: Clock }) {
  const { directoryRepo, audit, clock } = deps;
  const { cases, sessions } = deps.repos;
  const grants = createGrantService({ repo: deps.grantRepo, audit, clock });
  const exits = {
    revokeGrants: async (caseId: string, clinicianId: string, actor: string, cause: string, now: number) =>
      (await grants.revokeLive(clinicianId, caseId, actor, cause, now)).length,
    tell: () => Promise.resolve(),
  };
  return createOffboarding({
    transaction: deps.repos.transaction,
    repo: directoryRepo,
    audit,
    clock,
    endCareRoles: (clinicianId, by, now) => endAllRolesOf({ cases, audit, exits }, clinicianId, by, now),
    revokeGrants: async (clinicianId, by, now) => (await grants.revokeLive(clinicianId, null, by, 'left_org', now)).length,
    endLogins: (clinicianId, reason) => sessions.revokeAllFor(clinicianId, clock.now(), reason),
  });
}
