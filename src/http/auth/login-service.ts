import type { AuthCodeUser } from '../../dingtalk/openapi/users.js';
import { isDingTalkApiError } from '../../dingtalk/openapi/errors.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { DirectoryService } from '../../domain/directory/directory-service.js';
import type { IssuedRefresh, RefreshSessions } from '../../domain/sessions/refresh-sessions.js';
import { DomainError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { AccessTokens, IssuedAccess } from './access-tokens.js';

export interface LoginResult extends IssuedAccess {
  clinician: ClinicianRow;
  refresh: IssuedRefresh;
}

export interface LoginDeps {
  exchangeCode(code: string): Promise<AuthCodeUser>;
  directory: Pick<DirectoryService, 'resolveOrEnroll'>;
  directoryRepo: Pick<DirectoryRepository, 'findById'>;
  sessions: RefreshSessions;
  tokens: AccessTokens;
  audit: AuditSink;
  logger: Logger;
}

/**
 * DingTalk 免登 login and session upkeep: a code (5 min, single use) is exchanged with DingTalk for
 * the user, who is looked up (or enrolled unverified) in the directory; a suspended clinician gets
 * nothing. Refresh re-checks suspension too, so a suspension takes effect within one request.
 */
export function createLoginService(deps: LoginDeps) {
  const { directory, directoryRepo, sessions, tokens, audit, logger } = deps;

  async function exchange(code: string): Promise<AuthCodeUser> {
    try {
      const user = await deps.exchangeCode(code);
      if (!user.userId) throw new DomainError('auth.invalid');
      return user;
    } catch (e) {
      if (!isDingTalkApiError(e)) throw e;
      // DingTalk refusing the code (unknown, expired, used) is the caller's problem; throttling or an outage is not.
      logger.info({ code: 'auth.code_refused', dingtalkCode: e.code }, 'auth code refused');
      throw e.retryable ? e.toDomainError() : new DomainError('auth.invalid');
    }
  }

  return {
    async login(code: string): Promise<LoginResult> {
      const user = await exchange(code);
      const { clinician } = await directory.resolveOrEnroll(user.userId, user.name ?? '');
      if (clinician.suspended) {
        audit.append({ actor: clinician.id, action: AUDIT_ACTIONS.authLogin, outcome: 'denied', reason: 'suspended' });
        throw new DomainError('actor.suspended');
      }
      await sessions.purgeExpired(); // logins are rare enough to carry the housekeeping
      const refresh = await sessions.start(clinician.id);
      audit.append({ actor: clinician.id, action: AUDIT_ACTIONS.authLogin, target: refresh.familyId, outcome: 'success' });
      return { ...tokens.sign(clinician, refresh.familyId), clinician, refresh };
    },

    /** Rotates the refresh token; a suspended (or deleted) clinician's login is ended instead. */
    async refresh(refreshToken: string): Promise<LoginResult> {
      const refresh = await sessions.rotate(refreshToken);
      const clinician = await directoryRepo.findById(refresh.clinicianId);
      if (!clinician || clinician.suspended) {
        await sessions.revokeFamily(refresh.familyId, 'suspended');
        audit.append({ actor: refresh.clinicianId, action: AUDIT_ACTIONS.authRefresh, target: refresh.familyId, outcome: 'denied', reason: 'suspended' });
        throw new DomainError(clinician ? 'actor.suspended' : 'auth.invalid');
      }
      return { ...tokens.sign(clinician, refresh.familyId), clinician, refresh };
    },

    async logout(refreshToken: string | undefined): Promise<void> {
      if (!refreshToken) return;
      const clinicianId = await sessions.end(refreshToken);
      if (clinicianId) audit.append({ actor: clinicianId, action: AUDIT_ACTIONS.authLogout, outcome: 'success' });
    },
  };
}

export type LoginService = ReturnType<typeof createLoginService>;
