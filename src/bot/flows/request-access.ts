import type { PurposeOfUse } from '../../domain/approvals/purpose-of-use.js';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { requestAccess as requestAccessUseCase } from '../../usecases/access/request-access.js';
import type { CommandDeps } from '../commands/deps.js';
import type { Lang } from '../i18n.js';
import { createAccessChat } from './access-chat.js';

/**
 * A clinician asks in chat to view one document (the use case records it and asks the approvers);
 * the reply names whom it waits on.
 */
export async function requestAccess(deps: CommandDeps, requester: ClinicianRow, documentId: string, reason: PurposeOfUse, lang: Lang): Promise<string> {
  const chat = createAccessChat(deps);
  return chat.requestedReply(await requestAccessUseCase({ approvals: deps.secure.approvals, documents: deps.secure.documentsRepo, casesRepo: deps.secure.casesRepo, notices: chat }, requester, documentId, reason), lang);
}
