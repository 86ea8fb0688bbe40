import { describe, expect, it } from 'vitest';
import { hkidCheckChar, maskHkid } from '../../src/shared/hkid.js';
import { ageOn } from '../../src/usecases/cases/patient-banner.js';

describe('maskHkid', () => {
  it('keeps the letter(s), the first three digits and the check character, masks the rest', () => {
    expect(maskHkid('A123456(3)')).toBe('A123***(3)');
    expect(maskHkid('a123456 3')).toBe('A123***(3)');
  });
  it('keeps two prefix letters and an A check character', () => {
    const check = hkidCheckChar('XY', '987654');
    expect(maskHkid(`XY987654(${check})`)).toBe(`XY987***(${check})`);
    const a = ['100000', '100001', '100002', '100003', '100004', '100005', '100006', '100007', '100008', '100009', '100010'].find((d) => hkidCheckChar('B', d) === 'A')!;
    expect(maskHkid(`B${a}A`)).toBe(`B${a.slice(0, 3)}***(A)`);
  });
  it('masks everything when the value is not a valid HKID', () => {
    expect(maskHkid('A123456(4)')).toBe('***');
    expect(maskHkid('')).toBe('***');
  });
});

describe('ageOn', () => {
  const hk = (iso: string) => Date.parse(`${iso}T00:30:00+08:00`);
  it('counts whole years on the Hong Kong date', () => {
    expect(ageOn('1950-01-02', hk('2026-01-01'))).toBe(75);
    expect(ageOn('1950-01-02', hk('2026-01-02'))).toBe(76);
  });
});
