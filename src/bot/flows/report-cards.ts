import type { ReportCards } from '../../usecases/sharing/share-report.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkDateTime } from '../format.js';
import { say } from '../i18n.js';
import { langOf, personLine } from '../people.js';
import { documentTypeLabel } from '../../contract/document-types.js';
import { REPORT_CARD_TEXTS as T } from '../texts/report-card-texts.js';

/**
 * The group card for a document shared from the mini-app: its type, case code, author and time only,
 * never content. Groups keep no language of their own, so the card speaks the sharer's (as the case
 * notices do); the buttons stay bilingual.
 */
export function createReportCards(deps: Pick<CommandDeps, 'directoryRepo' | 'notify'>): ReportCards {
  return {
    async reportShared({ outTrackId, conversationId, documentId, caseCode, docType, author, urgent, at }) {
      const lang = langOf(author);
      const from = await personLine(deps.directoryRepo, author, lang);
      const type = documentTypeLabel(docType, lang);
      await deps.notify.cardToGroup(outTrackId, conversationId, say(lang, urgent ? T.urgentTitle : T.newTitle, type, caseCode),
        say(lang, T.from, from, hkDateTime(at)),
        [
          { label: 'Open 開啟', action: 'open', params: { documentId }, opens: { screen: 'doc', id: documentId } },
          { label: 'Request access 申請存取', action: 'request_access', params: { documentId } },
        ]);
    },
  };
}
