import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminTokenDto } from '../../contract/auth.js';
import { errorBody } from '../../contract/errors.js';
import type { AuditSink } from '../../shared/audit-sink.js';
import { issueAdminToken } from '../../usecases/admin/issue-admin-token.js';
import { ADMIN_TOKEN_TTL, mintAdminToken } from '../admin/admin-token.js';
import type { AuthRateLimit } from './auth-routes.js';

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
      const mint = (clinicianId: string, sessionId: string) => mintAdminToken(secret, clinicianId, sessionId, { expiresIn: ADMIN_TOKEN_TTL });
      const { token, role, sections, actions } = await issueAdminToken({ audit, mint }, req.clinician!, req.sessionId!);
      return reply.header('cache-control', 'no-store').send({ token, tokenType: 'Bearer' as const, expiresIn: ADMIN_TOKEN_TTL_S, role, sections, actions });
    },
  );
};
