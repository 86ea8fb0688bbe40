import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * How the directory compares what people type about colleagues, the same in SQL on both dialects as
 * the expression indexes are built (clinicians_specialty_idx, clinicians_registration_idx): a
 * specialty trimmed and in lower case ("Cardiology " is "cardiology"), a registration number in upper
 * case ("m12345" is MCHK's "M12345"). A value is passed through the same SQL as the column.
 */
export const specialtyKey = (v: AnyColumn | string): SQL => sql`lower(trim(${v}))`;
export const registrationKey = (v: AnyColumn): SQL => sql`upper(${v})`;

/** Distinct values in chunks a bound-parameter list takes. */
export function chunks(values: Iterable<string>, size = 500): string[][] {
  const keys = [...new Set(values)];
  const out: string[][] = [];
  for (let i = 0; i < keys.length; i += size) out.push(keys.slice(i, i + size));
  return out;
}

/** Registration numbers to look up, as registrationKey compares them: trimmed, upper case, blanks left out. */
export const registrationKeys = (nos: readonly string[]): string[] => nos.map((n) => n.trim().toUpperCase()).filter(Boolean);
