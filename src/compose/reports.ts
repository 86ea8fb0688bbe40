import type { DbHandle } from '../db/client.js';
import { createApprovalRepository } from '../domain/approvals/approval-repository.js';
import type { AuditLog } from '../domain/audit/audit-log.js';
import type { DirectoryRepository } from '../domain/directory/directory-repository.js';
import { createGrantRepository } from '../domain/grants/grant-repository.js';
import { createAlertStatsRepository } from '../domain/reports/alert-stats-repository.js';
import { createDashboard } from '../domain/reports/dashboard.js';
import { createDataAccessReports } from '../domain/reports/data-access-report.js';
import type { SecureSharing } from './secure-sharing.js';
import type { Clock } from '../shared/clock.js';
import type { MedicationRepository } from '../domain/medications/medication-repository.js';

/** Wires the admin reports (PDPO data access report, dashboard figures) over the service's repositories. */
export function createReports(deps: {
  dbh: Pick<DbHandle, 'db' | 'store'>; secure: SecureSharing; directory: DirectoryRepository; medications: MedicationRepository; audit: AuditLog; clock: Clock;
}) {
  const { dbh, secure, audit, clock } = deps;
  const subjects = secure.cases.dataSubjects;
  const approvals = createApprovalRepository(dbh.db, dbh.store, secure.texts);
  const dataAccess = createDataAccessReports({
    records: subjects.records,
    patients: subjects.patients,
    cases: secure.casesRepo,
    documents: secure.documentsRepo,
    approvals,
    grants: createGrantRepository(dbh.db, dbh.store, secure.texts),
    auditEntries: audit.repo,
    medications: deps.medications,
    directory: deps.directory,
    audit,
    clock,
  });
  const dashboard = createDashboard({
    documents: secure.documentsRepo,
    approvals,
    alerts: createAlertStatsRepository(dbh.db, dbh.store),
    auditEntries: audit.repo,
    clock,
  });
  return { dataAccess, dashboard };
}

export type Reports = ReturnType<typeof createReports>;
