import { errorMessage, type ErrorCode } from './errors.js';
import type { Lang } from './lang.js';

/** A detail a message may name: a short code (an institution code), never free text or patient data. */
const NAMEABLE = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Messages that name what they are about when the error carries it (`details`), in both languages.
 * The code table's own message (errors.ts) stays the fallback, for errors raised without the detail.
 */
export const NAMED_ERROR_MESSAGES = {
  'institution.code_taken': {
    detail: 'code',
    en: (code: string) => `Institution code ${code} is already taken.`,
    zh: (code: string) => `醫療機構編號 ${code} 已被使用。`,
  },
} as const satisfies Partial<Record<ErrorCode, { detail: string; en: (v: string) => string; zh: (v: string) => string }>>;

/** The message for `code` in `lang`, naming the detail when the error carries a nameable one. */
export function errorMessageWith(code: ErrorCode, lang: Lang, details?: Record<string, unknown>): string {
  const named = (NAMED_ERROR_MESSAGES as Partial<Record<ErrorCode, (typeof NAMED_ERROR_MESSAGES)[keyof typeof NAMED_ERROR_MESSAGES]>>)[code];
  const value = named ? details?.[named.detail] : undefined;
  return named && typeof value === 'string' && NAMEABLE.test(value) ? named[lang](value) : errorMessage(code, lang);
}
