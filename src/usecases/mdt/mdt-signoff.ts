import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { buildSteps, DEPARTMENT_HEAD_TITLE, roundOf } from '../../domain/mdt/approval-chain.js';
import type { MdtStep } from '../../domain/mdt/mdt-meeting.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { archiveApprovedSummary, type ArchiveDeps } from './archive-mdt.js';
import { meetingFor, type MeetingInHand } from './mdt-access.js';
import type { MdtDeps } from './mdt-ports.js';
import { checkSummary } from './mdt-summary-check.js';

/** Who may fill each sign-off role on this meeting now. */
async function candidates(deps: MdtDeps, held: MeetingInHand) {
  const team = await deps.cases.teamOf(held.caseRow.id);
  const attendings = team.filter((m) => m.careRole === 'attending' && !m.suspended).map((m) => m.clinicianId);
  const departmentHeads: string[] = [];
  for (const p of held.participants) {
    const c = await deps.directory.findById(p.clinicianId);
    if (c && c.verified && !c.suspended && c.title && DEPARTMENT_HEAD_TITLE.test(c.title)) departmentHeads.push(c.id);
  }
  return { presenter: held.meeting.organiserId, attendings, departmentHeads };
}

/**
 * A participant sends the drafted (or returned and edited) summary for sign-off: a new round of the
 * configured steps (MDT_APPROVAL_CHAIN) starts from the first, whose approver gets a card.
 */
export async function submitSummary(deps: MdtDeps, me: ClinicianRow, meetingId: string): Promise<MdtStep[]> {
  const held = await meetingFor(deps, me, meetingId);
  const minutes = await deps.mdt.findMinutes(meetingId);
  if (!minutes) throw new DomainError('mdt.state_changed', 'no minutes yet');
  checkSummary(minutes.summary, held.participants.map((p) => p.clinicianId));
  const round = held.meeting.round + 1;
  const steps = buildSteps(deps.settings.chain, await candidates(deps, held), { meetingId, round, newId });
  await deps.transaction(async () => {
    if (!(await deps.mdt.moveStatus(meetingId, ['drafted'], 'in_approval', { round, statusAt: deps.clock.now() }))) throw new DomainError('mdt.state_changed');
    await deps.mdt.addSteps(steps);
    deps.audit.append({ actor: me.id, action: AUDIT_ACTIONS.mdtSubmitted, target: meetingId, outcome: 'success', reason: `round:${round}:steps:${steps.length}` });
  });
  await deps.notices.stepDue({ ...held.meeting, status: 'in_approval', round }, held.caseRow, steps[0]!);
  return steps;
}

export type Decision = { decision: 'approved' } | { decision: 'returned'; comment: string };

export interface StepDecided {
  step: MdtStep;
  /** What happens next: the next step's approver is asked, the editor gets it back, or it is archived. */
  next: 'next_step' | 'returned' | 'archived';
  documentId?: string;
}

/**
 * The current step's approver approves or returns (with a comment), from the card or the mini-app.
 * Approved: the next step is asked, or after the last one the summary is archived to the case.
 * Returned: back to the editor; the chain starts again from the first step after resubmission.
 */
export async function decideStep(deps: ArchiveDeps, me: ClinicianRow, meetingId: string, d: Decision): Promise<StepDecided> {
  const held = await meetingFor(deps, me, meetingId);
  if (held.meeting.status !== 'in_approval') throw new DomainError('mdt.state_changed');
  const { steps, current } = roundOf(await deps.mdt.steps(meetingId), held.meeting.round);
  if (!current) throw new DomainError('mdt.state_changed');
  if (current.clinicianId !== me.id) {
    deps.audit.append({ actor: me.id, action: d.decision === 'approved' ? AUDIT_ACTIONS.mdtStepApproved : AUDIT_ACTIONS.mdtReturned, target: meetingId, outcome: 'denied', reason: 'not_your_step' });
    throw new DomainError('mdt.not_your_step');
  }
  const comment = d.decision === 'returned' ? d.comment.trim() : null;
  if (d.decision === 'returned' && (!comment || comment.length > 2000)) throw new DomainError('mdt.comment_required');
  const at = deps.clock.now();
  const decided: MdtStep = { ...current, decision: d.decision, comment, decidedAt: at };
  const last = steps[steps.length - 1]!.id === current.id;
  await deps.transaction(async () => {
    if (!(await deps.mdt.decideStep(current.id, d.decision, comment, at))) throw new DomainError('mdt.state_changed');
    if (d.decision === 'returned' && !(await deps.mdt.moveStatus(meetingId, ['in_approval'], 'returned', { statusAt: at }))) throw new DomainError('mdt.state_changed');
    const action = d.decision === 'approved' ? AUDIT_ACTIONS.mdtStepApproved : AUDIT_ACTIONS.mdtReturned;
    deps.audit.append({ actor: me.id, action, target: meetingId, outcome: 'success', reason: `round:${current.round}:step:${current.position}:${current.role}` });
  });
  await deps.notices.stepDecided(held.meeting, decided, d.decision);
  if (d.decision === 'returned') {
    const minutes = await deps.mdt.findMinutes(meetingId);
    const to = [...new Set([minutes?.editedBy, held.meeting.organiserId].filter((x): x is string => !!x))];
    await deps.notices.returned(held.meeting, held.caseRow, to, me);
    return { step: decided, next: 'returned' };
  }
  if (!last) {
    const next = steps[steps.indexOf(current) + 1]!;
    await deps.notices.stepDue(held.meeting, held.caseRow, next);
    return { step: decided, next: 'next_step' };
  }
  const { documentId } = await archiveApprovedSummary(deps, held, me);
  return { step: decided, next: 'archived', documentId };
}
