import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { RosterSettings } from '../../domain/rosters/roster-port.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { assertAdmin, rosterableClinician, rosterById, rosterReason, type RosterDeps } from './roster-deps.js';

export interface RosterSettingsView {
  owner: ClinicianRow | null;
  escalationContact: ClinicianRow | null;
}

/** The roster's owner and escalation contact (directory rows; none when unset). */
export async function rosterSettings(deps: Pick<RosterDeps, 'rosters' | 'directory'>, institutionId: string, specialty: string): Promise<RosterSettingsView> {
  const key = await rosterById(deps, institutionId, specialty);
  const row = await deps.rosters.settings(key.institution.id, key.specialty);
  const person = async (id: string | null | undefined) => (id ? ((await deps.directory.findById(id)) ?? null) : null);
  return { owner: await person(row?.ownerClinicianId), escalationContact: await person(row?.escalationContactId) };
}

/** Sets who owns the roster (may edit it by command) and its escalation contact; admins only. Audited. */
export async function setRosterSettings(
  deps: RosterDeps,
  actor: ClinicianRow,
  input: { institutionId: string; specialty: string; ownerClinicianId: string | null; escalationContactId: string | null },
): Promise<RosterSettings> {
  assertAdmin(actor);
  const key = await rosterById(deps, input.institutionId, input.specialty);
  if (input.ownerClinicianId) await rosterableClinician(deps, input.ownerClinicianId);
  if (input.escalationContactId) await rosterableClinician(deps, input.escalationContactId);
  const row: RosterSettings = { institutionId: key.institution.id, specialty: key.specialty, ownerClinicianId: input.ownerClinicianId, escalationContactId: input.escalationContactId };
  await deps.transaction(async () => {
    await deps.rosters.putSettings(row);
    deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.rosterSettingsChanged, outcome: 'success', reason: rosterReason(key) }, { now: true });
  });
  return row;
}
