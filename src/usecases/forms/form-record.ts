import type { FormMapping } from '../../contract/yida.js';
import type { ClinicalNormaliser } from '../../domain/clinical/clinical-normaliser.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { MappedSubmission } from '../../domain/forms/field-mapping.js';
import type { FormRecordText } from '../../domain/forms/form-pdf.js';
import type { SubmissionRecord } from '../../domain/forms/yida-repository-port.js';
import type { MedicationLexicon } from '../../domain/medications/medication-lexicon.js';
import type { MedicationRepository } from '../../domain/medications/medication-repository.js';
import type { MedicationAdded, MedicationEntry, OnMedicationAdded } from '../../domain/medications/medication.js';
import { resolveIngredients } from '../../domain/medications/resolve-ingredients.js';
import type { CaseNotesRepository } from '../../domain/notes/case-note.js';
import type { DocumentTitles } from '../../domain/sharing/document-titles.js';
import type { SharingService } from '../../domain/sharing/sharing-service.js';
import type { Vault } from '../../domain/vault/vault-service.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { Transaction } from '../../shared/transactions.js';

/** Who files a form: the approver when there was one, else the system (the form came from DingTalk). */
export const FORM_AUTHOR = 'system:yida';

export interface FormRecordDeps {
  vault: Pick<Vault, 'store'>;
  sharing: Pick<SharingService, 'registerDocument'>;
  titles: Pick<DocumentTitles, 'set'>;
  notes: Pick<CaseNotesRepository, 'add' | 'listByCase'>;
  normaliser: Pick<ClinicalNormaliser, 'normalise'>;
  /** The case medication list; absent where it is not wired (then medications stay on the document only). */
  medications?: { repo: Pick<MedicationRepository, 'insert'>; lexicon: MedicationLexicon; onAdded: OnMedicationAdded };
  renderPdf: (r: FormRecordText) => Promise<Buffer>;
  transaction: Transaction;
  clock: Clock;
}

/**
 * Files a mapped submission to its case: the record as a PDF in the vault (encrypted like any document)
 * registered as a document of type `form` under the submission's id (so a retry after a crash finds it
 * and never files twice), its read category as the document's policy category, problems the lexicon
 * recognises as confirmed problems (sealed notes) and medications on the case list (keyed by the form
 * instance, so they are added once) — both feed the key points. Answers the document id.
 */
export async function writeFormRecord(deps: FormRecordDeps, sub: SubmissionRecord, mapping: FormMapping, caseRow: CaseRow, mapped: MappedSubmission, authorId: string): Promise<string> {
  const documentId = sub.id;
  const bytes = await deps.renderPdf({ formName: mapping.name, recordType: mapping.recordType, caseCode: caseRow.code, submittedAt: sub.receivedAt, mapped });
  await ignoreConflict(deps.vault.store({ documentId, caseId: caseRow.id, bytes }));
  const meds = deps.medications ? medicationEntries(deps.medications.lexicon, sub, caseRow, mapped, authorId, deps.clock.now()) : [];
  const added: MedicationEntry[] = [];
  await deps.transaction(async () => {
    await ignoreConflict(deps.sharing.registerDocument({
      id: documentId, caseId: caseRow.id, authorId, kind: 'report', docType: mapping.documentType ?? 'form',
      restrictedCategory: mapping.readCategory === 'care_team' ? null : mapping.readCategory, mediaType: 'application/pdf', size: bytes.length,
    }));
    await deps.titles.set(documentId, mapping.name);
    await addProblems(deps, caseRow, mapped.problems, authorId);
    for (const entry of meds) if (await deps.medications!.repo.insert(entry)) added.push(entry);
  });
  for (const entry of added) await deps.medications!.onAdded({ caseId: caseRow.id, caseCode: caseRow.code, entry, actorId: authorId } satisfies MedicationAdded).catch(() => undefined);
  return documentId;
}

async function ignoreConflict(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof DomainError && e.code === 'conflict')) throw e;
  }
}

/** Each diagnosis or symptom the lexicon finds in the problem fields, once per case (never unnormalised text). */
async function addProblems(deps: FormRecordDeps, caseRow: CaseRow, problems: string[], authorId: string): Promise<void> {
  const known = new Set((await deps.notes.listByCase(caseRow.id, 'problem')).map((p) => p.body.entry));
  for (const text of problems) {
    const match = deps.normaliser.normalise(text).find((m) => m.kind === 'diagnosis' || m.kind === 'symptom');
    if (!match || known.has(match.entry)) continue;
    known.add(match.entry);
    await deps.notes.add({ id: newId(), caseId: caseRow.id, kind: 'problem', source: 'form', body: { text: match.canonical, entry: match.entry }, createdAt: deps.clock.now(), createdBy: authorId });
  }
}

function medicationEntries(lexicon: MedicationLexicon, sub: SubmissionRecord, caseRow: CaseRow, mapped: MappedSubmission, authorId: string, now: number): MedicationEntry[] {
  return mapped.medications.map((text, i) => {
    const { ingredients, unresolved } = resolveIngredients(lexicon, text, []);
    return {
      id: newId(), caseId: caseRow.id, source: 'ehr', ehrRef: `yida:${sub.instanceId}#${i}`, text, ingredients, unresolved,
      dose: null, route: null, frequency: null, prescriberId: null, prescriberName: null, institutionId: null,
      startOn: null, stopOn: null, status: 'active', createdAt: now, createdBy: authorId,
    };
  });
}
