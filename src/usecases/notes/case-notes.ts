import { randomUUID } from 'node:crypto';
import type { ClinicalNormaliser } from '../../domain/clinical/clinical-normaliser.js';
import type { CaseRow } from '../../domain/cases/cases-repository.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CaseNote, CaseNotesRepository } from '../../domain/notes/case-note.js';
import type { CaseNoteSource } from '../../domain/notes/notes-tables.js';
import { AUDIT_ACTIONS, type AuditSink } from '../../shared/audit-sink.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';

/** The Cedar decision on a case for adding to it (secure-sharing's decideOnCase). */
export type DecideAddCaseNote = (clinician: ClinicianRow, action: 'addCaseNote', caseRow: Pick<CaseRow, 'id' | 'code'>) => Promise<{ allowed: boolean }>;

export interface AddCaseNoteDeps {
  notes: Pick<CaseNotesRepository, 'add'>;
  decideOnCase: DecideAddCaseNote;
  audit: AuditSink;
  clock: Clock;
}

/** The longest note kept (a voice note's transcript is far shorter). */
export const NOTE_MAX_CHARS = 4000;

/** Only the care team's attending and consulting clinical staff add to an open case (policy `add-case-note-care-team`). */
async function mayAdd(deps: AddCaseNoteDeps, me: ClinicianRow, caseRow: CaseRow, action: string): Promise<void> {
  if (caseRow.status === 'closed') throw new DomainError('case.closed');
  if ((await deps.decideOnCase(me, 'addCaseNote', caseRow)).allowed) return;
  deps.audit.append({ actor: me.id, action, target: caseRow.code, outcome: 'denied', reason: 'policy' });
  throw new DomainError('access.denied');
}

/** A free-text note on a case, sealed at rest; the audit entry names the case and the source, never the text. */
export async function addCaseNote(deps: AddCaseNoteDeps, me: ClinicianRow, caseRow: CaseRow, text: string, source: CaseNoteSource): Promise<CaseNote> {
  const body = text.trim();
  if (body.length === 0 || body.length > NOTE_MAX_CHARS) throw new DomainError('request.invalid', 'note text is empty or too long');
  await mayAdd(deps, me, caseRow, AUDIT_ACTIONS.caseNoteAdded);
  const note: CaseNote = { id: randomUUID(), caseId: caseRow.id, kind: 'note', source, body: { text: body }, createdAt: deps.clock.now(), createdBy: me.id };
  await deps.notes.add(note);
  deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.caseNoteAdded, target: caseRow.code, outcome: 'success', reason: source });
  return note;
}

export type ConfirmProblemDeps = AddCaseNoteDeps & { notes: Pick<CaseNotesRepository, 'listByCase'>; normaliser: Pick<ClinicalNormaliser, 'normalise'> };

/**
 * A problem a clinician confirmed on a case: `term` (as shown to them) must be matched by the lexicon to
 * `entry`, a diagnosis or symptom, so nothing unnormalised is stored as a problem. Kept as the entry id
 * and its canonical English term, sealed.
 */
export async function confirmProblem(deps: ConfirmProblemDeps, me: ClinicianRow, caseRow: CaseRow, pick: { term: string; entry: string }): Promise<CaseNote> {
  const match = deps.normaliser.normalise(pick.term).find((m) => m.entry === pick.entry);
  if (!match || (match.kind !== 'diagnosis' && match.kind !== 'symptom')) throw new DomainError('note.not_a_problem');
  await mayAdd(deps, me, caseRow, AUDIT_ACTIONS.caseProblemConfirmed);
  if ((await deps.notes.listByCase(caseRow.id, 'problem')).some((p) => p.body.entry === match.entry)) throw new DomainError('conflict', 'problem already confirmed');
  const note: CaseNote = {
    id: randomUUID(), caseId: caseRow.id, kind: 'problem', source: 'suggestion',
    body: { text: match.canonical, entry: match.entry }, createdAt: deps.clock.now(), createdBy: me.id,
  };
  await deps.notes.add(note);
  deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.caseProblemConfirmed, target: caseRow.code, outcome: 'success' });
  return note;
}
