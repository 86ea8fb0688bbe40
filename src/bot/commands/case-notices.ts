import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { Notifier } from '../outbound.js';
import { clinicianShort, langOf } from './case-text.js';
import { say } from '../i18n.js';
import { NOTICE_TEXTS as T } from '../texts/notice-texts.js';

/**
 * What chat hears when a case-open form is submitted (from the HTTP side, so through the bot's
 * outbound messages rather than a message's reply). Case code and the opener only: never the patient.
 */
export function createCaseNotices(deps: { directory: Pick<DirectoryRepository, 'institution'>; notify: Pick<Notifier, 'toUser' | 'toGroup'> }) {
  const { directory, notify } = deps;

  return {
    /** "Case C-7KQ2M opened by Dr X · Cardiology · QMH" in the group, in the opener's language. */
    async caseOpened(openConversationId: string, caseCode: string, opener: ClinicianRow): Promise<void> {
      const lang = langOf(opener);
      const who = clinicianShort(opener, opener.institutionId ? await directory.institution(opener.institutionId) : undefined, lang);
      const text = say(lang, T.caseOpened, caseCode, who);
      await notify.toGroup(`case-opened:${caseCode}`, openConversationId, caseCode, text);
    },

    /** The patient already has an open case: the opener alone is told, and how to use it in the group. */
    async existingCase(opener: ClinicianRow, caseCode: string, linkId: string): Promise<void> {
      const lang = langOf(opener);
      const text = say(lang, T.existingCase, caseCode);
      await notify.toUser(`case-existing:${linkId}`, opener.dingtalkUserId, caseCode, text);
    },
  };
}

export type CaseNotices = ReturnType<typeof createCaseNotices>;
