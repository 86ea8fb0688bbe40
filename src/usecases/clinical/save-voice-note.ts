import type { CaseQueries } from '../../domain/cases/case-queries.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { VoiceDraft, VoiceDraftsRepository } from '../../domain/notes/voice-draft.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import { listMyCases, type MyCaseItem, type MyCasesDeps } from '../cases/my-cases.js';
import { addCaseNote, type AddCaseNoteDeps } from '../notes/case-notes.js';

/**
 * Adds a medication entry to a case: meds-core's add use case (src/usecases/medications/add-medication.ts),
 * adapted in compose. `confirmed` are the lexicon entry ids the clinician confirmed.
 */
export type AddMedicationPort = (me: ClinicianRow, caseRow: CaseRow, input: { text: string; confirmed: string[] }) => Promise<{ entryId: string; unresolved: string[] }>;

export interface SaveVoiceNoteDeps extends AddCaseNoteDeps {
  drafts: Pick<VoiceDraftsRepository, 'find' | 'remove' | 'keep'>;
  cases: Pick<CaseQueries, 'findCase'>;
  myCases: MyCasesDeps;
  /** meds-core's add use case. */
  addMedication: AddMedicationPort;
}

/** A kept voice note as its sender sees it on the confirm page, with their cases to pick from. */
export interface VoiceNoteToConfirm {
  recognition: string;
  terms: VoiceDraft['terms'];
  cases: MyCaseItem[];
  expiresAt: number;
}

export type SaveAs = 'note' | 'medication';

export interface VoiceNoteSaved {
  caseCode: string;
  as: SaveAs;
  /** The case note's id, or the medication entries' (one per confirmed drug). */
  ids: string[];
  /** Names the medication entry could not resolve (never silently "no interaction"). */
  unresolved: string[];
}

/** The sender's own kept voice note; anyone else's looks like none. */
async function draftOf(deps: Pick<SaveVoiceNoteDeps, 'drafts' | 'clock'>, me: ClinicianRow, id: string): Promise<VoiceDraft> {
  const d = await deps.drafts.find(id);
  if (!d || d.clinicianId !== me.id) throw new DomainError('voice.expired');
  if (deps.clock.now() >= d.expiresAt) throw new DomainError('voice.expired');
  return d;
}

export async function openVoiceNote(deps: SaveVoiceNoteDeps, me: ClinicianRow, id: string): Promise<VoiceNoteToConfirm> {
  const d = await draftOf(deps, me, id);
  const page = await listMyCases(deps.myCases, me, { limit: 50 });
  return { recognition: d.recognition, terms: d.terms, cases: page.items, expiresAt: d.expiresAt };
}

/**
 * Saves a kept voice note to one of the sender's cases, once: as a case note (the transcript, sealed),
 * or as a medication entry from the drugs the sender confirmed among the terms heard. The draft is
 * removed first (a second save of the same note finds nothing) and put back if the save is refused.
 */
export async function saveVoiceNote(deps: SaveVoiceNoteDeps, me: ClinicianRow, id: string, req: { caseCode: string; as: SaveAs; confirmed: string[] }): Promise<VoiceNoteSaved> {
  const d = await draftOf(deps, me, id);
  const drugs = d.terms.filter((t) => t.kind === 'drug' && req.confirmed.includes(t.entry));
  if (req.as === 'medication' && drugs.length === 0) throw new DomainError('voice.no_drug');
  let caseRow: CaseRow;
  try {
    caseRow = await deps.cases.findCase(req.caseCode);
  } catch {
    throw new DomainError('access.denied'); // an unknown code looks like a refused one
  }
  if (!(await deps.drafts.remove(d.id))) throw new DomainError('voice.expired');
  try {
    const saved =
      req.as === 'note'
        ? { ids: [(await addCaseNote(deps, me, caseRow, d.recognition, 'voice')).id], unresolved: [] }
        : await addMedicationFrom(deps, me, caseRow, drugs);
    deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.voiceSaved, target: caseRow.code, outcome: 'success', reason: req.as });
    return { caseCode: caseRow.code, as: req.as, ...saved };
  } catch (e) {
    await deps.drafts.keep(d, deps.clock.now());
    throw e;
  }
}

/**
 * One entry per confirmed drug: two drugs named in one voice note are two prescriptions, never one
 * co-formulated product (which the checker would not check against each other).
 */
async function addMedicationFrom(deps: SaveVoiceNoteDeps, me: ClinicianRow, caseRow: CaseRow, drugs: VoiceDraft['terms']) {
  const ids: string[] = [];
  const unresolved: string[] = [];
  for (const t of drugs) {
    const added = await deps.addMedication(me, caseRow, { text: t.heard, confirmed: [t.entry] });
    ids.push(added.entryId);
    unresolved.push(...added.unresolved);
  }
  return { ids, unresolved };
}
