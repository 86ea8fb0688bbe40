import { randomCode } from '../../shared/ids.js';

/**
 * A trace code names one watermarked view. It is printed on every page and stored in the audit
 * entry, so a leaked printout or photo leads back to who opened it and when.
 * 8 characters from a 30-letter alphabet is about 39 bits: not guessable, still short enough to
 * read aloud or type from a photo of a page.
 */
const TRACE_LENGTH = 8;
const TRACE_PREFIX = 'T-';
const TRACE_SHAPE = /^T-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/;

export function newTraceCode(): string {
  return TRACE_PREFIX + randomCode(TRACE_LENGTH);
}

/**
 * The key to look a typed trace code up by, the same for the console and the CLI: any case and
 * surrounding spaces are accepted (codes are stored upper case).
 */
export function traceLookupKey(input: string): string {
  return normaliseTraceCode(input) ?? input.trim().toUpperCase();
}

/** Accepts what a person may type from a photo: any case, surrounding spaces. */
export function normaliseTraceCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return TRACE_SHAPE.test(code) ? code : null;
}
