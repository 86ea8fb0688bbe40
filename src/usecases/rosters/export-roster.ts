import { clinicianName } from '../../domain/directory/clinician-names.js';
import type { RosterShift } from '../../domain/rosters/roster-port.js';
import { writeRosterCsv } from './roster-csv.js';
import { rosterById, type RosterDeps, type RosterKey } from './roster-deps.js';

/** The shifts of one roster (or every specialty at the institution) overlapping [from, to), start order. */
export async function listRoster(deps: Pick<RosterDeps, 'rosters' | 'directory'>, q: { institutionId: string; specialty?: string; from: number; to: number }): Promise<RosterShift[]> {
  if (q.specialty !== undefined) await rosterById(deps, q.institutionId, q.specialty);
  return deps.rosters.listRange(q);
}

/** CSV export of a date range (HK times; clinicians by DingTalk user id, with their name), importable again. */
export async function exportRoster(deps: Pick<RosterDeps, 'rosters' | 'directory'>, key: RosterKey, from: number, to: number): Promise<string> {
  const shifts = await deps.rosters.listRange({ institutionId: key.institution.id, specialty: key.specialty, from, to });
  const rows = [];
  for (const s of shifts) {
    const c = await deps.directory.findById(s.clinicianId);
    rows.push({ institution: key.institution.code, specialty: s.specialty, level: s.level, clinician: c?.dingtalkUserId ?? s.clinicianId, name: c ? clinicianName(c) : '', startsAt: s.startsAt, endsAt: s.endsAt });
  }
  return writeRosterCsv(rows);
}
