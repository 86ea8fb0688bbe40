import { residencyView } from '../config/residency.js';
import { peopleNames } from '../usecases/admin/people-names.js';
import { describeTargets } from '../usecases/admin/audit-targets.js';
import { loadAuditVerifier } from '../domain/audit/audit-signer.js';
import { createDirectoryAdmin } from '../domain/directory/directory-admin.js';
import type { AdminConsoleDeps } from '../http/admin/admin-console.js';
import type { AdminRoutesOptions } from '../http/admin-routes.js';
import { createRegisterClient } from '../register/register-client.js';
import type { Service } from './service.js';
import { createGrantNotices } from '../bot/flows/grant-notices.js';

/**
 * What the admin HTTP API uses from the service: the directory routes' options (admin-routes.ts)
 * and the console's, one entry per part (admin-console.ts).
 */
export function adminHttpDeps(service: Service): { directory: AdminRoutesOptions; console: AdminConsoleDeps } {
  const { directoryRepo, audit, clock, secure } = service;
  const transaction = service.repos.transaction;
  const lookupUrl = service.config.directory.registerLookupUrl;
  const register = { audit, register: lookupUrl ? createRegisterClient({ url: lookupUrl }) : undefined };
  const isSessionActive = (sid: string) => service.sessions.isActive(sid);
  const directory: AdminRoutesOptions = {
    directoryAdmin: createDirectoryAdmin({
      repo: directoryRepo, audit, clock,
      endLogins: (id, reason) => service.sessions.revokeAllFor(id, reason),
      offboard: (id, by) => service.offboarding.leave(id, by, 'admin_removed'),
    }),
    caseQueries: secure.cases.queries,
    jwtSecret: service.sessionSecret,
    isSessionActive,
    register,
  };
  const console: AdminConsoleDeps = {
    auth: { jwtSecret: service.sessionSecret, isSessionActive, findClinician: (id) => directoryRepo.findById(id) },
    policies: { engine: secure.engine, clock, explain: { directory: directoryRepo, access: secure.access, audit } },
    clinical: { book: service.ruleReviews.book },
    consultRules: {
      admin: { rules: service.consultRules.source, store: service.consultRules.ruleSets, audit, clock },
      dryRun: { rules: service.consultRules.source, firings: service.consultRules.firings, documents: secure.documentsRepo, cases: secure.casesRepo },
      directory: directoryRepo,
    },
    rosters: service.rosters.useCases,
    mdt: { ...service.mdt.useCases, directory: directoryRepo },
    referrals: { repo: service.referrals.repo, totals: service.repos.dailyTotals, directory: directoryRepo, cases: secure.casesRepo, clock },
    oversight: { ...secure.oversight, breakGlass: secure.breakGlass, cases: secure.casesRepo, directory: directoryRepo },
    // The public key is read on each checkpoint request, as the key files may change under a running service.
    audit: {
      log: audit, verifier: () => loadAuditVerifier(service.config.keys), clock,
      names: (ids) => peopleNames({ directory: directoryRepo }, ids),
      targets: (entries) => describeTargets({ documents: secure.documentsRepo, requests: secure.oversight.approvals, grants: secure.oversight.grants, cases: secure.casesRepo, directory: directoryRepo, patients: secure.cases.dataSubjects.patients }, entries),
    },
    ops: { outbox: service.outbox, audit },
    inbound: { inbox: service.inbox },
    reports: { ...service.reports, audit, residency: residencyView(service.config) },
    cases: { caseAdmin: secure.cases.admin, roster: secure.cases.roster, cases: secure.cases.queries, directory: directoryRepo },
    explain: { directory: directoryRepo, cases: secure.cases.queries, documents: secure.documentsRepo },
    grants: {
      grants: secure.grants, cases: secure.cases.queries, casesRepo: secure.casesRepo, approvals: secure.approvals, directory: directoryRepo, audit, clock,
      documents: secure.documentsRepo, referrals: service.referrals.repo,
      notices: createGrantNotices({ directoryRepo, notify: service.notify }),
    },
    correction: {
      merge: { ...secure.cases.dataSubjects, cases: secure.casesRepo, transaction, audit, clock },
      importer: { directory: directoryRepo, transaction, audit, clock },
      register,
    },
    forms: { ...service.yidaForms.admin, directory: directoryRepo },
  };
  return { directory, console };
}
