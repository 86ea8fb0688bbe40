import type { PurposeOfUse } from '../../contract/purpose-of-use.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { requestAccess as requestAccessUseCase } from '../../usecases/access/request-access.js';
import type { CommandDeps } from '../commands/deps.js';
import type { Lang } from '../i18n.js';
import { createAccessChat, type AccessChatDeps } from './access-chat.js';

export type RequestAccessDeps = AccessChatDeps & Pick<CommandDeps, 'approvals'>;

/**
 * A clinician asks in chat to view one document (the use case records it and asks the approvers);
 * the reply names whom it waits on.
 */
export async function requestAccess(deps: RequestAccessDeps, requester: ClinicianRow, documentId: string, reason: PurposeOfUse, lang: Lang): Promise<string> {
  const chat = createAccessChat(deps);
  return chat.requestedReply(await requestAccessUseCase({ approvals: deps.approvals, documents: deps.documents, casesRepo: deps.casesRepo, notices: chat }, requester, documentId, reason), lang);
}
