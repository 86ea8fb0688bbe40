import { DomainError } from '../../shared/errors.js';
import type { MdtStep } from './mdt-meeting.js';
import type { MdtStepRole } from './mdt-tables.js';

/** One configured step (MDT_APPROVAL_CHAIN): its role, and whether the chain goes on without it. */
export interface ChainStepSetting {
  role: MdtStepRole;
  optional: boolean;
}

/** Who can fill each role on this meeting, best first. */
export interface ChainCandidates {
  /** The presenting doctor: the meeting's organiser. */
  presenter: string;
  /** The case's attendings now. */
  attendings: readonly string[];
  /** Participants whose directory title names them head of a department (chief of service, 主任 …). */
  departmentHeads: readonly string[];
}

/** A directory title that names a head of department or service. */
export const DEPARTMENT_HEAD_TITLE = /\b(head|chief|director|cos)\b|主任|主管|部門主管|部门主管|部門主任|顧問醫生主管/i;

/**
 * The sign-off steps of one submission round, in the configured order. A required step nobody can
 * fill stops the submission (`mdt.chain_unfilled`); an optional one is left out.
 */
export function buildSteps(chain: readonly ChainStepSetting[], who: ChainCandidates, ids: { meetingId: string; round: number; newId: () => string }): MdtStep[] {
  const steps: MdtStep[] = [];
  for (const setting of chain) {
    const clinicianId = fill(setting.role, who);
    if (!clinicianId) {
      if (setting.optional) continue;
      throw new DomainError('mdt.chain_unfilled', `nobody fills the ${setting.role} step`);
    }
    steps.push({ id: ids.newId(), meetingId: ids.meetingId, round: ids.round, position: steps.length + 1, role: setting.role, clinicianId, decision: null, comment: null, decidedAt: null });
  }
  if (steps.length === 0) throw new DomainError('mdt.chain_unfilled', 'the chain has no step');
  return steps;
}

function fill(role: MdtStepRole, who: ChainCandidates): string | undefined {
  if (role === 'presenter') return who.presenter;
  if (role === 'attending') return who.attendings[0];
  return who.departmentHeads[0];
}

/** The round's steps, and the first one not decided yet (undefined when all are approved or one returned). */
export function roundOf(steps: readonly MdtStep[], round: number): { steps: MdtStep[]; current: MdtStep | undefined } {
  const mine = steps.filter((s) => s.round === round).sort((a, b) => a.position - b.position);
  const returned = mine.some((s) => s.decision === 'returned');
  return { steps: mine, current: returned ? undefined : mine.find((s) => s.decision === null) };
}
