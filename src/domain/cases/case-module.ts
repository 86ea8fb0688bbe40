import type { Transaction } from '../../shared/transactions.js';
import type { Clock } from '../../shared/clock.js';
import type { AuditSink } from '../../shared/audit-sink.js';
import type { DirectoryRepository } from '../directory/directory-repository.js';
import { createConsentQueries } from '../patients/consent-queries.js';
import type { FieldCipher } from '../patients/field-cipher.js';
import type { NameIndexRepository } from '../patients/name-index-repository.js';
import { createPatientRecords } from '../patients/patient-records.js';
import { createPatientSearch } from '../patients/patient-search.js';
import type { PatientsRepository } from '../patients/patients-repository.js';
import type { Authorize } from './authorize-port.js';
import type { CaseDeps } from './case-deps.js';
import { createCaseAdmin } from './case-admin.js';
import { createCaseOpenService } from './case-open-service.js';
import { createCaseQueries } from './case-queries.js';
import { createCareTeamRoster } from './care-team-roster.js';
import { createCareTeamService } from './care-team-service.js';
import type { CasesRepository } from './cases-repository.js';
import { createConsentService } from './consent-service.js';
import type { LinkTokens } from './link-tokens.js';
import { createPatientReveal } from './patient-reveal.js';
import type { TeamExitPorts } from './team-exit.js';

/**
 * Wires the case context from its ports. `reveal` is returned separately on purpose: only the
 * secure viewer and upload form get it, never chat code.
 */
export function createCaseModule(ports: {
  transaction: Transaction;
  cases: CasesRepository;
  patients: PatientsRepository;
  nameIndex: NameIndexRepository;
  tokens: LinkTokens;
  directory: DirectoryRepository;
  cipher: FieldCipher;
  audit: AuditSink;
  clock: Clock;
  authorize: Authorize;
  exits: TeamExitPorts;
}) {
  const { transaction, cases, patients, nameIndex, tokens, directory, cipher, audit, clock, authorize, exits } = ports;
  const records = createPatientRecords({ repo: patients, cipher, nameIndex });
  const consents = createConsentQueries({ patients, directory });
  const queries = createCaseQueries({ cases, directory, consents, now: () => clock.now() });
  const deps: CaseDeps = { transaction, cases, patients, records, directory, tokens, queries, audit, clock, authorize, exits };
  return {
    queries,
    tokens,
    open: createCaseOpenService(deps),
    team: createCareTeamService(deps),
    /** The console's audited path around `manageCase`: dated roles and group bindings. */
    admin: createCaseAdmin(deps),
    /** The console's full care-team list (booked and ended roles too) and calling off a booking. */
    roster: createCareTeamRoster(deps),
    consent: createConsentService(deps),
    reveal: createPatientReveal({ cases, records, audit }),
    /** Exact patient lookups (HKID hash, name-token blind index): ids only, for the cases search. */
    patientSearch: createPatientSearch({ cipher, patients, nameIndex }),
    /** Patient records and consent history: for the PDPO data access report (admin side) only. */
    dataSubjects: { records, patients },
  };
}

export type CaseModule = ReturnType<typeof createCaseModule>;
