import type { FormMapping, SubmissionState } from '../../contract/yida.js';
import type { TimeCursor } from '../../shared/time-cursor.js';

/** A Yida submission as the use cases see it: the form data opened (JSON text), or null until fetched. */
export interface SubmissionRecord {
  id: string;
  instanceId: string;
  formUuid: string;
  appType: string;
  state: SubmissionState;
  errorCode: string | null;
  attempts: number;
  formData: string | null;
  caseId: string | null;
  documentId: string | null;
  receivedAt: number;
  updatedAt: number;
  decidedBy: string | null;
}

export type SubmissionPatch = Partial<Pick<SubmissionRecord, 'state' | 'errorCode' | 'attempts' | 'formData' | 'caseId' | 'documentId' | 'decidedBy'>> & { updatedAt: number };

/** The form archive's storage (SQLite: yida-repository.ts, PostgreSQL: yida-repository-pg.ts); form data sealed at rest. */
export interface YidaRepository {
  /** Stores a new notification unless its instance id is known; answers the row's id either way. */
  insertReceived(row: Pick<SubmissionRecord, 'id' | 'instanceId' | 'formUuid' | 'appType' | 'receivedAt'>): Promise<{ id: string; created: boolean }>;
  find(id: string): Promise<SubmissionRecord | undefined>;
  /** Applies the patch when the row is in one of `from` (compare-and-set); answers whether it changed. */
  update(id: string, from: readonly SubmissionState[], patch: SubmissionPatch): Promise<boolean>;
  /** One state, newest first, a keyset page after `after` (yida_submissions_state_idx: state, received_at, id). */
  list(q: { state: SubmissionState; limit: number; after?: TimeCursor }): Promise<SubmissionRecord[]>;
  /** Submissions in one state: an index range, not a walk of every submission kept. */
  countOf(state: SubmissionState): Promise<number>;
  findMapping(formUuid: string): Promise<FormMapping | undefined>;
  listMappings(): Promise<FormMapping[]>;
  putMapping(m: FormMapping): Promise<void>;
  removeMapping(formUuid: string): Promise<boolean>;
}

export const FORM_DATA_COLUMN = 'yida_submissions.form_data' as const;
