import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { CallLevel } from '../../domain/rosters/on-call.js';
import type { RosterShift } from '../../domain/rosters/roster-port.js';
import { isCallLevel } from '../../contract/rosters.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import { assertMayEditRoster, rosterableClinician, rosterById, rosterReason, type RosterDeps, type RosterKey } from './roster-deps.js';

export interface NewShift {
  institutionId: string;
  specialty: string;
  clinicianId: string;
  level: CallLevel;
  startsAt: number;
  endsAt: number;
}

/** A shift's times make sense: whole epoch ms, end after start. */
export function assertShiftTimes(startsAt: number, endsAt: number): void {
  if (!Number.isSafeInteger(startsAt) || !Number.isSafeInteger(endsAt)) throw new DomainError('roster.time_invalid');
  if (endsAt <= startsAt) throw new DomainError('roster.end_before_start');
}

/** The same clinician is never on two shifts at once (any institution or specialty); `except`: shifts being replaced. */
export async function assertNoOverlap(deps: Pick<RosterDeps, 'rosters'>, clinicianId: string, from: number, to: number, except: string[] = []): Promise<void> {
  if ((await deps.rosters.clinicianShifts(clinicianId, from, to, except)).length > 0) throw new DomainError('roster.overlap');
}

/** The shift and its roster, for a change by `actor` (an admin or the roster's owner). */
export async function shiftForEdit(deps: Pick<RosterDeps, 'rosters' | 'directory'>, actor: ClinicianRow, shiftId: string): Promise<{ shift: RosterShift; key: RosterKey }> {
  const shift = await deps.rosters.find(shiftId);
  if (!shift) throw new DomainError('roster.shift_not_found');
  const key = await rosterById(deps, shift.institutionId, shift.specialty);
  await assertMayEditRoster(deps, actor, key);
  return { shift, key };
}

/** Adds one shift (may span midnight) after every check; audited. */
export async function addShift(deps: RosterDeps, actor: ClinicianRow, input: NewShift): Promise<RosterShift> {
  const key = await rosterById(deps, input.institutionId, input.specialty);
  await assertMayEditRoster(deps, actor, key);
  if (!isCallLevel(input.level)) throw new DomainError('request.invalid', 'level');
  assertShiftTimes(input.startsAt, input.endsAt);
  await rosterableClinician(deps, input.clinicianId);
  const shift: RosterShift = { ...input, specialty: key.specialty, id: deps.newId(), createdBy: actor.id, createdAt: deps.clock.now() };
  await deps.transaction(async () => {
    await assertNoOverlap(deps, shift.clinicianId, shift.startsAt, shift.endsAt);
    await deps.rosters.add([shift]);
    deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.rosterShiftAdded, target: shift.id, outcome: 'success', reason: rosterReason(key, shift.level) }, { now: true });
  });
  return shift;
}

/** Removes one shift; audited. */
export async function removeShift(deps: RosterDeps, actor: ClinicianRow, shiftId: string): Promise<void> {
  const { shift, key } = await shiftForEdit(deps, actor, shiftId);
  await deps.transaction(async () => {
    if (!(await deps.rosters.remove(shift.id))) throw new DomainError('roster.shift_not_found');
    deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.rosterShiftRemoved, target: shift.id, outcome: 'success', reason: rosterReason(key, shift.level) }, { now: true });
  });
}
