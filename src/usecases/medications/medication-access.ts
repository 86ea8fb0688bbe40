import type { Authorize } from '../../domain/cases/authorize-port.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { AuditSink } from '../../shared/audit-sink.js';
import { DomainError, isDomainError } from '../../shared/errors.js';

export interface MedicationAccessDeps {
  cases: Pick<CaseQueries, 'findCase' | 'caseFacts'>;
  authorize: Authorize;
  audit: AuditSink;
}

export type MedicationAction = 'readMedications' | 'addMedication';

/**
 * The case behind a code, if the policy lets `me` take `action` on its medication list now; otherwise
 * `access.denied`, audited under `auditAction` (an unknown code is refused the same way, so codes cannot
 * be probed). A care-team member adding to a closed case is told `case.closed` (the attending can re-open).
 */
export async function caseForMedications(deps: MedicationAccessDeps, me: ClinicianRow, code: string, action: MedicationAction, auditAction: string): Promise<CaseRow> {
  const refuse = (target: string, reason: string): never => {
    deps.audit.append({ actor: me.id, action: auditAction, target, outcome: 'denied', reason });
    throw new DomainError('access.denied');
  };
  let row: CaseRow;
  try {
    row = await deps.cases.findCase(code);
  } catch (e) {
    if (isDomainError(e) && (e.code === 'case.not_found' || e.code === 'case.code_invalid')) return refuse('unknown_case', 'unknown_case');
    throw e;
  }
  const facts = await deps.cases.caseFacts(row.id, me.id);
  if (action === 'addMedication' && facts.closed && facts.careRole !== '') throw new DomainError('case.closed');
  const decision = await deps.authorize({ clinician: me, trusted: me.verified && !me.suspended }, action, facts);
  if (!decision.allowed) return refuse(row.code, decision.policies.join(',') || 'no_permit');
  return row;
}
