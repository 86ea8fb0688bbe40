/**
 * Hong Kong Identity Card number: 1–2 letters, 6 digits, check character (0–9 or A).
 * We accept upper or lower case, with or without brackets, spaces and hyphens, in half- or full-width
 * (as a Chinese input method types it), and normalise to `A123456(3)`.
 */
const HKID_SHAPE = /^([A-Z]{1,2})(\d{6})[([]?([0-9A])[)\]]?$/;

/**
 * Folds the ways Hong Kong users type an HKID into plain ASCII before matching: NFKC turns full-width
 * letters, digits, brackets, hyphens and the ideographic space into ASCII; CJK brackets (【】〔〕〖〗,
 * what `[` `]` give in a Chinese IME) become square brackets, dash variants become `-`, and invisible
 * format characters (zero-width space, joiners) are dropped so they cannot split a number.
 */
export function foldForHkid(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[【〔〖〘〚]/g, '[')
    .replace(/[】〕〗〙〛]/g, ']')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-');
}

/**
 * Patterns used to find HKID candidates inside (folded) free text; each is validated with the check
 * digit afterwards. Two spellings:
 * - bracketed check character, `A123456(3)` / `A123456 [3]` / `A-123456-(3)`: no identifier is written
 *   that way, so only a letter or digit right before the prefix disqualifies it;
 * - bare, `A1234563` / `A123456 3` / `A123456-3`: must not touch a letter, digit, `-` or `_`, because
 *   identifiers such as UUIDs (`…-ab123456-…`) are made of such runs and would otherwise pass the check
 *   digit about once in eleven tries per segment.
 * Groups 1–3 are the bracketed match (letters, digits, check), 4–6 the bare one.
 */
export const HKID_IN_TEXT = new RegExp(
  [
    String.raw`(?<![A-Za-z0-9])([A-Za-z]{1,2})[\s-]{0,3}(\d{6})[\s-]{0,3}[([]\s?([0-9Aa])\s?[)\]]`,
    String.raw`(?<![A-Za-z0-9_-])([A-Za-z]{1,2})[\s-]{0,3}(\d{6})[\s-]{0,3}([0-9Aa])(?![A-Za-z0-9_-])`,
  ].join('|'),
  'g',
);

function letterValue(ch: string): number {
  return ch.charCodeAt(0) - 55; // A=10 … Z=35
}

export function hkidCheckChar(letters: string, digits: string): string {
  const padded = letters.length === 1 ? [36, letterValue(letters)] : [letterValue(letters[0]!), letterValue(letters[1]!)];
  const values = [...padded, ...[...digits].map(Number)];
  const sum = values.reduce((acc, v, i) => acc + v * (9 - i), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'A' : check === 11 ? '0' : String(check);
}

/** Returns the canonical `A123456(3)` form, or null when the input is not a check-digit-valid HKID. */
export function normaliseHkid(input: string): string | null {
  const compact = foldForHkid(input).replace(/[\s-]+/g, '').toUpperCase();
  const m = HKID_SHAPE.exec(compact);
  if (!m) return null;
  const [, letters, digits, check] = m as unknown as [string, string, string, string];
  if (hkidCheckChar(letters, digits) !== check) return null;
  return `${letters}${digits}(${check})`;
}

export function isValidHkid(input: string): boolean {
  return normaliseHkid(input) !== null;
}

/** True when `text` contains at least one check-digit-valid HKID anywhere, however it is typed. */
export function containsHkid(text: string): boolean {
  // Fast path: no ASCII or full-width digit at all means no HKID (most payload strings are ids/codes).
  if (!/[0-9０-９]/.test(text) && !/[^\x00-\x7f]/.test(text)) return false;
  for (const m of foldForHkid(text).matchAll(HKID_IN_TEXT)) {
    const letters = (m[1] ?? m[4])!.toUpperCase();
    const digits = (m[2] ?? m[5])!;
    const check = (m[3] ?? m[6])!.toUpperCase();
    if (hkidCheckChar(letters, digits) === check) return true;
  }
  return false;
}

/**
 * The HKID as the patient banner shows it: the letter(s) and first three digits, the rest masked, and
 * the check character, e.g. `A123456(3)` → `A123***(3)`. Anything that is not a valid HKID masks fully,
 * so a malformed stored value never shows through.
 */
export function maskHkid(input: string): string {
  const hkid = normaliseHkid(input);
  if (!hkid) return '***';
  const m = /^([A-Z]{1,2})(\d{3})\d{3}\(([0-9A])\)$/.exec(hkid)!;
  return `${m[1]}${m[2]}***(${m[3]})`;
}
