import { describe, expect, it } from 'vitest';
import { createReportCards } from '../../src/bot/flows/report-cards.js';
import { say } from '../../src/bot/i18n.js';
import { ACCESS_TEXTS } from '../../src/bot/texts/access-texts.js';
import type { CommandDeps } from '../../src/bot/commands/deps.js';
import type { ClinicianRow } from '../../src/domain/directory/directory-repository.js';

type Card = { title: string; text: string };

/** A report card factory over a directory with no institutions and a notifier that records group cards. */
function cardsWith(sent: Card[]) {
  const deps = {
    directoryRepo: { findById: async () => undefined, institution: async () => undefined },
    notify: { cardToGroup: async (_id: string, _conv: string, title: string, text: string) => void sent.push({ title, text }) },
  } as unknown as Pick<CommandDeps, 'directoryRepo' | 'notify'>;
  return createReportCards(deps);
}

const author = (language: string) => ({ id: 'c1', displayName: 'Dr Chan', nameZh: '陳大文', language, verified: true, suspended: false, institutionId: null }) as unknown as ClinicianRow;
const shared = (docType: 'imaging' | 'lab' | 'report', language: string, urgent = false) =>
  ({ outTrackId: 'o', conversationId: 'g', documentId: 'd', caseCode: 'C-7KQ2M', docType, author: author(language), urgent, at: 0 });

describe('document types named where a document used to be "report"', () => {
  it('When an English reader shares imaging, then the group card says "New imaging", not "report"', async () => {
    const sent: Card[] = [];
    await cardsWith(sent).reportShared(shared('imaging', 'en'));
    expect(sent[0]!.title).toBe('📄 New imaging · case C-7KQ2M');
    expect(sent[0]!.text).toMatch(/^From /);
  });

  it('When a Chinese reader shares an urgent lab result, then the group card is in Chinese with the type label', async () => {
    const sent: Card[] = [];
    await cardsWith(sent).reportShared(shared('lab', 'zh', true));
    expect(sent[0]!.title).toBe('🚨 緊急化驗結果 · 個案 C-7KQ2M');
    expect(sent[0]!.text).toMatch(/^由 .* 分享 · /);
  });

  it('When an approver reads the request card, then its body names the document type in their language', () => {
    expect(say('en', ACCESS_TEXTS.approverCard, 'Dr Wong', 'C-1', '2026-12-06', 'continuing care', 'Discharge summary')).toBe(
      'Dr Wong asks to view the discharge summary of 2026-12-06 for C-1 — reason: continuing care.',
    );
    expect(say('zh', ACCESS_TEXTS.approverCard, '黃醫生', 'C-1', '2026-12-06', '持續護理', '出院摘要')).toContain('的出院摘要');
  });
});
