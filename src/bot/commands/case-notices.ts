import type { ClinicianRow, DirectoryRepository } from '../../domain/directory/directory-repository.js';
import type { Notifier } from '../outbound.js';
import { clinicianShort, langOf } from './case-text.js';

/**
 * What chat hears when a case-open form is submitted (from the HTTP side, so through the bot's
 * outbound messages rather than a message's reply). Case code and the opener only: never the patient.
 */
export function createCaseNotices(deps: { directoryRepo: DirectoryRepository; notify: Pick<Notifier, 'toUser' | 'toGroup'> }) {
  const { directoryRepo, notify } = deps;

  return {
    /** "Case C-7KQ2M opened by Dr X · Cardiology · QMH" in the group, in the opener's language. */
    caseOpened(openConversationId: string, caseCode: string, opener: ClinicianRow): void {
      const lang = langOf(opener);
      const who = clinicianShort(directoryRepo, opener, lang);
      const text =
        lang === 'zh'
          ? `📂 個案 ${caseCode} 已由 ${who} 開立。\n\n加入同事：@ConsultBridge 團隊 ${caseCode} 加入 @姓名 會診`
          : `📂 Case ${caseCode} opened by ${who}.\n\nAdd colleagues: \`@ConsultBridge team ${caseCode} add @name consulting\``;
      notify.toGroup(`case-opened:${caseCode}`, openConversationId, caseCode, text);
    },

    /** The patient already has an open case: the opener alone is told, and how to use it in the group. */
    existingCase(opener: ClinicianRow, caseCode: string, linkId: string): void {
      const lang = langOf(opener);
      const text =
        lang === 'zh'
          ? `此病人已有個案 ${caseCode}，沒有另開新個案。如要在該會診群組使用，請在群組中傳送：@ConsultBridge 個案 綁定 ${caseCode}`
          : `This patient already has case ${caseCode}, so no new case was opened. To use it in the consult group, send there: \`@ConsultBridge case bind ${caseCode}\``;
      notify.toUser(`case-existing:${linkId}`, opener.dingtalkUserId, caseCode, text);
    },
  };
}

export type CaseNotices = ReturnType<typeof createCaseNotices>;
