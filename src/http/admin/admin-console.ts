import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { POLICY_DIR } from '../../domain/access/policy-dir.js';
import { registerAdminAuth, type AdminAuthDeps } from './admin-auth.js';
import { adminAuditRoutes, type AdminAuditDeps } from './admin-audit-routes.js';
import { adminCaseRoutes, type AdminCaseDeps } from './admin-case-routes.js';
import { adminCorrectionRoutes, type AdminCorrectionDeps } from './admin-correction-routes.js';
import { adminExplainRoutes, type AdminExplainDeps } from './admin-explain-routes.js';
import { adminInboundRoutes, type AdminInboundDeps } from './admin-inbound-routes.js';
import { adminOpsRoutes, type AdminOpsDeps } from './admin-ops-routes.js';
import { adminOversightRoutes, type AdminOversightDeps } from './admin-oversight-routes.js';
import { adminPolicyRoutes, type AdminPolicyDeps } from './admin-policy-routes.js';
import { adminReportsRoutes, type AdminReportsDeps } from './admin-reports-routes.js';
import { adminGrantRoutes, type AdminGrantDeps } from './admin-grant-routes.js';
import { adminClinicalRoutes, type AdminClinicalDeps } from './admin-clinical-routes.js';
import { adminConsultRuleRoutes, type AdminConsultRuleDeps } from './admin-consult-rule-routes.js';
import { adminReferralRoutes, type AdminReferralDeps } from './admin-referral-routes.js';
import { adminFormsRoutes, type AdminFormsDeps } from './admin-forms-routes.js';
import { adminRosterRoutes, type AdminRosterDeps } from './admin-roster-routes.js';
import { adminMdtRoutes, type AdminMdtDeps } from './admin-mdt-routes.js';

/** What each part of the console uses (built by src/compose/admin-http.ts). */
export interface AdminConsoleDeps {
  auth: AdminAuthDeps;
  policies: AdminPolicyDeps;
  oversight: AdminOversightDeps;
  audit: AdminAuditDeps;
  ops: AdminOpsDeps;
  inbound: AdminInboundDeps;
  reports: AdminReportsDeps;
  cases: AdminCaseDeps;
  explain: AdminExplainDeps;
  grants: AdminGrantDeps;
  correction: AdminCorrectionDeps;
  /** The interaction rule set's version and review counts (read-only). */
  clinical: AdminClinicalDeps;
  /** Consult rules: view, save (validated), dry run. */
  consultRules: AdminConsultRuleDeps;
  referrals: AdminReferralDeps;
  /** Yida form mappings and waiting submissions (Forms). */
  forms: AdminFormsDeps;
  /** On-call rosters (the Rosters page). */
  rosters: AdminRosterDeps;
  /** MDT meetings across the service (the MDT page). */
  mdt: AdminMdtDeps;
}

export interface AdminConsoleOptions extends AdminConsoleDeps {
  /** Defaults to config/policies. */
  policyDir?: string;
}

/**
 * The admin console API beside the directory routes, under /api/admin (register with that prefix),
 * behind the same admin token check. Each route names its console section (`config.adminSection`)
 * and admits that section's roles from the one table in src/contract/admin-sections.ts — the table
 * the console's menu comes from too (no section: admin only):
 *
 * | routes | section |
 * | --- | --- |
 * | policies, explain and its people/document pickers, the interaction rule set's review counts | policies |
 * | approvals, break-glass queue and review (the domain then admits only a privacy officer to review) | oversight |
 * | audit list, verify, checkpoint, trace, export | audit |
 * | outbox, inbound dead letters | outbox |
 * | data access report (decrypts patient identity) | report |
 * | dashboard | dashboard |
 * | case teams and groups | cases |
 * | merging duplicate patient records | patients |
 * | consult rules: view, save, dry run | consult_rules |
 * | Yida form mappings, waiting submissions (approving one: oversight) | forms |
 * | on-call rosters: shifts, settings, CSV import and export | rosters |
 * | MDT meetings: status, sign-off step, stuck in approval | mdt |
 *
 * Everyone else with a valid admin token (doctors, nurses, unverified or suspended users) gets 403.
 */
export const adminConsoleRoutes: FastifyPluginAsyncZod<AdminConsoleOptions> = async (app, opts) => {
  await registerAdminAuth(app as unknown as FastifyInstance, opts.auth);
  await app.register(adminPolicyRoutes, { ...opts.policies, policyDir: opts.policyDir ?? POLICY_DIR });
  await app.register(adminOversightRoutes, opts.oversight);
  await app.register(adminAuditRoutes, opts.audit);
  await app.register(adminOpsRoutes, opts.ops);
  await app.register(adminInboundRoutes, opts.inbound);
  await app.register(adminReportsRoutes, opts.reports);
  await app.register(adminReferralRoutes, opts.referrals);
  await app.register(adminCaseRoutes, opts.cases);
  await app.register(adminExplainRoutes, opts.explain);
  await app.register(adminGrantRoutes, opts.grants);
  await app.register(adminCorrectionRoutes, opts.correction);
  await app.register(adminClinicalRoutes, opts.clinical);
  await app.register(adminConsultRuleRoutes, opts.consultRules);
  await app.register(adminFormsRoutes, opts.forms);
  await app.register(adminRosterRoutes, opts.rosters);
  await app.register(adminMdtRoutes, opts.mdt);
};
