import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { FormMapping } from '../../contract/yida.js';
import type { SubmissionRecord, YidaRepository } from '../../domain/forms/yida-repository-port.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import { fileSubmission, type FileSubmissionDeps, type FilingOutcome } from './file-submission.js';

export interface ApproveSubmissionDeps {
  repo: Pick<YidaRepository, 'find' | 'findMapping'>;
  cases: Pick<CaseQueries, 'attendingsOf'>;
  file: FileSubmissionDeps;
  audit: AuditSink;
}

/** Whether `approver` approves this submission: the case's attending now, or a privacy officer, as its mapping says. */
export async function mayApprove(deps: Pick<ApproveSubmissionDeps, 'cases'>, approver: ClinicianRow, sub: SubmissionRecord, mapping: FormMapping): Promise<boolean> {
  if (!approver.verified || approver.suspended || !sub.caseId) return false;
  if (mapping.approval === 'privacy_officer') return approver.role === 'privacy_officer';
  return mapping.approval === 'attending' && (await deps.cases.attendingsOf(sub.caseId)).some((m) => m.clinicianId === approver.id);
}

/**
 * Releases a submission whose mapping asks for approval, then files it under the approver's name. Who
 * may approve is the mapping's choice: the case's attending (now), or a privacy officer. Anyone else is
 * refused and audited; a submission not waiting for approval is `yida.state_changed`.
 */
export async function approveSubmission(deps: ApproveSubmissionDeps, approver: ClinicianRow, id: string): Promise<FilingOutcome> {
  const sub = await deps.repo.find(id);
  if (!sub) throw new DomainError('not_found');
  if (sub.state !== 'awaiting_approval' || !sub.caseId) throw new DomainError('yida.state_changed');
  const mapping = await deps.repo.findMapping(sub.formUuid);
  if (!mapping || !(await mayApprove(deps, approver, sub, mapping))) {
    deps.audit.append({ actor: approver.id, action: AUDIT_ACTIONS.yidaApproved, target: id, outcome: 'denied', reason: 'not_the_approver' });
    throw new DomainError('access.denied');
  }
  deps.audit.append({ actor: approver.id, action: AUDIT_ACTIONS.yidaApproved, target: id, outcome: 'success' });
  return fileSubmission(deps.file, sub, approver.id);
}
