import type { ReportCards } from '../../usecases/sharing/share-report.js';
import type { CommandDeps } from '../commands/deps.js';
import { hkDateTime } from '../format.js';
import { personLine } from '../people.js';
import { documentTypeLabel } from '../../contract/document-types.js';

/**
 * The group card for a report shared from the mini-app: case code, author and time only, never content.
 * A group has readers of both languages, so the card speaks both (its buttons already did).
 */
export function createReportCards(deps: Pick<CommandDeps, 'directoryRepo' | 'notify'>): ReportCards {
  return {
    async reportShared({ outTrackId, conversationId, documentId, caseCode, docType, author, urgent, at }) {
      const from = await personLine(deps.directoryRepo, author, 'en');
      const type = documentTypeLabel(docType, 'en').toLowerCase();
      const zhType = documentTypeLabel(docType, 'zh');
      await deps.notify.cardToGroup(outTrackId, conversationId, `${urgent ? `🚨 Urgent ${type}` : `📄 New ${type}`} · case ${caseCode} · ${urgent ? `緊急${zhType}` : `新${zhType}`}`,
        `From ${from} · ${hkDateTime(at)}`,
        [
          { label: 'Open 開啟', action: 'open', params: { documentId }, opens: { screen: 'doc', id: documentId } },
          { label: 'Request access 申請存取', action: 'request_access', params: { documentId } },
        ]);
    },
  };
}
