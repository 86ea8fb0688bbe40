/**
 * The on-call roster's shared words (server, console, bot): call levels, the CSV columns and the codes
 * a CSV row can be refused with. Plain values, so the mini-app may import them.
 */
export const CALL_LEVELS = ['first', 'second', 'shift'] as const;
export type RosterLevel = (typeof CALL_LEVELS)[number];

export function isCallLevel(v: unknown): v is RosterLevel {
  return typeof v === 'string' && (CALL_LEVELS as readonly string[]).includes(v);
}

/** Header row of an import or export: times are HK wall clock `YYYY-MM-DD HH:mm`. */
export const ROSTER_CSV_COLUMNS = ['institution', 'specialty', 'level', 'clinician', 'start', 'end'] as const;
export type RosterCsvColumn = (typeof ROSTER_CSV_COLUMNS)[number];

/**
 * Columns an import also accepts and ignores: `name`, the clinician's name the export writes next to
 * their id so a person (or Excel) can read the file; the `clinician` column alone says who.
 */
export const ROSTER_CSV_OPTIONAL_COLUMNS = ['name'] as const;

/** The export's header: the import's columns with the name after the clinician. */
export const ROSTER_EXPORT_COLUMNS = ['institution', 'specialty', 'level', 'clinician', 'name', 'start', 'end'] as const;

/** Why one CSV row cannot be imported (each shown in words by the console). */
export const ROSTER_ROW_PROBLEMS = [
  'missing',
  'unknown_institution',
  'unknown_specialty',
  'bad_level',
  'unknown_clinician',
  'bad_time',
  'end_before_start',
  'overlap_existing',
  'overlap_in_file',
  'not_permitted',
] as const;
export type RosterRowProblemCode = (typeof ROSTER_ROW_PROBLEMS)[number];

export interface RosterRowProblem {
  code: RosterRowProblemCode;
  column?: RosterCsvColumn;
}

export interface RosterImportRow {
  line: number;
  problems: RosterRowProblem[];
}

/** An import: every row checked first; nothing imported when any row has a problem. */
export interface RosterImportReport {
  imported: number;
  rows: RosterImportRow[];
  errors: number;
}

/** The console's view of a rostered person (name and role, never an id shown). */
export interface RosterPersonDto {
  id: string;
  name: string;
  role: string | null;
}

/** One shift as the console API answers it (times ISO 8601). */
export interface RosterShiftDto {
  id: string;
  level: RosterLevel;
  clinician: RosterPersonDto | null;
  startsAt: string;
  endsAt: string;
}

/** GET /api/admin/rosters/shifts: a range of one roster with its settings. */
export interface RosterWeekDto {
  shifts: RosterShiftDto[];
  owner: RosterPersonDto | null;
  escalationContact: RosterPersonDto | null;
}
