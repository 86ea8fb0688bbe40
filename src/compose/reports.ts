import type { Repositories } from './repositories.js';
import type { AuditLogPort } from '../domain/audit/audit-log-port.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import { createDashboard } from '../domain/reports/dashboard.js';
import { createDataAccessReports } from '../domain/reports/data-access-report.js';
import type { SecureSharing } from './secure-sharing.js';
import type { Clock } from '../shared/clock.js';
import type { MedicationRepository } from '../domain/medications/medication-repository.js';

/** Wires the admin reports (PDPO data access report, dashboard figures) over the service's repositories. */
export function createReports(deps: {
  repos: Pick<Repositories, 'dailyTotals'>; secure: SecureSharing; directory: DirectoryRepository; medications: MedicationRepository; audit: AuditLogPort; clock: Clock;
}) {
  const { repos, secure, audit, clock } = deps;
  const subjects = secure.cases.dataSubjects;
  const approvals = secure.sealed.approvals;
  const dataAccess = createDataAccessReports({
    records: subjects.records,
    patients: subjects.patients,
    cases: secure.casesRepo,
    documents: secure.documentsRepo,
    approvals,
    grants: secure.sealed.grants,
    auditEntries: audit.repo,
    medications: deps.medications,
    directory: deps.directory,
    audit,
    clock,
  });
  const dashboard = createDashboard({ totals: repos.dailyTotals, clock });
  return { dataAccess, dashboard };
}

export type Reports = ReturnType<typeof createReports>;
