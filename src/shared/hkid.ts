/**
 * Hong Kong Identity Card number: 1–2 letters, 6 digits, check character (0–9 or A).
 * We accept upper or lower case, with or without parentheses and spaces, and normalise to `A123456(3)`.
 */
const HKID_SHAPE = /^([A-Z]{1,2})(\d{6})\(?([0-9A])\)?$/;

/**
 * Loose pattern used to find HKID candidates inside free text (validated with the check digit afterwards).
 * A candidate must not touch a letter, digit, `-` or `_`: identifiers such as UUIDs (`…-ab123456-…`) are
 * made of such runs and would otherwise pass the check digit about once in eleven tries per segment.
 */
export const HKID_IN_TEXT = /(?<![A-Za-z0-9_-])([A-Za-z]{1,2})\s?(\d{6})\s?\(?\s?([0-9Aa])\s?\)?(?![A-Za-z0-9_-])/g;

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
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const m = HKID_SHAPE.exec(compact);
  if (!m) return null;
  const [, letters, digits, check] = m as unknown as [string, string, string, string];
  if (hkidCheckChar(letters, digits) !== check) return null;
  return `${letters}${digits}(${check})`;
}

export function isValidHkid(input: string): boolean {
  return normaliseHkid(input) !== null;
}

/** True when `text` contains at least one check-digit-valid HKID anywhere. */
export function containsHkid(text: string): boolean {
  for (const m of text.matchAll(HKID_IN_TEXT)) {
    if (hkidCheckChar(m[1]!.toUpperCase(), m[2]!) === m[3]!.toUpperCase()) return true;
  }
  return false;
}
