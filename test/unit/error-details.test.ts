import { describe, expect, it } from 'vitest';
import { errorMessageWith, NAMED_ERROR_MESSAGES } from '../../src/shared/error-details.js';
import { ERROR_TABLE } from '../../src/shared/errors.js';

describe('error messages that name what they are about (issue 12)', () => {
  it('When an institution code is taken, then the message names the code, in English and Chinese', () => {
    expect(errorMessageWith('institution.code_taken', 'en', { code: 'QMH' })).toBe('Institution code QMH is already taken.');
    expect(errorMessageWith('institution.code_taken', 'zh', { code: 'QMH' })).toBe('醫療機構編號 QMH 已被使用。');
  });

  it('When the detail is missing or not a short code, then the table’s own message (nothing typed is echoed)', () => {
    expect(errorMessageWith('institution.code_taken', 'en')).toBe(ERROR_TABLE['institution.code_taken'].en);
    expect(errorMessageWith('institution.code_taken', 'zh', { code: '<b>Q M H</b>' })).toBe(ERROR_TABLE['institution.code_taken'].zh);
    expect(errorMessageWith('access.denied', 'en', { code: 'QMH' })).toBe(ERROR_TABLE['access.denied'].en);
  });

  it('When a named message exists, then both languages differ and the Chinese is Chinese', () => {
    for (const [code, m] of Object.entries(NAMED_ERROR_MESSAGES)) {
      expect(m.zh('X1'), code).not.toBe(m.en('X1'));
      expect(m.zh('X1'), code).toMatch(/[\u3400-\u9fff]/);
      expect(m.en('X1'), code).toContain('X1');
    }
  });
});
