import type { ClinicalNormaliser } from '../../domain/clinical/clinical-normaliser.js';
import type { GuidelineLinks, GuidelineSource } from '../../domain/clinical/guidelines.js';
import type { Authorize } from '../../domain/cases/authorize-port.js';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CaseNotesRepository } from '../../domain/notes/case-note.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import { ehrAllergies, type EhrAllergiesState, type EhrAllergyDeps } from './summary-ehr-allergies.js';
import { suggestFromNotes, type Suggestion } from './summary-suggestions.js';

/** An active medication entry as the summary needs it (a subset of meds-core's MedicationEntry). */
export interface SummaryMedication {
  id: string;
  text: string;
  /** Lexicon entry ids. */
  ingredients: string[];
  unresolved: string[];
  source: 'clinician' | 'ehr';
  prescriberId: string | null;
  startOn: string | null;
  status: 'active' | 'stopped';
}

/** An interaction alert on the case, content-free (the details page has the rest). */
export interface SummaryInteractionAlert {
  id: string;
  severity: string;
  status: string;
  createdAt: number;
}

export interface CaseSummaryDeps {
  /** The Cedar decision on the case (its `readMedications` rule: the care team's clinical staff). */
  authorize: Authorize;
  cases: Pick<CaseQueries, 'caseFacts'>;
  /** The policy's answer to "may this viewer open the case's records now" (grant or break-glass holders too). */
  mayOpenRecords: (viewer: ClinicianRow, caseId: string) => Promise<boolean>;
  notes: Pick<CaseNotesRepository, 'listByCase'>;
  documents: Pick<DocumentRepository, 'listByCase'>;
  allergyAlerts: (caseId: string) => Promise<{ id: string; createdAt: number; status: string }[]>;
  openRequests: (documentIds: string[]) => Promise<{ id: string; documentId: string; requesterId: string; createdAt: number }[]>;
  /** meds-core's list; absent until that part is wired (then the summary says "not available", never "none"). */
  medications?: (caseId: string) => Promise<SummaryMedication[]>;
  /** The interaction alerts on the case; absent until wired, as above. */
  interactionAlerts?: (caseId: string) => Promise<SummaryInteractionAlert[]>;
  /** The EHR and the audited HKID reveal, for the patient's allergies in the health record. */
  ehrAllergies: EhrAllergyDeps;
  normaliser: Pick<ClinicalNormaliser, 'normalise' | 'drugEntry' | 'resolveDrug'>;
  guidelines: Pick<GuidelineLinks, 'forEntries'>;
  audit: AuditSink;
}

export interface CaseSummary {
  caseCode: string;
  problems: { id: string; entry: string; term: string; confirmedBy: string; confirmedAt: number }[];
  /** null: the medication list is not available on this deployment yet. */
  medications: (SummaryMedication & { terms: string[] })[] | null;
  allergyAlerts: { id: string; raisedAt: number; status: string }[];
  /** The allergies the EHR holds, or why they are unavailable (never shown as "none" then). */
  ehrAllergies: EhrAllergiesState;
  documents: { id: string; docType: string; createdAt: number; status: string }[];
  openRequests: { id: string; requesterId: string; createdAt: number }[];
  /** null: interaction alerts are not available on this deployment yet. */
  interactionAlerts: SummaryInteractionAlert[] | null;
  notes: { id: string; text: string; source: string; createdBy: string; createdAt: number }[];
  suggestions: { problems: Suggestion[]; medications: Suggestion[] };
  guidelines: GuidelineSource[];
}

/** How many documents and notes the key points list (newest first). */
const RECENT = 10;

/**
 * A case's key points (issue 13 item 5), assembled from the structured data: confirmed problems, active
 * medications (their ingredients normalised to lexicon terms), allergy alerts and the EHR's allergies
 * (read with an audited HKID reveal; an unavailable EHR is a state, never an error), recent documents (type and
 * date only), open access requests and interaction alerts. The notes are scanned with the lexicon to
 * suggest problems and medications, for a clinician to confirm. Guideline links follow the problems and
 * medications. Only for the care team's clinical staff (the policy's `readMedications` rule: the key
 * points hold the medication list) or a viewer the policy lets open the case's records now (a grant or
 * break-glass holder); read and refusal audited.
 */
export async function caseSummary(deps: CaseSummaryDeps, viewer: ClinicianRow, caseRow: CaseRow): Promise<CaseSummary> {
  if (!(await mayRead(deps, viewer, caseRow))) {
    deps.audit.append({ actor: viewer.id, action: AUDIT_ACTIONS.caseSummaryRead, target: caseRow.code, outcome: 'denied', reason: 'policy' });
    throw new DomainError('access.denied');
  }
  const problemNotes = await deps.notes.listByCase(caseRow.id, 'problem');
  const notes = await deps.notes.listByCase(caseRow.id, 'note');
  const meds = deps.medications ? (await deps.medications(caseRow.id)).filter((m) => m.status === 'active') : null;
  const docs = (await deps.documents.listByCase(caseRow.id)).filter((d) => d.status === 'active');
  const requests = await deps.openRequests(docs.map((d) => d.id));
  const problems = problemNotes.map((p) => ({ id: p.id, entry: p.body.entry ?? '', term: p.body.text, confirmedBy: p.createdBy, confirmedAt: p.createdAt }));
  const drugEntries = new Set((meds ?? []).flatMap((m) => m.ingredients.map((i) => i.replace(/^ingredient\./, 'drug.'))));
  const suggestions = suggestFromNotes(deps.normaliser, notes, { problems: new Set(problems.map((p) => p.entry)), drugs: drugEntries });
  const fromEhr = await ehrAllergies(deps.ehrAllergies, deps.normaliser, caseRow.id, viewer.id);
  deps.audit.append({ actor: viewer.id, action: AUDIT_ACTIONS.caseSummaryRead, target: caseRow.code, outcome: 'success' });
  return {
    caseCode: caseRow.code,
    problems,
    medications: meds && meds.map((m) => ({ ...m, terms: termsOf(deps.normaliser, m) })),
    allergyAlerts: (await deps.allergyAlerts(caseRow.id)).map((a) => ({ id: a.id, raisedAt: a.createdAt, status: a.status })),
    ehrAllergies: fromEhr,
    documents: docs.slice(-RECENT).reverse().map((d) => ({ id: d.id, docType: d.docType, createdAt: d.createdAt, status: d.status })),
    openRequests: requests.map((r) => ({ id: r.id, requesterId: r.requesterId, createdAt: r.createdAt })),
    interactionAlerts: deps.interactionAlerts ? await deps.interactionAlerts(caseRow.id) : null,
    notes: notes.slice(-RECENT).reverse().map((n) => ({ id: n.id, text: n.body.text, source: n.source, createdBy: n.createdBy, createdAt: n.createdAt })),
    suggestions,
    guidelines: deps.guidelines.forEntries([...problems.map((p) => p.entry), ...drugEntries]),
  };
}

/** A medication's ingredients as canonical lexicon terms (the INN), in entry order. */
function termsOf(normaliser: Pick<ClinicalNormaliser, 'drugEntry'>, m: SummaryMedication): string[] {
  return m.ingredients.map((id) => normaliser.drugEntry(id)?.canonical ?? id.replace(/^(drug|ingredient)\./, ''));
}

async function mayRead(deps: CaseSummaryDeps, viewer: ClinicianRow, caseRow: CaseRow): Promise<boolean> {
  const facts = await deps.cases.caseFacts(caseRow.id, viewer.id);
  const team = await deps.authorize({ clinician: viewer, trusted: viewer.verified && !viewer.suspended }, 'readMedications', facts);
  return team.allowed || (await deps.mayOpenRecords(viewer, caseRow.id));
}
