import { CASE_CODE } from '../../domain/cases/case-code.js';
import { nameTokens } from '../../domain/patients/name-tokens.js';
import { DomainError } from '../../shared/errors.js';
import { normaliseHkid } from '../../shared/hkid.js';

/** What a search box's text asks for: a case code, an exact HKID, or whole name tokens. */
export type CaseSearch = { kind: 'code'; code: string } | { kind: 'hkid'; hkid: string } | { kind: 'name'; text: string };

/** Something shaped like an HKID (letters, six digits, a check character), valid or not. */
const HKID_SHAPE = /^[A-Z]{1,2}\d{6}\(?[0-9A]\)?$/;

/**
 * Reads the search text: a case code (any case) → code; an HKID shape → the HKID, check digit
 * validated (`hkid.invalid` otherwise); anything else → name tokens (`search.invalid` when it has none).
 */
export function readCaseSearch(q: string): CaseSearch {
  const text = q.normalize('NFKC').trim();
  const upper = text.toUpperCase();
  if (CASE_CODE.test(upper)) return { kind: 'code', code: upper };
  if (HKID_SHAPE.test(upper.replace(/[\s-]+/g, ''))) {
    const hkid = normaliseHkid(text);
    if (!hkid) throw new DomainError('hkid.invalid');
    return { kind: 'hkid', hkid };
  }
  if (nameTokens(text).length === 0) throw new DomainError('search.invalid');
  return { kind: 'name', text };
}
