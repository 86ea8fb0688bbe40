import type { Db } from '../../db/client.js';
import { DomainError } from '../../shared/errors.js';
import { directoryStatements } from '../directory/directory-repository.js';
import { sectorOf } from '../patients/consent-queries.js';
import type { FreeTextCipher } from '../patients/free-text-cipher.js';
import { patientsStatements } from '../patients/patients-repository.js';
import type { CaseFacts } from './authorize-port.js';
import { caseFactsOf, memberViewOf, strongestRole, type TeamMemberView } from './case-queries.js';
import type { CareRole } from './cases-tables.js';
import { casesStatements, type CaseRow } from './cases-repository.js';

/**
 * TEMPORARY bridge (issue 10 item 3), to be deleted once its users are async: the case reads that
 * services of other contexts still call synchronously, some inside their own synchronous
 * transactions (document access and its grant check in approvals, burn access, break-glass
 * eligibility, the escalation chain, allergy alerts). Same answers as CaseQueries (case-queries.ts),
 * which the async code uses. Reads only.
 */
export function createCaseReadsSync(deps: { db: Db; texts: FreeTextCipher; now: () => number }) {
  const { now } = deps;
  const directory = directoryStatements(deps.db);
  const cases = casesStatements(deps.db);
  const patients = patientsStatements(deps.db, deps.texts);

  const teamRoleNow = (caseId: string, clinicianId: string): CareRole | '' => strongestRole(cases.teamInForce(caseId, now(), clinicianId));
  const teamOf = (caseId: string): TeamMemberView[] =>
    cases.teamInForce(caseId, now()).flatMap((m) => {
      const c = directory.findById(m.clinicianId);
      return memberViewOf(c, c?.institutionId ? directory.institution(c.institutionId) : undefined, m);
    });

  function hasSharingConsent(patientId: string, institutionId: string): boolean {
    const sector = sectorOf(directory.institution(institutionId));
    if (sector !== 'private') return sector === 'public';
    return patients.latestConsent(patientId, institutionId)?.status === 'granted';
  }

  return {
    caseById: (id: string): CaseRow | undefined => cases.caseById(id),
    caseByCode: (code: string): CaseRow | undefined => cases.caseByCode(code),
    groupsOfCase: (caseId: string) => cases.groupsOfCase(caseId),
    teamRoleNow,
    teamOf,
    attendingsOf: (caseId: string): TeamMemberView[] => teamOf(caseId).filter((m) => m.careRole === 'attending'),
    hasSharingConsent,
    hasRestrictedConsent: (patientId: string, category: string): boolean => patients.hasRestrictedConsent(patientId, category),
    caseFacts(caseId: string, clinicianId: string): CaseFacts {
      const row = cases.caseById(caseId);
      if (!row) throw new DomainError('case.not_found');
      const own = directory.findById(clinicianId)?.institutionId;
      const consented = own ? hasSharingConsent(row.patientId, own) : false;
      const teamInstitutions = cases.teamInForce(caseId, now()).map((m) => directory.findById(m.clinicianId)?.institutionId);
      return caseFactsOf(row, teamInstitutions, teamRoleNow(caseId, clinicianId), consented);
    },
  };
}

export type CaseReadsSync = ReturnType<typeof createCaseReadsSync>;
