import { documentTypeLabel } from '../../contract/document-types.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { clinicianName } from '../../domain/directory/clinician-names.js';
import type { MdtAction, MdtMinutes, MdtStep } from '../../domain/mdt/mdt-meeting.js';
import { renderSummaryPdf, type SummaryPdfInput } from '../../domain/mdt/summary-pdf.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import { hkDate, hkDateTime } from '../../shared/hk-time.js';
import { newId } from '../../shared/ids.js';
import type { MeetingInHand } from './mdt-access.js';
import type { ArchiveSummaryPdf, MdtDeps } from './mdt-ports.js';

export type ArchiveDeps = MdtDeps & { archivePdf: ArchiveSummaryPdf; renderPdf?: (input: SummaryPdfInput) => Promise<Buffer> };

const ROLE_WORDS: Record<MdtStep['role'], string> = { presenter: 'Presenting doctor 報告醫生', attending: 'Attending 主診醫生', department_head: 'Department head 部門主管' };
const DECISION_WORDS = { approved: 'Approved 批准', returned: 'Returned 退回' } as const;

/**
 * After the last step's approval: the summary as a PDF (approval history on its last page) is
 * archived to the case as an `mdt_summary` document, the actions start being tracked, and their owners
 * and the participants are told 1:1. The meeting moves to `approved` once, so a repeat archives nothing.
 */
export async function archiveApprovedSummary(deps: ArchiveDeps, held: MeetingInHand, by: ClinicianRow): Promise<{ documentId: string }> {
  const minutes = await deps.mdt.findMinutes(held.meeting.id);
  if (!minutes) throw new DomainError('mdt.state_changed');
  const steps = await deps.mdt.steps(held.meeting.id);
  const name = async (id: string | null) => {
    const c = id ? await deps.directory.findById(id) : undefined;
    return c ? clinicianName(c) : '—';
  };
  const input = await pdfInput(held, minutes, steps, name);
  const bytes = await (deps.renderPdf ?? renderSummaryPdf)(input);
  const organiser = (await deps.directory.findById(held.meeting.organiserId)) ?? by;
  const { documentId } = await deps.archivePdf({ caseRow: held.caseRow, author: organiser, bytes });
  const actions: MdtAction[] = minutes.summary.actions.map((a, position) => ({
    id: newId(), meetingId: held.meeting.id, caseId: held.caseRow.id, position, text: a.text, ownerId: a.ownerId!, dueAt: a.dueAt, status: 'open', doneAt: null, remindedAt: null,
  }));
  await deps.transaction(async () => {
    if (!(await deps.mdt.moveStatus(held.meeting.id, ['in_approval'], 'approved', { documentId, statusAt: deps.clock.now() }))) throw new DomainError('mdt.state_changed');
    await deps.mdt.addActions(actions);
    deps.audit.append({ actor: by.id, action: AUDIT_ACTIONS.mdtArchived, target: held.meeting.id, outcome: 'success', reason: `document:${documentId}` });
  });
  await deps.notices.archived(held.meeting, held.caseRow, held.participants.map((p) => p.clinicianId), documentId);
  for (const a of actions) await deps.notices.actionAssigned(held.caseRow, a);
  return { documentId };
}

async function pdfInput(held: MeetingInHand, m: MdtMinutes, steps: MdtStep[], name: (id: string | null) => Promise<string>): Promise<SummaryPdfInput> {
  const people: string[] = [];
  for (const p of held.participants) people.push(`${await name(p.clinicianId)}${p.kind === 'invited' ? ' (invited 受邀)' : ''}`);
  const actions: string[] = [];
  for (const a of m.summary.actions) actions.push(`${a.text} — ${await name(a.ownerId)}${a.dueAt !== null ? `, due 限期 ${hkDate(a.dueAt)}` : ''}`);
  const term = (t: { text: string; canonical: string | null; entry: string | null }) => (t.canonical && t.canonical.toLowerCase() !== t.text.toLowerCase() ? `${t.text} → ${t.canonical}` : t.text);
  const history: string[] = [];
  for (const s of steps) {
    const decided = s.decision ? `${DECISION_WORDS[s.decision]} ${s.decidedAt !== null ? hkDateTime(s.decidedAt) : ''}` : 'Not reached 未到';
    history.push(`Round 輪次 ${s.round} · ${s.position}. ${ROLE_WORDS[s.role]}: ${await name(s.clinicianId)} — ${decided}`);
    if (s.comment) history.push(`    “${s.comment}”`);
  }
  return {
    title: `${documentTypeLabel('mdt_summary', 'en')} ${documentTypeLabel('mdt_summary', 'zh')} · ${held.caseRow.code}`,
    header: [`Meeting 會議: ${hkDateTime(held.meeting.scheduledAt)}`, `Participants 參與者: ${people.join('; ')}`],
    sections: [
      { heading: 'Decisions 決定', lines: m.summary.decisions },
      { heading: 'Actions 跟進', lines: actions },
      { heading: 'Problems 問題', lines: m.summary.problems.map(term) },
      { heading: 'Medications 藥物', lines: m.summary.medications.map(term) },
      { heading: 'Notes 備註', lines: m.summary.notes },
    ].filter((s) => s.lines.length > 0),
    history: { heading: 'Approval history 簽核紀錄', lines: history },
  };
}
