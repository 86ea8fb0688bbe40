import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { OutboxIntent } from '../../dingtalk/outbox-handlers.js';
import type { OutboxService } from '../../domain/outbox/outbox-service.js';
import { clinicianShort, langOf } from './case-text.js';
import { say } from '../i18n.js';
import { NOTICE_TEXTS as T } from '../texts/notice-texts.js';

/**
 * What chat hears when a case-open form is submitted (from the HTTP side, so through the outbox
 * directly rather than a message's reply). Case code and the opener only: never the patient.
 */
export function createCaseNotices(deps: { directoryRepo: DirectoryRepository; outbox: OutboxService<OutboxIntent> }) {
  const { directoryRepo, outbox } = deps;
  const markdown = (title: string, text: string) => ({ msgKey: 'sampleMarkdown', msgParam: { title, text } });

  return {
    /** "Case C-7KQ2M opened by Dr X · Cardiology · QMH" in the group, in the opener's language. */
    caseOpened(openConversationId: string, caseCode: string, opener: ClinicianRow): void {
      const lang = langOf(opener);
      const who = clinicianShort(directoryRepo, opener, lang);
      const text = say(lang, T.caseOpened, caseCode, who);
      outbox.enqueue({ idemKey: `case-opened:${caseCode}`, kind: 'group.send', payload: { openConversationId, ...markdown(`${caseCode}`, text) } });
    },

    /** The patient already has an open case: the opener alone is told, and how to use it in the group. */
    existingCase(opener: ClinicianRow, caseCode: string, linkId: string): void {
      const lang = langOf(opener);
      const text = say(lang, T.existingCase, caseCode);
      outbox.enqueue({
        idemKey: `case-existing:${linkId}`,
        kind: 'oto.send',
        payload: { userIds: [opener.dingtalkUserId], ...markdown(caseCode, text) },
      });
    },
  };
}

export type CaseNotices = ReturnType<typeof createCaseNotices>;
