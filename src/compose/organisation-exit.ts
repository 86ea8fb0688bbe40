import type { DbHandle } from '../db/client.js';
import type { AuditSink } from '../shared/audit-sink.js';
import { createCasesRepository } from '../domain/cases/cases-repository.js';
import { endAllRolesOf } from '../domain/cases/team-exit.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import { createOffboarding } from '../domain/directory/offboarding.js';
import { createGrantRepository } from '../domain/grants/grant-repository.js';
import { createGrantService } from '../domain/grants/grant-service.js';
import { createSessionRepository } from '../domain/sessions/session-repository.js';
import type { FreeTextCipher } from '../domain/patients/free-text-cipher.js';
import type { Clock } from '../shared/clock.js';

/**
 * Wires leaving the organisation (offboarding.ts) from the case, grant and session stores over one
 * database. Used by the service (DingTalk `user_leave_org`, the console) and by the admin CLI. Nobody
 * is written to: someone who left no longer reads this organisation's chat.
 */
export function createOrganisationExit(deps: { dbh: Pick<DbHandle, 'db' | 'store'>; directoryRepo: DirectoryRepository; audit: AuditSink; clock: Clock; texts: FreeTextCipher }) {
  const { directoryRepo, audit, clock, texts } = deps;
  const { db, store } = deps.dbh;
  const cases = createCasesRepository(db, store);
  const grants = createGrantService({ repo: createGrantRepository(db, store, texts), audit, clock });
  const sessions = createSessionRepository(db, store);
  const exits = {
    revokeGrants: async (caseId: string, clinicianId: string, actor: string, cause: string, now: number) =>
      (await grants.revokeLive(clinicianId, caseId, actor, cause, now)).length,
    tell: () => Promise.resolve(),
  };
  return createOffboarding({
    transaction: store.transaction,
    repo: directoryRepo,
    audit,
    clock,
    endCareRoles: (clinicianId, by, now) => endAllRolesOf({ cases, audit, exits }, clinicianId, by, now),
    revokeGrants: async (clinicianId, by, now) => (await grants.revokeLive(clinicianId, null, by, 'left_org', now)).length,
    endLogins: (clinicianId, reason) => sessions.revokeAllFor(clinicianId, clock.now(), reason),
  });
}
