import { describe, expect, it } from 'vitest';
import { assertNoPhi, findPhi, patientData } from '../../src/dingtalk/phi-guard.js';

describe('PHI guard', () => {
  it('passes a content-free card', () => {
    expect(findPhi({ msgKey: 'sampleMarkdown', msgParam: JSON.stringify({ title: 'Case C-7KQ2M', text: 'New report' }) })).toBeNull();
  });
  it('refuses an HKID inside a JSON-encoded msgParam', () => {
    const payload = { msgParam: JSON.stringify({ text: 'pt A123456(3)' }) };
    expect(() => assertNoPhi(payload)).toThrowError(/hkid/);
  });
  it('refuses a marked value and a patient key, without echoing the value', () => {
    expect(findPhi({ a: [patientData({ x: 1 })] })).toBe('marked_field');
    try {
      assertNoPhi({ data: { hkid: 'whatever' } });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toContain('whatever');
      expect((e as { code: string }).code).toBe('phi.blocked');
    }
  });
  it('lets an invalid HKID-like string through (no false positives on check digit)', () => {
    expect(findPhi('ref A123456(4)')).toBeNull();
  });
});
