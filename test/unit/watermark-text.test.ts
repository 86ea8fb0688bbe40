import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHkTime } from '../../src/domain/viewing/hk-time.js';
import { newTraceCode, normaliseTraceCode } from '../../src/domain/viewing/trace-code.js';
import { buildWatermarkText, cleanField } from '../../src/domain/viewing/watermark-text.js';

describe('Hong Kong time', () => {
  it('When a UTC instant is formatted, then it shows Hong Kong wall-clock time (UTC+8, no DST)', () => {
    expect(formatHkTime(Date.UTC(2026, 10, 25, 6, 0, 5))).toBe('2026-11-25 14:00:05 HKT');
    expect(formatHkTime(new Date(Date.UTC(2026, 6, 1, 16, 30, 0)))).toBe('2026-07-02 00:30:00 HKT');
    expect(formatHkTime(Date.UTC(2026, 11, 31, 23, 59, 59))).toBe('2027-01-01 07:59:59 HKT');
  });

  it('When the time is not a valid date, then it throws instead of printing NaN', () => {
    expect(() => formatHkTime(new Date('nope'))).toThrow(RangeError);
  });
});

describe('trace codes', () => {
  it('When trace codes are made, then they are T- plus 8 unambiguous characters and do not repeat', () => {
    const codes = Array.from({ length: 2000 }, () => newTraceCode());
    for (const code of codes) expect(code).toMatch(/^T-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('When a code is typed back in lower case with spaces, then it normalises; look-alike letters are refused', () => {
    const code = newTraceCode();
    expect(normaliseTraceCode(`  ${code.toLowerCase()} `)).toBe(code);
    expect(normaliseTraceCode('T-ABCDEFG0')).toBeNull();
    expect(normaliseTraceCode('T-ABCDEFG')).toBeNull();
  });
});

// Mostly ordinary text with the troublesome characters mixed in (fc's 'binary' strings are slow to make).
const fieldText = fc
  .array(
    fc.oneof(
      fc.constantFrom('\u202e', '\u200b', '\u0000', '\n', '\t', ' ', '\u2028', '\ufeff', '陳', '𠮷'),
      fc.integer({ min: 0x20, max: 0x2fff }).map((cp) => String.fromCodePoint(cp)),
    ),
    { maxLength: 300 },
  )
  .map((chars) => chars.join(''));

describe('watermark text', () => {
  it('When a viewer is stamped, then the lines carry name, registration no., institution, HK time and trace', () => {
    const text = buildWatermarkText(
      { name: '陳大文 Dr CHAN Tai-man', registrationNo: 'M12345', institution: 'Queen Mary Hospital' },
      Date.UTC(2026, 10, 25, 6, 0, 0),
      'T-ABCDEFGH',
    );
    expect(text.tileTop).toBe('陳大文 Dr CHAN Tai-man · M12345');
    expect(text.tileBottom).toBe('Queen Mary Hospital · 2026-11-25 14:00:00 HKT · T-ABCDEFGH');
    expect(text.footer).toBe(
      'Confidential · Viewed by 陳大文 Dr CHAN Tai-man · M12345, Queen Mary Hospital · 2026-11-25 14:00:00 HKT · Trace T-ABCDEFGH',
    );
  });

  it('When the document has a type, then the footer line names it (in the words given: the viewer\'s language) before the viewer', () => {
    const at = Date.UTC(2026, 10, 25, 6, 0, 0);
    const viewer = { name: 'Dr WONG', institution: 'HKSH' };
    expect(buildWatermarkText({ ...viewer, documentType: '化驗結果' }, at, 'T-1').footer).toBe('Confidential · 化驗結果 · Viewed by Dr WONG, HKSH · 2026-11-25 14:00:00 HKT · Trace T-1');
    expect(buildWatermarkText({ ...viewer, documentType: 'Discharge summary' }, at, 'T-1').footer).toMatch(/^Confidential · Discharge summary · Viewed by Dr WONG/);
    expect(buildWatermarkText({ ...viewer, documentType: '\u202eLab' }, at, 'T-1').footer).toMatch(/^Confidential · Lab · /);
  });

  it('When a field holds control or bidi-override characters, then they are removed so the stamp reads as stored', () => {
    expect(cleanField('Dr\u202eNAHC\u202c  Tai\nman\t')).toBe('Dr NAHC Tai man');
    expect(cleanField('\u0000\u200b')).toBe('');
  });

  it('When any field is cleaned, then the result has no control/format characters and at most 80 characters', () => {
    fc.assert(
      fc.property(fieldText, (s) => {
        const out = cleanField(s);
        expect([...out].length).toBeLessThanOrEqual(80);
        expect(out).not.toMatch(/[\p{Cc}\p{Cf}]/u);
        expect(out).toBe(out.trim());
      }),
    );
  });

  it('When the name is blank after cleaning, then the stamp still says someone viewed it', () => {
    const text = buildWatermarkText({ name: '\u200b', institution: 'QMH' }, 0, 'T-ABCDEFGH');
    expect(text.tileTop).toBe('Unknown viewer');
  });
});
