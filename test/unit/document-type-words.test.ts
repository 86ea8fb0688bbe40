import { describe, expect, it } from 'vitest';
import { say } from '../../src/bot/i18n.js';
import { ACCESS_TEXTS } from '../../src/bot/texts/access-texts.js';

describe('document types named where a document used to be "report"', () => {
  it('When an approver reads the request card, then its body names the document type in their language', () => {
    expect(say('en', ACCESS_TEXTS.approverCard, 'Dr Wong', 'C-1', '2026-12-06', 'continuing care', 'Discharge summary')).toBe(
      'Dr Wong asks to view the discharge summary of 2026-12-06 for C-1 — reason: continuing care.',
    );
    expect(say('zh', ACCESS_TEXTS.approverCard, '黃醫生', 'C-1', '2026-12-06', '持續護理', '出院摘要')).toContain('的出院摘要');
  });
});
