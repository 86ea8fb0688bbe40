import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { containsHkid, hkidCheckChar, normaliseHkid } from '../../src/shared/hkid.js';

describe('HKID', () => {
  it('accepts the reference example A123456(3)', () => {
    expect(normaliseHkid('A123456(3)')).toBe('A123456(3)');
  });
  it('normalises lower case, spaces and missing parentheses', () => {
    expect(normaliseHkid(' a123456 3 ')).toBe('A123456(3)');
    expect(normaliseHkid('A1234563')).toBe('A123456(3)');
  });
  it('rejects a wrong check digit and bad shapes', () => {
    expect(normaliseHkid('A123456(4)')).toBeNull();
    expect(normaliseHkid('123456(3)')).toBeNull();
    expect(normaliseHkid('ABC123456(3)')).toBeNull();
  });
  it('handles two-letter prefixes and the A / 0 check characters', () => {
    // Every prefix/digits combination has exactly one valid check character.
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,2}$/), fc.stringMatching(/^\d{6}$/), (l, d) => {
        const c = hkidCheckChar(l, d);
        expect(normaliseHkid(`${l}${d}(${c})`)).toBe(`${l}${d}(${c})`);
        const wrong = c === '0' ? '1' : '0';
        expect(normaliseHkid(`${l}${d}(${wrong})`)).toBeNull();
      }),
    );
  });
  it('never mistakes a UUID or other dashed identifier for an HKID', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(containsHkid(id)).toBe(false);
        expect(containsHkid(JSON.stringify({ documentId: id }))).toBe(false);
      }),
      { numRuns: 5000 },
    );
    // A segment that passes the check digit on its own (A123456 + 3) inside an id is still not an HKID.
    expect(containsHkid('doc-a1234563-77')).toBe(false);
    expect(containsHkid('eph_a1234563')).toBe(false);
  });
  it('finds a valid HKID inside free text but ignores invalid ones', () => {
    expect(containsHkid('patient A123456(3) in bed 4')).toBe(true);
    expect(containsHkid('patient a1234563.')).toBe(true);
    expect(containsHkid('patient A123456(4) in bed 4')).toBe(false);
    expect(containsHkid('case C-7KQ2M')).toBe(false);
  });
});
