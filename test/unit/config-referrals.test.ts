import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('referral settings', () => {
  it('default to no fallback order, windows 5 / 30 / 240 min, a 72 h consult grant and DING for emergencies', () => {
    expect(loadConfig({}).referrals).toEqual({
      fallbackInstitutions: [], windowMs: { emergency: 300_000, urgent: 1_800_000, routine: 14_400_000 }, grantMinutes: 72 * 60, dingEmergency: true,
    });
  });

  it('read the fallback order as codes (upper case), the windows, the grant and the DING switch', () => {
    const r = loadConfig({
      REFERRAL_FALLBACK_INSTITUTIONS: ' qmh, PWH ,', REFERRAL_WINDOW_EMERGENCY_MINUTES: '3', REFERRAL_WINDOW_URGENT_MINUTES: '20',
      REFERRAL_WINDOW_ROUTINE_MINUTES: '600', REFERRAL_GRANT_HOURS: '24', REFERRAL_DING_EMERGENCY: 'false',
    }).referrals;
    expect(r).toEqual({ fallbackInstitutions: ['QMH', 'PWH'], windowMs: { emergency: 180_000, urgent: 1_200_000, routine: 36_000_000 }, grantMinutes: 24 * 60, dingEmergency: false });
  });

  it('refuse what is not a code list, a window of 0, or a grant over 14 days', () => {
    for (const env of [{ REFERRAL_FALLBACK_INSTITUTIONS: 'QMH;PWH' }, { REFERRAL_WINDOW_URGENT_MINUTES: '0' }, { REFERRAL_GRANT_HOURS: '400' }, { REFERRAL_DING_EMERGENCY: 'maybe' }]) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(ConfigError);
    }
  });
});
