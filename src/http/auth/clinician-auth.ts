import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { RefreshSessions } from '../../domain/sessions/refresh-sessions.js';
import { DomainError } from '../../shared/errors.js';
import type { AccessTokens } from './access-tokens.js';

export type ClinicianHook = (req: FastifyRequest) => Promise<void>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in clinician as the directory has them now; set by requireClinician/requireTrusted. */
    clinician: ClinicianRow | null;
    /** The login (session family) the access token belongs to. */
    sessionId: string | null;
  }
  interface FastifyInstance {
    /** onRequest/preHandler hook: a valid app access token of an active (not suspended) clinician. */
    requireClinician: ClinicianHook;
    /** As requireClinician, and verified: for every route that touches patient data. */
    requireTrusted: ClinicianHook;
  }
}

/**
 * Bearer-token guard for the mini-app API. The token only names the clinician and the login; who
 * they are and whether they may act is read from the directory on every request, so a suspension
 * or a lost verification applies at once, and a logout or revoked login kills its access tokens.
 * Missing token → auth.required (401); bad, expired, wrong-audience or revoked → auth.invalid (401);
 * suspended → actor.suspended (403); unverified on a trusted route → actor.unverified (403).
 */
export function createClinicianAuth(deps: {
  tokens: AccessTokens;
  sessions: Pick<RefreshSessions, 'isActive'>;
  directoryRepo: Pick<DirectoryRepository, 'findById'>;
}) {
  async function authenticate(req: FastifyRequest): Promise<ClinicianRow> {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!m) throw new DomainError('auth.required');
    const claims = deps.tokens.verify(m[1]!);
    if (!(await deps.sessions.isActive(claims.sid))) throw new DomainError('auth.invalid');
    const c = await deps.directoryRepo.findById(claims.sub);
    if (!c) throw new DomainError('auth.invalid');
    if (c.suspended) throw new DomainError('actor.suspended');
    req.clinician = c;
    req.sessionId = claims.sid;
    return c;
  }

  const requireClinician: ClinicianHook = async (req) => {
    await authenticate(req);
  };
  const requireTrusted: ClinicianHook = async (req) => {
    const c = await authenticate(req);
    if (!c.verified) throw new DomainError('actor.unverified');
  };
  return { requireClinician, requireTrusted };
}

export type ClinicianAuth = ReturnType<typeof createClinicianAuth>;

/** Decorates the root instance, so every route plugin can say `{ onRequest: app.requireTrusted }`. */
export function decorateClinicianAuth(app: FastifyInstance, auth: ClinicianAuth): void {
  app.decorateRequest('clinician', null);
  app.decorateRequest('sessionId', null);
  app.decorate('requireClinician', auth.requireClinician);
  app.decorate('requireTrusted', auth.requireTrusted);
}
