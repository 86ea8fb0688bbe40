import { DomainError } from '../../shared/errors.js';
import { randomCode } from '../../shared/ids.js';

/** `C-` plus five characters of the unambiguous alphabet in shared/ids.ts. */
export const CASE_CODE = /^C-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}$/;

export function newCaseCode(): string {
  return `C-${randomCode(5)}`;
}

/** Upper-cases and checks the shape, so a typo is "invalid" rather than "not found". */
export function parseCaseCode(input: string): string {
  const code = input.trim().toUpperCase();
  if (!CASE_CODE.test(code)) throw new DomainError('case.code_invalid');
  return code;
}
