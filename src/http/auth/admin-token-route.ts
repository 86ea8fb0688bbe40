import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminTokenDto } from '../../contract/auth.js';
import { errorBody } from '../../contract/errors.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { ClinicianRole } from '../../domain/directory/directory-tables.js';
import { DomainError } from '../../shared/errors.js';
import { ADMIN_TOKEN_TTL, mintAdminToken } from '../admin/admin-token.js';
import type { AuthRateLimit } from './auth-routes.js';

/** Roles that may hold an admin token at all; each console route then narrows it (config.adminRoles). */
export const CONSOLE_ROLES: readonly ClinicianRole[] = ['admin', 'privacy_officer', 'auditor'];
const ADMIN_TOKEN_TTL_S = 15 * 60;

/**
 * POST /api/auth/admin-token: the bridge from a mini-app sign-in to the admin console. The app token
 * (audience consultbridge.app) never opens /api/admin itself; a verified, active clinician with a
 * console role trades it here for a short-lived admin token (audience consultbridge.admin) that the
 * console keeps in memory. Registered on the root instance after the auth decorators.
 */
export const adminTokenRoute: FastifyPluginAsyncZod<{ secret: string; audit: Pick<AuditSink, 'append'>; rateLimit: AuthRateLimit }> = async (
  app,
  { secret, audit, rateLimit },
) => {
  app.post(
    '/api/auth/admin-token',
    {
      onRequest: app.requireTrusted,
      config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs } },
      schema: {
        tags: ['auth'],
        summary: 'A short-lived admin console token for a verified admin, privacy officer or auditor',
        security: [{ bearerAuth: [] }],
        response: {
          200: adminTokenDto,
          401: errorBody,
          403: errorBody,
          429: errorBody,
        },
      },
    },
    async (req, reply) => {
      const c = req.clinician!;
      if (!c.role || !CONSOLE_ROLES.includes(c.role)) {
        audit.append({ actor: c.id, action: AUDIT_ACTIONS.adminTokenIssued, target: c.id, outcome: 'denied', reason: 'role' });
        throw new DomainError('access.denied');
      }
      // Bound to this login: logging out, a reused refresh token or a suspension ends it as well.
      const token = await mintAdminToken(secret, c.id, req.sessionId!, { expiresIn: ADMIN_TOKEN_TTL });
      audit.append({ actor: c.id, action: AUDIT_ACTIONS.adminTokenIssued, target: c.id, outcome: 'success' });
      return reply.header('cache-control', 'no-store').send({ token, tokenType: 'Bearer' as const, expiresIn: ADMIN_TOKEN_TTL_S, role: c.role });
    },
  );
};
