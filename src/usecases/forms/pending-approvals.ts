import type { FormReturnReason } from '../../contract/yida-codes.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { DoctorInboxRepository } from '../../domain/inbox-view/doctor-inbox-repository.js';
import { mapFormData } from '../../domain/forms/field-mapping.js';
import type { SubmissionRecord, YidaRepository } from '../../domain/forms/yida-repository-port.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { decodePageCursor, encodePageCursor, pageLimit } from '../cases/cases-cursor.js';
import { mayApprove, type ApproveSubmissionDeps } from './approve-submission.js';

export interface PendingFormsDeps extends ApproveSubmissionDeps {
  repo: ApproveSubmissionDeps['repo'] & Pick<YidaRepository, 'update' | 'listMappings'>;
  /** The inbox's keyset page of submissions waiting for one approver. */
  inbox: Pick<DoctorInboxRepository, 'pendingFormsFor'>;
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

/**
 * One page of the submissions waiting for my approval, newest first like every inbox list (`?cursor=`
 * is the previous page's `nextCursor`): on forms whose mapping asks the attending, for cases I am the
 * attending of now; on forms that ask a privacy officer, when I am one. The database pages them (the
 * mappings, a handful, say which forms are whose), so a page costs the same however long the queue.
 */
export async function listMyPendingForms(deps: PendingFormsDeps, me: ClinicianRow, input: { cursor?: string; limit?: number } = {}): Promise<{ items: PendingForm[]; nextCursor: string | null }> {
  const limit = pageLimit(input.limit);
  const after = decodePageCursor(input.cursor);
  if (!me.verified || me.suspended) return { items: [], nextCursor: null };
  const mappings = await deps.repo.listMappings();
  const names = new Map(mappings.map((m) => [m.formUuid, m.name]));
  const officer = me.role === 'privacy_officer' ? mappings.filter((m) => m.approval === 'privacy_officer').map((m) => m.formUuid) : [];
  const attending = mappings.filter((m) => m.approval === 'attending').map((m) => m.formUuid);
  const rows = await deps.inbox.pendingFormsFor(me.id, { attending, officer }, { limit: limit + 1, after });
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page.at(-1) : undefined;
  return {
    items: page.map((r) => ({ id: r.id, formName: names.get(r.formUuid) ?? '', caseCode: r.caseCode, receivedAt: r.createdAt })),
    nextCursor: last ? encodePageCursor({ at: last.createdAt, id: last.id }) : null,
  };
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
