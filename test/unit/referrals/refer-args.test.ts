import { describe, expect, it } from 'vitest';
import { parseReferArgs } from '../../../src/bot/commands/refer.js';

describe('refer command arguments', () => {
  it('reads specialty, optional institution, severity and purpose code (codes or labels)', () => {
    expect(parseReferArgs(['cardiology', 'PWH', 'urgent', 'referral'])).toEqual({ specialty: 'cardiology', institutionCode: 'PWH', severity: 'urgent', purposeCode: 'referral' });
    expect(parseReferArgs(['心臟科', 'emergency', 'second_opinion'])).toEqual({ specialty: 'cardiology', institutionCode: undefined, severity: 'emergency', purposeCode: 'second_opinion' });
    expect(parseReferArgs(['Cardiology', 'qmh', '一般', 'referral'])).toMatchObject({ institutionCode: 'qmh', severity: 'routine' });
  });

  it('refuses anything else, free text above all', () => {
    expect(parseReferArgs(['cardiology', 'urgent'])).toBeUndefined();
    expect(parseReferArgs(['cardiology', 'PWH', 'urgent', 'referral', 'chest', 'pain'])).toBeUndefined();
    expect(parseReferArgs(['astrology', 'urgent', 'referral'])).toBeUndefined();
    expect(parseReferArgs(['cardiology', 'soon', 'referral'])).toBeUndefined();
    expect(parseReferArgs(['cardiology', 'urgent', 'because'])).toBeUndefined();
    expect(parseReferArgs(['cardiology', 'P W H!', 'urgent', 'referral'])).toBeUndefined();
  });
});
