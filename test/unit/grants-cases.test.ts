import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPE_CODES, DOCUMENT_TYPES, documentTypeLabel, isDocumentType } from '../../src/contract/document-types.js';
import { GRANT_DURATION_CODES, GRANT_DURATIONS, durationOfMs } from '../../src/contract/grant-durations.js';
import { assertCaseOpen } from '../../src/domain/cases/case-status.js';
import { grantTtlMs, resolveSharingSettings } from '../../src/domain/sharing/sharing-settings.js';
import { approveButtons, decidedButtons } from '../../src/bot/flows/decided-card.js';

const HOUR = 3_600_000;

describe('grant durations', () => {
  const settings = resolveSharingSettings();
  it('the approver’s choice wins; else the purpose’s default (emergency 24 h); else the deployment’s 72 h', () => {
    expect(grantTtlMs(settings, 'continuing_care', '4h')).toBe(4 * HOUR);
    expect(grantTtlMs(settings, 'emergency')).toBe(24 * HOUR);
    expect(grantTtlMs(settings, 'continuing_care')).toBe(72 * HOUR);
    expect(grantTtlMs(resolveSharingSettings({ grantDurationByPurpose: { referral: '7d' } }), 'referral')).toBe(7 * 24 * HOUR);
    expect(() => resolveSharingSettings({ grantDurationByPurpose: { referral: '5h' } } as never)).toThrow(expect.objectContaining({ code: 'config.invalid' }));
  });

  it('the approval card offers every duration, the default first and starred, in the approver’s language', () => {
    const en = approveButtons({ requestId: 'r', step: '0' }, durationOfMs(24 * HOUR), 'en');
    expect(en.map((b) => b.params!.duration)).toEqual(['24h', '4h', '72h', '7d']);
    expect(en.map((b) => b.label)).toEqual(['Approve · 24 hours ★', 'Approve · 4 hours', 'Approve · 72 hours', 'Approve · 7 days']);
    expect(approveButtons({}, undefined, 'zh').map((b) => b.label)).toEqual(['批准 · 4 小時', '批准 · 24 小時', '批准 · 72 小時', '批准 · 7 日']);
    expect(JSON.parse(decidedButtons('g1', 'en'))).toEqual([{ label: 'Revoke access', action: 'revoke', params: { grantId: 'g1' } }]);
    expect(decidedButtons(undefined, 'zh')).toBe('[]');
    for (const c of GRANT_DURATION_CODES) expect(GRANT_DURATIONS[c].zh).not.toBe(GRANT_DURATIONS[c].en);
  });
});

describe('document types', () => {
  it('each type has an English and a different Traditional Chinese label; unknown codes read as a plain document', () => {
    expect(DOCUMENT_TYPE_CODES).toEqual(['report', 'imaging', 'lab', 'discharge_summary', 'letter', 'mdt_summary', 'ecg', 'form', 'other']);
    for (const c of DOCUMENT_TYPE_CODES) {
      expect(DOCUMENT_TYPES[c].en).toMatch(/^[A-Z]/);
      expect(DOCUMENT_TYPES[c].zh).toMatch(/\p{Script=Han}/u);
    }
    expect(documentTypeLabel('lab', 'zh')).toBe('化驗結果');
    expect(documentTypeLabel('toString', 'en')).toBe('Document');
    expect(isDocumentType('constructor')).toBe(false);
  });
});

describe('a closed case is read-only', () => {
  it('case.closed names the case; an open case (or a row without status) passes', () => {
    expect(() => assertCaseOpen({ status: 'closed', code: 'C-7KQ2M' })).toThrow(expect.objectContaining({ code: 'case.closed', details: { caseCode: 'C-7KQ2M' } }));
    expect(() => assertCaseOpen({ status: 'open', code: 'C-7KQ2M' })).not.toThrow();
    expect(() => assertCaseOpen({})).not.toThrow();
  });
});
