import { explain } from '../../domain/access/access-explain.js';
import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { DocumentAccess } from '../../domain/sharing/document-access.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import type { Lang } from '../../shared/lang.js';

/** A clinician's own decision on a document, in plain words in their language. */
export interface OwnExplanation {
  allowed: boolean;
  caseCode: string;
  /** Headline first, then one sentence per reason; facts about the patient only for an insider. */
  reasons: string[];
}

/** What an admin sees about one clinician × document: the deciding policies and the reasons in both languages. */
export interface ClinicianExplanation {
  allowed: boolean;
  clinicianId: string;
  documentId: string;
  caseCode: string;
  policies: string[];
  /** Codes of the permit conditions that were missing. */
  missing: string[];
  reasons: { en: string[]; zh: string[] };
}

/**
 * Whether and why the clinician may open the document now, decided as their own attempt (recorded
 * like any access decision). A stranger to the patient (unverified, or neither on the team nor
 * granted) hears only about themselves.
 */
export async function explainOwnDecision(
  deps: { access: Pick<DocumentAccess, 'decideView'> },
  clinician: ClinicianRow,
  documentId: string,
  lang: Lang,
): Promise<OwnExplanation> {
  const { decision, caseCode, insider } = await deps.access.decideView(clinician, documentId);
  return { allowed: decision.allowed, caseCode, reasons: explain(decision, lang, { patientFacts: insider }) };
}

export interface ExplainForClinicianDeps {
  directory: Pick<DirectoryRepository, 'findById'>;
  access: Pick<DocumentAccess, 'previewView'>;
  audit: Pick<AuditSink, 'append'>;
}

/**
 * An admin asks what the policy would decide for a clinician on a document. The decision is not
 * recorded as that clinician's attempt; the admin's look is audited instead (`admin.explained`, the
 * document as target, whose access by id). Unknown clinician → clinician.not_found; a burned
 * document → burned.
 */
export async function explainForClinician(
  deps: ExplainForClinicianDeps,
  adminId: string,
  clinicianId: string,
  documentId: string,
): Promise<ClinicianExplanation> {
  const clinician = await deps.directory.findById(clinicianId);
  if (!clinician) throw new DomainError('clinician.not_found');
  const { decision, document, caseCode } = await deps.access.previewView(clinician, documentId);
  deps.audit.append({
    actor: adminId,
    action: AUDIT_ACTIONS.adminExplained,
    target: document.id,
    outcome: 'success',
    reason: `clinician:${clinician.id}`.toLowerCase().slice(0, 64),
  });
  return {
    allowed: decision.allowed,
    clinicianId: clinician.id,
    documentId: document.id,
    caseCode,
    policies: decision.policies,
    missing: decision.missing.map((m) => m.code),
    reasons: { en: explain(decision, 'en'), zh: explain(decision, 'zh') },
  };
}
