import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFreeTextCipher } from '../../src/domain/patients/free-text-cipher.js';
import { createFieldCipher } from '../../src/domain/patients/field-cipher.js';

describe('free-text cipher', () => {
  const root = randomBytes(32);
  const c = createFreeTextCipher(root);

  it('When a value is sealed, then it opens only for the same column and row, and never shows the text', () => {
    const sealed = c.seal('break_glass_reviews.reason', 'r1', '病人 CHAN Tai-man collapsed');
    expect(sealed).toMatch(/^ft1\.[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain('CHAN');
    expect(c.open('break_glass_reviews.reason', 'r1', sealed)).toBe('病人 CHAN Tai-man collapsed');
    expect(() => c.open('break_glass_reviews.reason', 'r2', sealed)).toThrow(expect.objectContaining({ code: 'internal' }));
    expect(() => c.open('break_glass_reviews.note', 'r1', sealed)).toThrow(expect.objectContaining({ code: 'internal' }));
    expect(() => createFreeTextCipher(randomBytes(32)).open('break_glass_reviews.reason', 'r1', sealed)).toThrow(expect.objectContaining({ code: 'internal' }));
  });

  it('When a stored value has no ft1 prefix (written before encryption), then it reads as stored', () => {
    expect(c.isSealed('eHRSS consent seen')).toBe(false);
    expect(c.open('patient_consents.reference', 'x', 'eHRSS consent seen')).toBe('eHRSS consent seen');
  });

  it('When the field cipher is made from the same root, then its free-text cipher is the same key (one key file)', () => {
    const sealed = createFieldCipher(root).freeText.seal('patient_consents.reference', 'c1', 'ref');
    expect(c.open('patient_consents.reference', 'c1', sealed)).toBe('ref');
  });
});
