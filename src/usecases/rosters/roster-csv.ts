import { isCallLevel, ROSTER_CSV_COLUMNS, ROSTER_CSV_OPTIONAL_COLUMNS, ROSTER_EXPORT_COLUMNS, type RosterCsvColumn, type RosterLevel, type RosterRowProblem } from '../../contract/rosters.js';
import { specialtyFromWord, type Specialty } from '../../contract/specialties.js';
import { parseCsv } from '../../shared/csv.js';
import { DomainError } from '../../shared/errors.js';
import { hkCsvTime, parseHkDateTime } from '../../shared/hk-wall-clock.js';

export const MAX_ROSTER_ROWS = 5000;

/** One row as read, before the directory and the stored roster are consulted. */
export interface RosterCsvRow {
  line: number;
  institutionCode: string;
  specialty: Specialty | null;
  level: RosterLevel | null;
  /** A DingTalk user id or a registration number, as written. */
  clinician: string;
  startsAt: number | null;
  endsAt: number | null;
  problems: RosterRowProblem[];
}

/**
 * Reads an import: a header naming the six columns (any order, any case; an informational `name`
 * column, as the export writes, is allowed and ignored), then one shift a row; times
 * in HK wall clock `YYYY-MM-DD HH:mm` (a night shift ends on the next date). Checks each row on its own.
 */
export function readRosterCsv(text: string): RosterCsvRow[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new DomainError('request.invalid', 'the file is empty');
  const columns = header.fields.map((h) => h.trim().toLowerCase());
  const known = (ROSTER_CSV_COLUMNS as readonly string[]).slice();
  const allowed = [...known, ...ROSTER_CSV_OPTIONAL_COLUMNS];
  const wrong = new Set(columns).size !== columns.length || !known.every((c) => columns.includes(c)) || !columns.every((c) => allowed.includes(c));
  if (wrong) throw new DomainError('request.invalid', `columns: ${known.join(',')}`);
  if (rows.length > MAX_ROSTER_ROWS) throw new DomainError('request.too_large', `at most ${MAX_ROSTER_ROWS} rows`);
  return rows.map(({ line, fields }) => {
    const problems: RosterRowProblem[] = [];
    const get = (c: RosterCsvColumn): string => {
      const v = (fields[columns.indexOf(c)] ?? '').trim();
      if (!v) problems.push({ code: 'missing', column: c });
      return v;
    };
    const institutionCode = get('institution').toUpperCase();
    const specialtyWord = get('specialty');
    const specialty = specialtyWord ? (specialtyFromWord(specialtyWord) ?? null) : null;
    if (specialtyWord && !specialty) problems.push({ code: 'unknown_specialty', column: 'specialty' });
    const levelWord = get('level').toLowerCase();
    const level = isCallLevel(levelWord) ? levelWord : null;
    if (levelWord && !level) problems.push({ code: 'bad_level', column: 'level' });
    const clinician = get('clinician');
    const time = (c: 'start' | 'end') => {
      const v = get(c);
      const t = v ? parseHkDateTime(v) : undefined;
      if (v && t === undefined) problems.push({ code: 'bad_time', column: c });
      return t ?? null;
    };
    const startsAt = time('start');
    const endsAt = time('end');
    if (startsAt !== null && endsAt !== null && endsAt <= startsAt) problems.push({ code: 'end_before_start', column: 'end' });
    return { line, institutionCode, specialty, level, clinician, startsAt, endsAt, problems };
  });
}

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The export (the import's columns plus the ignored `name`, so an export can be edited and imported again). */
export function writeRosterCsv(rows: Array<{ institution: string; specialty: string; level: string; clinician: string; name: string; startsAt: number; endsAt: number }>): string {
  const lines = [ROSTER_EXPORT_COLUMNS.join(',')];
  for (const r of rows) lines.push([r.institution, r.specialty, r.level, r.clinician, r.name, hkCsvTime(r.startsAt), hkCsvTime(r.endsAt)].map(quote).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
