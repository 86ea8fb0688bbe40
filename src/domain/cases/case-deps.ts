import type { Clock } from '../../shared/clock.js';
import type { Transaction } from '../../shared/transactions.js';
import { DomainError } from '../../shared/errors.js';
import type { AuditSink } from '../../shared/audit-sink.js';
import type { ClinicianRow, DirectoryRepository } from '../directory/directory-repository.js';
import type { PatientRecords } from '../patients/patient-records.js';
import type { PatientsRepository } from '../patients/patients-repository.js';
import type { Authorize } from './authorize-port.js';
import type { CaseQueries } from './case-queries.js';
import type { CasesRepository } from './cases-repository.js';
import type { LinkTokens } from './link-tokens.js';
import type { TeamExitPorts } from './team-exit.js';

/** Everything the case services are given; built once in the composition root (see case-module.ts). */
export interface CaseDeps {
  transaction: Transaction;
  cases: CasesRepository;
  patients: PatientsRepository;
  records: PatientRecords;
  directory: DirectoryRepository;
  tokens: LinkTokens;
  queries: CaseQueries;
  audit: AuditSink;
  clock: Clock;
  authorize: Authorize;
  /** Grants end and the clinician is told when their place on a care team ends. */
  exits: TeamExitPorts;
}

/**
 * Opening a case (and attesting patient identity) is for verified, active doctors. Checked against
 * the directory row as it is now, not as it was when a link was issued.
 */
export function assertVerifiedDoctor(c: ClinicianRow): void {
  if (c.suspended) throw new DomainError('actor.suspended');
  if (!c.verified) throw new DomainError('actor.unverified');
  if (c.role !== 'doctor') throw new DomainError('access.denied');
}

/** The current directory row of the clinician behind a form submission. */
export async function clinicianById(directory: Pick<DirectoryRepository, 'findById'>, id: string): Promise<ClinicianRow> {
  const c = await directory.findById(id);
  if (!c) throw new DomainError('not_found', 'no such clinician');
  return c;
}

