import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { coverPieces } from '../../domain/rosters/cover-split.js';
import type { RosterShift } from '../../domain/rosters/roster-port.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import { assertNoOverlap, assertShiftTimes, shiftForEdit } from './edit-shifts.js';
import { rosterableClinician, rosterReason, type RosterDeps } from './roster-deps.js';

/** Two shifts exchange clinicians (both rosters editable by `actor`); neither ends up double-booked. Audited. */
export async function swapShifts(deps: RosterDeps, actor: ClinicianRow, aId: string, bId: string): Promise<void> {
  if (aId === bId) throw new DomainError('request.invalid', 'same shift');
  const a = await shiftForEdit(deps, actor, aId);
  const b = await shiftForEdit(deps, actor, bId);
  await deps.transaction(async () => {
    const both = [a.shift.id, b.shift.id];
    await assertNoOverlap(deps, b.shift.clinicianId, a.shift.startsAt, a.shift.endsAt, both);
    await assertNoOverlap(deps, a.shift.clinicianId, b.shift.startsAt, b.shift.endsAt, both);
    if (!(await deps.rosters.swap(a.shift.id, b.shift.id))) throw new DomainError('roster.shift_not_found');
    // One entry per shift, so each shift's history reads on its own.
    deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.rosterShiftsSwapped, target: a.shift.id, outcome: 'success', reason: rosterReason(a.key, a.shift.level) });
    deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.rosterShiftsSwapped, target: b.shift.id, outcome: 'success', reason: rosterReason(b.key, b.shift.level) }, { now: true });
    await deps.notices?.swapped({ actorId: actor.id, at: deps.clock.now(), a: a.shift, b: b.shift });
  });
}

export interface CoverInput {
  shiftId: string;
  clinicianId: string;
  /** Defaults to the whole shift. */
  from?: number;
  to?: number;
}

/**
 * Another clinician takes a shift, or part of it: the shift is split (before / cover / after), so who
 * was on before and after the cover stays on the record. The coverer must be free then. Audited.
 */
export async function coverShift(deps: RosterDeps, actor: ClinicianRow, input: CoverInput): Promise<RosterShift[]> {
  const { shift, key } = await shiftForEdit(deps, actor, input.shiftId);
  const from = input.from ?? shift.startsAt;
  const to = input.to ?? shift.endsAt;
  assertShiftTimes(from, to);
  if (from < shift.startsAt || to > shift.endsAt) throw new DomainError('roster.cover_outside');
  await rosterableClinician(deps, input.clinicianId);
  const pieces = coverPieces(shift, { clinicianId: input.clinicianId, from, to }, deps.newId, actor.id, deps.clock.now());
  if (!pieces) throw new DomainError('roster.cover_outside');
  await deps.transaction(async () => {
    await assertNoOverlap(deps, input.clinicianId, from, to, [shift.id]);
    if (!(await deps.rosters.replace(shift.id, pieces))) throw new DomainError('roster.shift_not_found');
    const covering = pieces.find((p) => p.clinicianId === input.clinicianId && p.startsAt === from)!;
    deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.rosterShiftCovered, target: covering.id, outcome: 'success', reason: rosterReason(key, shift.level) }, { now: true });
    await deps.notices?.covered({ actorId: actor.id, at: deps.clock.now(), covering, replaced: shift });
  });
  return pieces;
}
