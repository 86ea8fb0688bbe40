import type { SubmissionState } from '../../contract/yida.js';
import type { CaseRow, CasesRepository } from '../../domain/cases/cases-repository.js';
import { mapFormData } from '../../domain/forms/field-mapping.js';
import type { SubmissionRecord, YidaRepository } from '../../domain/forms/yida-repository-port.js';
import type { PatientSearch } from '../../domain/patients/patient-search.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { DomainError, type ErrorCode } from '../../shared/errors.js';
import type { OnFormFiled } from '../consult-rules/consult-rule-ports.js';
import { FORM_AUTHOR, writeFormRecord, type FormRecordDeps } from './form-record.js';

/** Reads a submission's form data from DingTalk (the Yida OpenAPI, bound to the app's systemToken in compose). */
export type FetchFormData = (q: { instanceId: string; appType: string }) => Promise<Record<string, unknown>>;

export interface FileSubmissionDeps extends FormRecordDeps {
  repo: YidaRepository;
  fetchForm: FetchFormData;
  patientSearch: Pick<PatientSearch, 'byHkid'>;
  cases: Pick<CasesRepository, 'casesOfPatient'>;
  audit: AuditSink;
  /** After a submission is filed: the consult rules evaluate it like a shared document (never fails the filing). */
  onFiled?: OnFormFiled;
}

export type FilingOutcome = { state: SubmissionState; errorCode: ErrorCode | null; documentId: string | null };

/** The states a submission may be (re)filed from. */
const FILEABLE: readonly SubmissionState[] = ['received', 'waiting'];

/**
 * The fetch job (outbox kind `yida.fetch`): reads the form data once (sealed as soon as it arrives; a
 * DingTalk failure is thrown so the outbox retries with backoff and nothing is lost), then files it.
 * A submission already filed, discarded or waiting for approval is left alone (a redelivered job is harmless).
 */
export async function fetchAndFile(deps: FileSubmissionDeps, submissionId: string): Promise<FilingOutcome | null> {
  const sub = await deps.repo.find(submissionId);
  if (!sub || !FILEABLE.includes(sub.state)) return null;
  if (sub.formData === null) {
    let data: Record<string, unknown>;
    try {
      data = await deps.fetchForm({ instanceId: sub.instanceId, appType: sub.appType });
    } catch (e) {
      // Visible in the console while it is retried; a failure DingTalk says is final waits for a retry by hand.
      const code = (e as { code?: unknown }).code === 'yida.malformed' ? 'yida.malformed' : 'yida.fetch_failed';
      await deps.repo.update(sub.id, FILEABLE, { state: 'waiting', errorCode: code, attempts: sub.attempts + 1, updatedAt: deps.clock.now() });
      if ((e as { retryable?: unknown }).retryable === true) throw e;
      deps.audit.append({ actor: 'system', action: AUDIT_ACTIONS.yidaWaiting, target: sub.id, outcome: 'failure', reason: code });
      return { state: 'waiting', errorCode: code, documentId: null };
    }
    const formData = JSON.stringify(data);
    await deps.repo.update(sub.id, FILEABLE, { formData, attempts: sub.attempts + 1, updatedAt: deps.clock.now() });
    return fileSubmission(deps, { ...sub, formData }, null);
  }
  return fileSubmission(deps, sub, null);
}

/**
 * Maps and files a fetched submission; what cannot be filed waits with a coded error (audited), to be
 * re-mapped, retried or discarded in the console. `approverId`: set when an approver released it.
 */
export async function fileSubmission(deps: FileSubmissionDeps, sub: SubmissionRecord, approverId: string | null): Promise<FilingOutcome> {
  const now = () => deps.clock.now();
  try {
    const mapping = await deps.repo.findMapping(sub.formUuid);
    if (!mapping) throw new DomainError('yida.unmapped');
    const mapped = mapFormData(mapping, JSON.parse(sub.formData ?? 'null'));
    const caseRow = await caseFor(deps, mapped.hkid, mapped.caseCode);
    if (mapping.approval !== 'none' && approverId === null) {
      await deps.repo.update(sub.id, FILEABLE, { state: 'awaiting_approval', errorCode: null, caseId: caseRow.id, updatedAt: now() });
      return { state: 'awaiting_approval', errorCode: null, documentId: null };
    }
    const documentId = await writeFormRecord(deps, sub, mapping, caseRow, mapped, approverId ?? FORM_AUTHOR);
    const from: readonly SubmissionState[] = approverId ? ['awaiting_approval'] : FILEABLE;
    await deps.repo.update(sub.id, from, { state: 'filed', errorCode: null, caseId: caseRow.id, documentId, updatedAt: now() });
    deps.audit.append({ actor: approverId ?? 'system', action: AUDIT_ACTIONS.yidaFiled, target: documentId, outcome: 'success', reason: sub.id });
    await deps.onFiled?.({ caseId: caseRow.id, caseCode: caseRow.code, documentId, docType: mapping.documentType ?? 'form', flags: mapped.flags, results: mapped.results });
    return { state: 'filed', errorCode: null, documentId };
  } catch (e) {
    if (!(e instanceof DomainError) || !e.code.startsWith('yida.')) throw e;
    await deps.repo.update(sub.id, FILEABLE, { state: 'waiting', errorCode: e.code, updatedAt: now() });
    deps.audit.append({ actor: 'system', action: AUDIT_ACTIONS.yidaWaiting, target: sub.id, outcome: 'failure', reason: e.code });
    return { state: 'waiting', errorCode: e.code, documentId: null };
  }
}

/** The patient by keyed HKID hash, then their one open case (or the open case the form names). */
async function caseFor(deps: Pick<FileSubmissionDeps, 'patientSearch' | 'cases'>, hkid: string, caseCode: string | null): Promise<CaseRow> {
  const match = await deps.patientSearch.byHkid(hkid);
  const patientId = match.patientIds[0];
  if (!patientId) throw new DomainError('yida.no_patient');
  const open = (await deps.cases.casesOfPatient(patientId)).filter((c) => c.status === 'open');
  if (caseCode) {
    const named = open.find((c) => c.code === caseCode);
    if (!named) throw new DomainError('yida.no_case');
    return named;
  }
  if (open.length === 0) throw new DomainError('yida.no_case');
  if (open.length > 1) throw new DomainError('yida.ambiguous_case');
  return open[0]!;
}
