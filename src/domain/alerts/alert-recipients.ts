import type { ClinicianRow, DirectoryRepository } from '../directory/directory-repository.js';
import type { AlertCaseView } from './alert-ports.js';

export interface AlertAudience {
  /** In the scene group with the raiser: the ER team and the patient's community doctor(s). */
  group: ClinicianRow[];
  /** The rest of the case's care team: told 1:1, not pulled into the emergency huddle. */
  direct: ClinicianRow[];
}

const CLINICAL = new Set(['doctor', 'nurse']);
const active = (c: ClinicianRow | undefined): c is ClinicianRow => c !== undefined && c.verified && !c.suspended;

/**
 * Who an allergy alert goes to (the raiser excluded), all verified and not suspended:
 * - the ER team: doctors and nurses of the raiser's department at the raiser's institution (the
 *   directory has no duty roster, so "on duty" is approximated by the department);
 * - the community doctor(s): care-team members in the `referring` role, from any institution;
 * - the rest of the active care team (e.g. the attending specialist): 1:1 only.
 */
export async function alertAudience(
  deps: { directory: Pick<DirectoryRepository, 'inDepartment' | 'findById'>; cases: AlertCaseView },
  raiser: ClinicianRow,
  caseId: string,
): Promise<AlertAudience> {
  const department = raiser.institutionId && raiser.department ? await deps.directory.inDepartment(raiser.institutionId, raiser.department) : [];
  const erTeam = department.filter((c) => active(c) && c.id !== raiser.id && CLINICAL.has(c.role ?? ''));
  const team = (await deps.cases.team(caseId)).filter((m) => m.clinicianId !== raiser.id);
  const members = await Promise.all(team.map(async (m) => ({ m, c: await deps.directory.findById(m.clinicianId) })));
  const referring = members.filter(({ m }) => m.careRole === 'referring').map(({ c }) => c).filter(active);
  const group = uniqueById([...erTeam, ...referring]);
  const inGroup = new Set(group.map((c) => c.id));
  const direct = uniqueById(members.map(({ c }) => c).filter(active)).filter((c) => !inGroup.has(c.id) && CLINICAL.has(c.role ?? ''));
  return { group, direct };
}

function uniqueById(rows: ClinicianRow[]): ClinicianRow[] {
  return [...new Map(rows.map((c) => [c.id, c])).values()];
}
