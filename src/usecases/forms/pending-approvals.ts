import type { FormReturnReason } from '../../contract/yida-codes.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { mapFormData } from '../../domain/forms/field-mapping.js';
import type { SubmissionRecord, YidaRepository } from '../../domain/forms/yida-repository-port.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { mayApprove, type ApproveSubmissionDeps } from './approve-submission.js';

export interface PendingFormsDeps extends ApproveSubmissionDeps {
  repo: ApproveSubmissionDeps['repo'] & Pick<YidaRepository, 'list' | 'update' | 'listMappings'>;
  caseRows: Pick<CasesRepository, 'caseById'>;
  clock: Clock;
}

/** A submission waiting for my approval, as my list shows it: form name, case code, when (no form content). */
export interface PendingForm {
  id: string;
  formName: string;
  caseCode: string;
  receivedAt: number;
}

/** At most this many waiting submissions are read per list (they are few: each waits for one approver). */
const PENDING_MAX = 200;

/** The submissions waiting for approval that I may approve (the case's attending now, or a privacy officer as the mapping says). */
export async function listMyPendingForms(deps: PendingFormsDeps, me: ClinicianRow): Promise<PendingForm[]> {
  const items = await deps.repo.list({ state: 'awaiting_approval', limit: PENDING_MAX });
  const mappings = new Map((await deps.repo.listMappings()).map((m) => [m.formUuid, m]));
  const out: PendingForm[] = [];
  for (const s of items) {
    const mapping = mappings.get(s.formUuid);
    if (!s.caseId || !mapping || !(await mayApprove(deps, me, s, mapping))) continue;
    const caseCode = (await deps.caseRows.caseById(s.caseId))?.code;
    if (caseCode) out.push({ id: s.id, formName: mapping.name, caseCode, receivedAt: s.receivedAt });
  }
  // The list reads newest first; an approver works through the queue oldest first.
  return out.sort((a, b) => a.receivedAt - b.receivedAt);
}

/** A waiting submission I may decide on; anyone else is refused and audited (`action`), whatever the state. */
async function waitingFor(deps: PendingFormsDeps, me: ClinicianRow, id: string, action: string): Promise<{ sub: SubmissionRecord; caseCode: string }> {
  const sub = await deps.repo.find(id);
  if (!sub) throw new DomainError('not_found');
  const mapping = await deps.repo.findMapping(sub.formUuid);
  if (!sub.caseId || !mapping || !(await mayApprove(deps, me, sub, mapping))) {
    deps.audit.append({ actor: me.id, action, target: id, outcome: 'denied', reason: 'not_the_approver' });
    throw new DomainError('access.denied');
  }
  if (sub.state !== 'awaiting_approval') throw new DomainError('yida.state_changed');
  return { sub, caseCode: (await deps.caseRows.caseById(sub.caseId))?.code ?? '' };
}

/**
 * One waiting submission for its approver: the mapped content the record would hold (problems,
 * medications, labelled free text, flags, results) and never the patient's HKID. Audited as a view.
 */
export async function viewPendingForm(deps: PendingFormsDeps, me: ClinicianRow, id: string) {
  const { sub, caseCode } = await waitingFor(deps, me, id, AUDIT_ACTIONS.yidaViewed);
  const mapping = (await deps.repo.findMapping(sub.formUuid))!;
  const { medications, problems, freeText, flags, results } = mapFormData(mapping, JSON.parse(sub.formData ?? 'null'));
  deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.yidaViewed, target: id, outcome: 'success' });
  return {
    id: sub.id, formName: mapping.name, recordType: mapping.recordType, documentType: mapping.documentType ?? 'form', caseCode, receivedAt: sub.receivedAt,
    medications, problems, freeText, flags, results: results.map((r) => ({ loinc: r.loinc, unit: r.unit, value: r.value })),
  };
}

/**
 * The approver returns a submission instead of approving it, with a coded reason (no free text): it
 * leaves the approval queue and waits in the console (`yida.returned`) to be corrected, retried or
 * discarded; nothing is filed and nothing is lost. Audited with the reason.
 */
export async function returnPendingForm(deps: PendingFormsDeps, me: ClinicianRow, id: string, reason: FormReturnReason): Promise<void> {
  await waitingFor(deps, me, id, AUDIT_ACTIONS.yidaReturned);
  const done = await deps.repo.update(id, ['awaiting_approval'], { state: 'waiting', errorCode: 'yida.returned', decidedBy: me.id, updatedAt: deps.clock.now() });
  if (!done) throw new DomainError('yida.state_changed');
  deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.yidaReturned, target: id, outcome: 'success', reason });
}
