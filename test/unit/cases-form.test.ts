import { describe, expect, it } from 'vitest';
import { CASE_CODE, newCaseCode, parseCaseCode } from '../../src/domain/cases/case-code.js';
import { caseFormSchema, consentFormSchema, requireDateOfBirth, requireHkid } from '../../src/domain/cases/case-form.js';
import { DomainError } from '../../src/shared/errors.js';
import { parseOrInvalid } from '../../src/shared/validate.js';

const now = Date.UTC(2026, 10, 25);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'other';
  }
  return undefined;
}

describe('case form validation', () => {
  it('When an HKID is given in loose form, then it is normalised; a bad check digit is hkid.invalid', () => {
    expect(requireHkid(' a123456 3')).toBe('A123456(3)');
    expect(codeOf(() => requireHkid('A123456(5)'))).toBe('hkid.invalid');
    expect(codeOf(() => requireHkid('not an id'))).toBe('hkid.invalid');
  });

  it('When a date of birth is not a real past date, then request.invalid names the field only', () => {
    expect(requireDateOfBirth('2000-02-29', now)).toBe('2000-02-29');
    for (const bad of ['1999-02-29', '2026-13-01', '2027-01-01', '1850-01-01']) {
      try {
        requireDateOfBirth(bad, now);
        expect.unreachable(bad);
      } catch (e) {
        expect((e as DomainError).code).toBe('request.invalid');
        expect((e as DomainError).details).toEqual({ fields: ['dateOfBirth'] });
        expect((e as DomainError).message).not.toContain(bad);
      }
    }
  });

  it('When the form is malformed, then the error lists fields, not values', () => {
    try {
      parseOrInvalid(caseFormSchema, { hkid: 'A123456(3)', dateOfBirth: '14/03/1961', consents: [{ institutionCode: 'QMH', status: 'maybe' }] });
      expect.unreachable();
    } catch (e) {
      const err = e as DomainError;
      expect(err.code).toBe('request.invalid');
      expect(err.details?.fields).toEqual(['dateOfBirth', 'consents.0.status']);
      expect(JSON.stringify(err.details)).not.toContain('1961');
    }
  });

  it('When a consent form is empty, then it is refused', () => {
    expect(codeOf(() => parseOrInvalid(consentFormSchema, {}))).toBe('request.invalid');
    expect(parseOrInvalid(consentFormSchema, { restrictedConsents: [{ category: 'mental_health', reference: 'OTP confirmed' }] }).consents).toEqual([]);
    expect(codeOf(() => parseOrInvalid(consentFormSchema, { restrictedConsents: [{ category: 'Free Text!', reference: 'x' }] }))).toBe('request.invalid');
  });
});

describe('case codes', () => {
  it('When codes are generated, then they match the pseudonymous shape', () => {
    for (let i = 0; i < 200; i++) expect(newCaseCode()).toMatch(CASE_CODE);
  });

  it('When a code is typed, then case is ignored and look-alike letters are refused', () => {
    expect(parseCaseCode(' c-7kq2m ')).toBe('C-7KQ2M');
    for (const bad of ['C-7KQ2', 'C-7KQ2MM', 'C-7KQ2O', 'C-1KQ2M', 'X-7KQ2M', 'C7KQ2M']) {
      expect(codeOf(() => parseCaseCode(bad)), bad).toBe('case.code_invalid');
    }
  });
});
