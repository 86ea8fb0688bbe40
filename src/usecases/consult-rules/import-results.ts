import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { PatientReveal } from '../../domain/cases/patient-reveal.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { EhrAdapter } from '../../domain/ehr/ehr-port.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import { mayShareToCase, type DecideOnCase } from '../sharing/share-report.js';
import { fireOnObservations, ruleLoincCodes, type FiredRule, type FireRulesDeps } from './fire-consult-rules.js';

export interface ImportResultsDeps {
  fire: FireRulesDeps;
  audit: AuditSink;
  decideOnCase: DecideOnCase;
  cases: Pick<CaseQueries, 'findCase'>;
  reveal: Pick<PatientReveal, 'revealPatient'>;
  ehr: Pick<EhrAdapter, 'patientObservations'>;
}

/** The audit reason of the identity reveal an import needs (the EHR is asked by HKID). */
export const RESULTS_REVEAL_REASON = 'ehr_result_import';

/**
 * Reads the patient's results from the EHR (FHIR Observation, only the LOINC codes some rule in force
 * reads) and lets the consult rules fire on them, for someone the policy lets `share` into the case
 * (an import adds to the case as a share does). The results themselves are not kept: each rule that
 * fires tags its result by EHR reference (`Observation/123`), so reading them again fires nothing new.
 * Throws `access.denied`, `case.closed` and the EHR's coded errors.
 */
export async function importResults(deps: ImportResultsDeps, me: ClinicianRow, code: string): Promise<{ read: number; fired: FiredRule[] }> {
  const caseRow = await deps.cases.findCase(code).catch(() => {
    throw new DomainError('access.denied');
  });
  if (!(await mayShareToCase(deps, me, caseRow))) {
    deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.resultsImported, target: caseRow.code, outcome: 'denied', reason: 'share.not_allowed' });
    throw new DomainError('access.denied');
  }
  const codes = await ruleLoincCodes(deps.fire);
  if (codes.length === 0) return { read: 0, fired: [] };
  const { hkid } = await deps.reveal.revealPatient(caseRow.id, me.id, RESULTS_REVEAL_REASON);
  const observations = await deps.ehr.patientObservations(hkid, codes);
  deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.resultsImported, target: caseRow.code, outcome: 'success', reason: `read_${observations.length}` });
  const fired = await fireOnObservations(deps.fire, { caseId: caseRow.id, caseCode: caseRow.code, observations });
  return { read: observations.length, fired };
}
