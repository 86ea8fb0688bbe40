import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import type { Transaction } from '../../shared/transactions.js';
import type { Actor } from '../directory/directory-service.js';
import type { Authorize } from './authorize-port.js';
import type { CaseQueries } from './case-queries.js';
import type { CaseRow, CasesRepository } from './cases-repository.js';
import type { CaseStatus } from './cases-tables.js';

/** A grant a case closure ended: whose, and the access request it answered (none for break-glass). */
export interface EndedGrant {
  clinicianId: string;
  requestId: string | null;
}

/**
 * Port: ends every live grant on a case (approval and break-glass), audited with `cause`; returns the
 * grants ended. Called inside the transaction that closes the case, so both commit or neither does.
 */
export type EndCaseGrants = (caseId: string, actor: string, cause: string, now: number) => Promise<EndedGrant[]>;

export interface StatusChanged {
  caseRow: CaseRow;
  status: CaseStatus;
  /** The grants on the case that ended with it. */
  ended: EndedGrant[];
  at: number;
}

/**
 * Closing and re-opening a case. Only someone the policy lets `manageCase` (the attending); audited
 * either way. Closing ends every live grant on the case in the same transaction; a closed case is
 * read-only (case-status.ts). Re-opening is refused while the patient has another open case.
 */
export function createCaseLifecycle(deps: {
  transaction: Transaction;
  cases: Pick<CasesRepository, 'setStatus' | 'openCaseOfPatient'>;
  queries: Pick<CaseQueries, 'findCase' | 'caseFacts'>;
  authorize: Authorize;
  endCaseGrants: EndCaseGrants;
  audit: AuditSink;
  clock: Clock;
}) {
  return {
    async setStatus(actor: Actor, caseCode: string, status: CaseStatus): Promise<StatusChanged> {
      const action = status === 'closed' ? AUDIT_ACTIONS.caseClosed : AUDIT_ACTIONS.caseReopened;
      const c = await deps.queries.findCase(caseCode);
      const decision = await deps.authorize(actor, 'manageCase', await deps.queries.caseFacts(c.id, actor.clinician.id));
      if (!actor.trusted || !decision.allowed) {
        deps.audit.append({ actor: actor.clinician.id, action, target: c.code, outcome: 'denied', reason: decision.policies.join(',') || 'no_permit' });
        throw new DomainError('access.denied');
      }
      return deps.transaction(async () => {
        const now = deps.clock.now();
        if (status === 'open') {
          const other = await deps.cases.openCaseOfPatient(c.patientId);
          if (other && other.id !== c.id) throw new DomainError('conflict', 'the patient has another open case');
        }
        if (!(await deps.cases.setStatus(c.id, status))) throw new DomainError('conflict', `case already ${status}`);
        const ended = status === 'closed' ? await deps.endCaseGrants(c.id, actor.clinician.id, 'case_closed', now) : [];
        deps.audit.append({ actor: actor.clinician.id, action, target: c.code, outcome: 'success', at: now });
        return { caseRow: { ...c, status }, status, ended, at: now };
      });
    },
  };
}

export type CaseLifecycle = ReturnType<typeof createCaseLifecycle>;
