import { describe, expect, it } from 'vitest';
import { PURPOSE_CODES, PURPOSE_OF_USE, isPurposeOfUse, purposeLabel } from '../../src/contract/purpose-of-use.js';
import { DEFAULT_SHARING_SETTINGS, resolveSharingSettings } from '../../src/domain/sharing/sharing-settings.js';

describe('sharing settings', () => {
  it('When nothing is overridden, then the documented defaults apply (1 step, 24 h, 72 h, 4 h, 10 chars, all reasons)', () => {
    const s = resolveSharingSettings();
    expect(s).toEqual({
      approverChain: ['attending'],
      requestTtlMs: 24 * 3_600_000,
      approvalGrantTtlMs: 72 * 3_600_000,
      grantDurationByPurpose: { emergency: '24h', medication_review: '24h' },
      breakGlassTtlMs: 4 * 3_600_000,
      breakGlassMinReasonLength: 10,
      reasonCodes: ['continuing_care', 'referral', 'second_opinion', 'emergency', 'medication_review'],
    });
    expect(Object.isFrozen(s)).toBe(true);
    expect(DEFAULT_SHARING_SETTINGS.approverChain).toEqual(['attending']);
  });

  it('When overrides are given, then they replace the defaults; invalid ones are config.invalid', () => {
    expect(resolveSharingSettings({ approverChain: ['attending', 'privacy_officer'], requestTtlMs: 60_000 })).toMatchObject({
      approverChain: ['attending', 'privacy_officer'],
      requestTtlMs: 60_000,
      approvalGrantTtlMs: 72 * 3_600_000,
    });
    for (const bad of [{ approverChain: [] }, { approverChain: ['nurse'] }, { requestTtlMs: 0 }, { breakGlassTtlMs: 1.5 }, { reasonCodes: ['curiosity'] }]) {
      expect(() => resolveSharingSettings(bad as never)).toThrow(expect.objectContaining({ code: 'config.invalid' }));
    }
  });

  it('Every purpose-of-use code has an English and a Traditional Chinese label, and unknown codes are rejected', () => {
    expect(PURPOSE_CODES).toHaveLength(5);
    for (const code of PURPOSE_CODES) {
      expect(purposeLabel(code, 'en')).toMatch(/^[A-Z][a-z]/);
      expect(purposeLabel(code, 'zh')).toMatch(/\p{Script=Han}/u);
    }
    expect(purposeLabel('continuing_care', 'zh')).toBe(PURPOSE_OF_USE.continuing_care.zh);
    expect(isPurposeOfUse('referral')).toBe(true);
    expect(isPurposeOfUse('toString')).toBe(false);
    expect(isPurposeOfUse('curiosity')).toBe(false);
  });
});
