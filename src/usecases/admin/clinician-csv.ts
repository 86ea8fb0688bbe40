import { IMPORT_COLUMNS, type IMPORT_PROBLEMS } from '../../contract/correction.js';
import { CLINICIAN_ROLES } from '../../domain/directory/directory-admin.js';
import type { ClinicianRole } from '../../domain/directory/directory-tables.js';
import { parseCsv } from '../../shared/csv.js';
import { DomainError } from '../../shared/errors.js';
import { containsHkid } from '../../shared/hkid.js';

/**
 * The bulk clinician import's file: a header row naming these columns (any order; extra columns are
 * refused), then one clinician a row. Documented in the README ("Bulk clinician import").
 */
export const CSV_COLUMNS = IMPORT_COLUMNS;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly CsvColumn[] = ['dingtalk_user_id', 'display_name', 'role', 'institution_code'];
const MAX_LENGTH: Record<CsvColumn, number> = {
  dingtalk_user_id: 64, display_name: 120, name_en: 120, name_zh: 60, role: 20, specialty: 80, institution_code: 32, registration_no: 12,
};
/** Clinical roles need a register number: MCHK (doctors) `M` + digits; other boards their own letters. */
const CLINICAL: readonly ClinicianRole[] = ['doctor', 'nurse', 'pharmacist'];
const MCHK = /^M\d{3,7}$/;
const REGISTER_NO = /^[A-Z]{1,3}\d{3,7}$/;
export const MAX_ROWS = 2000;

/** Why a row cannot be imported; `column` names the field when one is to blame. */
export interface RowProblem {
  code: (typeof IMPORT_PROBLEMS)[number];
  column?: CsvColumn;
}

export interface CsvClinician {
  line: number;
  dingtalkUserId: string;
  displayName: string;
  nameEn: string | null;
  nameZh: string | null;
  role: ClinicianRole | null;
  specialty: string | null;
  institutionCode: string;
  registrationNo: string | null;
  problems: RowProblem[];
}

/** Parses the file and checks each row on its own (fields, formats, no HKID anywhere); directory checks come after. */
export function readClinicianCsv(text: string): CsvClinician[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new DomainError('request.invalid', 'the file is empty');
  const columns = header.fields.map((h) => h.trim().toLowerCase());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (unknown.length || missing.length) throw new DomainError('request.invalid', `columns: expected ${CSV_COLUMNS.join(',')}`);
  if (rows.length > MAX_ROWS) throw new DomainError('request.too_large', `at most ${MAX_ROWS} rows`);
  return rows.map(({ line, fields }) => {
    const problems: RowProblem[] = [];
    const get = (c: CsvColumn): string | null => {
      const i = columns.indexOf(c);
      const v = i < 0 ? '' : (fields[i] ?? '').trim();
      // An HKID never goes further, not even into the report: the field reads as empty.
      if (containsHkid(v)) return problems.push({ code: 'hkid_in_field', column: c }), null;
      if (v.length > MAX_LENGTH[c]) problems.push({ code: 'too_long', column: c });
      if (!v && REQUIRED.includes(c)) problems.push({ code: 'missing', column: c });
      return v || null;
    };
    const roleText = get('role')?.toLowerCase() ?? null;
    const role = roleText && (CLINICIAN_ROLES as readonly string[]).includes(roleText) ? (roleText as ClinicianRole) : null;
    if (roleText && !role) problems.push({ code: 'bad_role', column: 'role' });
    const registrationNo = get('registration_no')?.toUpperCase() ?? null;
    if (role && CLINICAL.includes(role) && !registrationNo) problems.push({ code: 'missing', column: 'registration_no' });
    else if (registrationNo && !(role === 'doctor' ? MCHK : REGISTER_NO).test(registrationNo)) problems.push({ code: 'bad_registration_no', column: 'registration_no' });
    return {
      line,
      dingtalkUserId: get('dingtalk_user_id') ?? '',
      displayName: get('display_name') ?? '',
      nameEn: get('name_en'),
      nameZh: get('name_zh'),
      role,
      specialty: get('specialty'),
      institutionCode: get('institution_code')?.toUpperCase() ?? '',
      registrationNo,
      problems,
    };
  });
}
