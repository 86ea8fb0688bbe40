import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { POLICY_DIR } from '../../secure-sharing.js';
import type { Service } from '../../service.js';
import { registerAdminAuth } from './admin-auth.js';
import { adminAuditRoutes } from './admin-audit-routes.js';
import { adminCaseRoutes } from './admin-case-routes.js';
import { adminExplainRoutes } from './admin-explain-routes.js';
import { adminInboundRoutes } from './admin-inbound-routes.js';
import { adminOpsRoutes } from './admin-ops-routes.js';
import { adminOversightRoutes } from './admin-oversight-routes.js';
import { adminPolicyRoutes } from './admin-policy-routes.js';
import { adminReportsRoutes } from './admin-reports-routes.js';

export interface AdminConsoleOptions {
  service: Service;
  /** Defaults to config/policies. */
  policyDir?: string;
}

/**
 * The admin console API beside the directory routes, under /api/admin (register with that prefix),
 * behind the same admin token check. Who may call what (route `config.adminRoles`; default admin):
 *
 * | routes | roles |
 * | --- | --- |
 * | policies, explain and its people/document pickers, outbox, inbound dead letters, dashboard, case teams and groups | admin |
 * | approvals, break-glass queue | admin, privacy_officer |
 * | data access report (decrypts patient identity) | privacy_officer |
 * | break-glass review | admin, privacy_officer at the route; the domain then admits only a privacy officer |
 * | audit list, verify, checkpoint, trace, export | admin, privacy_officer, auditor |
 *
 * Everyone else with a valid admin token (doctors, nurses, unverified or suspended users) gets 403.
 */
export const adminConsoleRoutes: FastifyPluginAsyncZod<AdminConsoleOptions> = async (app, opts) => {
  const { service } = opts;
  await registerAdminAuth(app as unknown as FastifyInstance, {
    jwtSecret: service.sessionSecret,
    isSessionActive: (sid) => service.sessions.isActive(sid),
    findClinician: (id) => service.directoryRepo.findById(id),
  });
  await app.register(adminPolicyRoutes, { service, policyDir: opts.policyDir ?? POLICY_DIR });
  await app.register(adminOversightRoutes, { service });
  await app.register(adminAuditRoutes, { service });
  await app.register(adminOpsRoutes, { service });
  await app.register(adminInboundRoutes, { service });
  await app.register(adminReportsRoutes, { service });
  await app.register(adminCaseRoutes, { service });
  await app.register(adminExplainRoutes, { service });
};
