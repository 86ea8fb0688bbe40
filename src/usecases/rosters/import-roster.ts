import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { RosterShift } from '../../domain/rosters/roster-port.js';
import type { RosterImportReport, RosterRowProblem } from '../../contract/rosters.js';
import { AUDIT_ACTIONS } from '../../shared/audit-sink.js';
import { DomainError } from '../../shared/errors.js';
import { readRosterCsv, type RosterCsvRow } from './roster-csv.js';
import { mayEditRoster, type RosterDeps } from './roster-deps.js';

type Checked = { row: RosterCsvRow; shift?: RosterShift };

/**
 * A roster import from CSV: every row is checked first (fields, a known institution, specialty and
 * clinician — by DingTalk user id or registration number —, the importer may edit that roster, no
 * clinician on two shifts at once, against the stored roster and within the file). Any problem: nothing
 * is imported and the report lists each row's problems. Else every shift is added in one transaction.
 */
export async function importRoster(deps: RosterDeps, actor: ClinicianRow, csv: string): Promise<RosterImportReport> {
  const parsed = readRosterCsv(csv);
  // Only the clinicians the file names (by DingTalk user id, else registration number), never the whole directory.
  const named = parsed.map((r) => r.clinician).filter((c): c is string => !!c);
  const byRegistration = new Map((await deps.directory.byRegistrationNos(named)).map((c) => [c.registrationNo!.toUpperCase(), c]));
  const byUser = new Map((await deps.directory.byDingTalkIds(named)).map((c) => [c.dingtalkUserId, c]));
  const now = deps.clock.now();
  const checked: Checked[] = [];
  for (const row of parsed) {
    const problems: RosterRowProblem[] = row.problems;
    const institution = row.institutionCode ? await deps.directory.institutionByCode(row.institutionCode) : undefined;
    if (row.institutionCode && !institution) problems.push({ code: 'unknown_institution', column: 'institution' });
    const clinician = row.clinician ? (byUser.get(row.clinician) ?? byRegistration.get(row.clinician.toUpperCase())) : undefined;
    if (row.clinician && (!clinician || clinician.suspended)) problems.push({ code: 'unknown_clinician', column: 'clinician' });
    if (institution && row.specialty && !(await mayEditRoster(deps, actor, { institution, specialty: row.specialty }))) problems.push({ code: 'not_permitted' });
    if (problems.length > 0 || !institution || !clinician || !row.specialty || !row.level || row.startsAt === null || row.endsAt === null) {
      checked.push({ row });
      continue;
    }
    const shift: RosterShift = {
      id: deps.newId(), institutionId: institution.id, specialty: row.specialty, clinicianId: clinician.id, level: row.level,
      startsAt: row.startsAt, endsAt: row.endsAt, createdBy: actor.id, createdAt: now,
    };
    if ((await deps.rosters.clinicianShifts(shift.clinicianId, shift.startsAt, shift.endsAt)).length > 0) problems.push({ code: 'overlap_existing', column: 'clinician' });
    const clash = checked.some((c) => c.shift && c.shift.clinicianId === shift.clinicianId && c.shift.startsAt < shift.endsAt && shift.startsAt < c.shift.endsAt);
    if (clash) problems.push({ code: 'overlap_in_file', column: 'clinician' });
    checked.push({ row, shift: problems.length === 0 ? shift : undefined });
  }
  const rows = checked.map((c) => ({ line: c.row.line, problems: c.row.problems }));
  const errors = rows.filter((r) => r.problems.length > 0).length;
  if (errors > 0 || rows.length === 0) return { imported: 0, rows, errors };
  const shifts = checked.map((c) => c.shift!);
  await deps.transaction(async () => {
    for (const s of shifts) {
      // Re-checked inside the transaction: a shift added since the check above refuses the whole file.
      if ((await deps.rosters.clinicianShifts(s.clinicianId, s.startsAt, s.endsAt)).length > 0) throw new DomainError('roster.overlap');
      await deps.rosters.add([s]);
      deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.rosterShiftAdded, target: s.id, outcome: 'success', reason: `import:${s.specialty}:${s.level}`.toLowerCase() });
    }
    deps.audit.append({ actor: actor.id, action: AUDIT_ACTIONS.rosterImported, outcome: 'success', reason: `imported:${shifts.length}` }, { now: true });
  });
  return { imported: shifts.length, rows, errors: 0 };
}
