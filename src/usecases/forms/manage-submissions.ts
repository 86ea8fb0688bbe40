import { SUBMISSION_STATES, type SubmissionState } from '../../contract/yida.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../shared/time-cursor.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { SubmissionRecord, YidaRepository } from '../../domain/forms/yida-repository-port.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { fileSubmission, type FileSubmissionDeps, type FilingOutcome } from './file-submission.js';
import { fetchKey, type EnqueueFetch } from './receive-submission.js';

export interface SubmissionView {
  id: string;
  formUuid: string;
  appType: string;
  formName: string | null;
  state: SubmissionState;
  errorCode: string | null;
  caseCode: string | null;
  attempts: number;
  receivedAt: number;
  updatedAt: number;
}

export interface ManageSubmissionsDeps {
  repo: Pick<YidaRepository, 'list' | 'countOf' | 'find' | 'update' | 'listMappings'>;
  cases: Pick<CasesRepository, 'caseById'>;
  audit: AuditSink;
  clock: Clock;
}

/** The console's list of one state, newest first, a keyset page at a time: ids, codes, states and the case code only (the form data stays sealed). */
export async function listSubmissions(deps: ManageSubmissionsDeps, q: { state: SubmissionState; limit: number; cursor?: string }) {
  const rows = await deps.repo.list({ state: q.state, limit: q.limit, after: decodeTimeCursor(q.cursor) });
  const names = new Map((await deps.repo.listMappings()).map((m) => [m.formUuid, m.name]));
  const items: SubmissionView[] = [];
  for (const s of rows) items.push(await view(deps, s, names.get(s.formUuid) ?? null));
  const last = rows.length === q.limit ? rows.at(-1) : undefined;
  const counts = Object.fromEntries(await Promise.all(SUBMISSION_STATES.map(async (s) => [s, await deps.repo.countOf(s)] as const)));
  return { items, nextCursor: last ? encodeTimeCursor({ at: last.receivedAt, id: last.id }) : null, counts };
}

async function view(deps: ManageSubmissionsDeps, s: SubmissionRecord, formName: string | null): Promise<SubmissionView> {
  const caseCode = s.caseId ? ((await deps.cases.caseById(s.caseId))?.code ?? null) : null;
  const { id, formUuid, appType, state, errorCode, attempts, receivedAt, updatedAt } = s;
  return { id, formUuid, appType, formName, state, errorCode, caseCode, attempts, receivedAt, updatedAt };
}

async function requireIn(deps: Pick<ManageSubmissionsDeps, 'repo'>, id: string, states: readonly SubmissionState[]): Promise<SubmissionRecord> {
  const s = await deps.repo.find(id);
  if (!s) throw new DomainError('not_found');
  if (!states.includes(s.state)) throw new DomainError('yida.state_changed');
  return s;
}

/**
 * Retries a waiting (or never fetched) submission after a re-mapping: with its form data, it is filed
 * (or waits again with the new code) at once; without, its fetch is queued again. Audited.
 */
export async function retrySubmission(deps: ManageSubmissionsDeps & { file: FileSubmissionDeps; enqueueFetch: EnqueueFetch }, actor: string, id: string): Promise<FilingOutcome> {
  const s = await requireIn(deps, id, ['waiting', 'received']);
  deps.audit.append({ actor, action: AUDIT_ACTIONS.yidaRetried, target: id, outcome: 'success' });
  if (s.formData === null) {
    await deps.enqueueFetch(id, fetchKey(id, `retry-${deps.clock.now()}`));
    return { state: 'received', errorCode: null, documentId: null };
  }
  return fileSubmission(deps.file, s, null);
}

/** Discards a submission that will not be filed: its sealed form data is erased, the row and the audit entry stay. */
export async function discardSubmission(deps: ManageSubmissionsDeps, actor: string, id: string): Promise<void> {
  await requireIn(deps, id, ['waiting', 'received', 'awaiting_approval']);
  const done = await deps.repo.update(id, ['waiting', 'received', 'awaiting_approval'], { state: 'discarded', formData: null, decidedBy: actor, updatedAt: deps.clock.now() });
  if (!done) throw new DomainError('yida.state_changed');
  deps.audit.append({ actor, action: AUDIT_ACTIONS.yidaDiscarded, target: id, outcome: 'success' });
}
