import type { AUDIT_TARGET_KINDS } from '../../contract/admin-console.js';
import type { ApprovalRepository } from '../../domain/approvals/approval-repository.js';
import type { CasesRepository } from '../../domain/cases/cases-repository.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { GrantRepository } from '../../domain/grants/grant-repository.js';
import type { PatientsRepository } from '../../domain/patients/patients-repository.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';

export type TargetKind = (typeof AUDIT_TARGET_KINDS)[number];

/**
 * A target by what it is and where it belongs: "Lab result · C-7KQ2M". Codes only — a document's
 * type, never its title; the case's code, never the patient.
 */
export interface TargetRef {
  kind: TargetKind;
  caseCode: string | null;
  /** Documents: their type code (DOCUMENT_TYPES), shown as its word. */
  docType: string | null;
  /** Institutions: their code. */
  code: string | null;
}

export interface AuditTargetDeps {
  documents: Pick<DocumentRepository, 'find'>;
  requests: Pick<ApprovalRepository, 'find'>;
  grants: Pick<GrantRepository, 'find' | 'findReview'>;
  cases: Pick<CasesRepository, 'caseById'>;
  directory: Pick<DirectoryRepository, 'institution'>;
  patients: Pick<PatientsRepository, 'findById'>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const WHOLE_UUID = new RegExp(`^${UUID.source}$`, 'i');
/** Our other opaque ids: a prefix and a long hex tail (`alr_…` alerts, `eph_…` burn-after-reading items). */
const OPAQUE = /(?:^|[^a-z])(alr|eph)_[0-9a-f]{16,}/i;
const BY_PREFIX: Record<string, TargetKind> = { alr: 'alert', eph: 'burn' };

/** Targets no store is asked about: what they are follows from the entry's action. */
const BY_ACTION: ReadonlyArray<[prefix: string, kind: TargetKind]> = [
  ['auth.', 'session'],
  ['ephemeral.', 'burn'],
  ['alert.', 'alert'],
  ['event.', 'message'],
  ['outbound.', 'message'],
  ['outbox.', 'message'],
  ['card.', 'message'],
  ['case.form_link', 'link'],
  ['case.open_started', 'link'],
  ['case.consent_started', 'link'],
];

/**
 * Describes the audit targets that carry an id of a record (people are named by people-names.ts),
 * so the console never shows a UUID or an opaque id: a whole UUID is looked up in each store in turn
 * (document, request, grant…, with its case's code); an `alr_`/`eph_` id is an alert / burn item;
 * anything else holding an id is known by its entry's action (a sign-in, a chat message…), else
 * "another record". Targets without an id (case codes, commands) are left out.
 */
export async function describeTargets(deps: AuditTargetDeps, entries: Iterable<{ action: string; target: string | null }>): Promise<Map<string, TargetRef>> {
  const out = new Map<string, TargetRef>();
  const caseCode = async (caseId: string) => (await deps.cases.caseById(caseId))?.code ?? null;
  const ref = (kind: TargetKind, c: string | null, more: Partial<TargetRef> = {}): TargetRef => ({ kind, caseCode: c, docType: null, code: null, ...more });
  for (const { action, target } of entries) {
    if (!target || out.has(target)) continue;
    const opaque = OPAQUE.exec(target);
    if (!opaque && !UUID.test(target)) continue;
    const found = WHOLE_UUID.test(target) ? await describeOne(deps, target, caseCode, ref) : undefined;
    const byId = opaque && opaque.index === 0 ? BY_PREFIX[opaque[1]!.toLowerCase()] : undefined;
    out.set(target, found ?? ref(byId ?? BY_ACTION.find(([prefix]) => action.startsWith(prefix))?.[1] ?? 'record', null));
  }
  return out;
}

async function describeOne(
  deps: AuditTargetDeps,
  id: string,
  caseCode: (caseId: string) => Promise<string | null>,
  ref: (kind: TargetKind, c: string | null, more?: Partial<TargetRef>) => TargetRef,
): Promise<TargetRef | undefined> {
  const doc = await deps.documents.find(id);
  if (doc) return ref('document', await caseCode(doc.caseId), { docType: doc.docType });
  const request = await deps.requests.find(id);
  if (request) return ref('request', await caseCode(request.caseId));
  const grant = await deps.grants.find(id);
  if (grant) return ref('grant', await caseCode(grant.caseId));
  const review = await deps.grants.findReview(id);
  if (review) return ref('review', await caseCode(review.caseId));
  const c = await deps.cases.caseById(id);
  if (c) return ref('case', c.code);
  const inst = await deps.directory.institution(id);
  if (inst) return ref('institution', null, { code: inst.code });
  if (await deps.patients.findById(id)) return ref('patient', null);
  return undefined;
}
