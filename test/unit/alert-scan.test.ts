import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from '../../src/domain/vault/upload-check.js';
import { MAX_SCAN_BASE64, splitScan } from '../../src/http/alert-scan.js';

describe('the alert scan field', () => {
  it('When there is no scan, then the form passes through without one', () => {
    expect(splitScan({ substance: 'x', scan: '' })).toEqual({ form: { substance: 'x' } });
    expect(splitScan({ substance: 'x' })).toEqual({ form: { substance: 'x' } });
  });

  it('When the scan is base64, then it is decoded and taken out of the form', () => {
    const bytes = Buffer.from('%PDF-1.4 tiny', 'latin1');
    const out = splitScan({ substance: 'x', scan: bytes.toString('base64') });
    expect(out.form).toEqual({ substance: 'x' });
    expect(out.scan!.equals(bytes)).toBe(true);
  });

  it('When the scan is not base64 or not a string, then request.invalid names the field', () => {
    for (const scan of ['a*b=', 'abc', 42, { data: 'x' }]) {
      expect(() => splitScan({ scan })).toThrow(expect.objectContaining({ code: 'request.invalid', details: { fields: ['scan'] } }));
    }
  });

  it('When the scan is exactly 20 MB it is decoded; one base64 block more is request.too_large', () => {
    expect(MAX_SCAN_BASE64).toBe(Math.ceil(DEFAULT_MAX_BYTES / 3) * 4);
    const max = Buffer.alloc(DEFAULT_MAX_BYTES, 7).toString('base64');
    expect(max.length).toBeLessThanOrEqual(MAX_SCAN_BASE64);
    expect(splitScan({ scan: max }).scan!.length).toBe(DEFAULT_MAX_BYTES);
    expect(() => splitScan({ scan: 'A'.repeat(MAX_SCAN_BASE64 + 4) })).toThrow(expect.objectContaining({ code: 'request.too_large' }));
  });
});
