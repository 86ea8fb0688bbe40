import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { decideRequest as decideRequestUseCase } from '../../usecases/access/decide-request.js';
import { isDomainError } from '../../shared/errors.js';
import type { CommandDeps } from '../commands/deps.js';
import type { Lang } from '../i18n.js';
import { createAccessChat, type AccessChatDeps } from './access-chat.js';

export type DecideRequestDeps = AccessChatDeps & Pick<CommandDeps, 'approvals'>;

/**
 * An approver approves or denies in chat (card press or text): the use case decides and tells the
 * people concerned; the reply says what happened, or who could not open it and why.
 */
export async function decideRequest(deps: DecideRequestDeps, decider: ClinicianRow, requestId: string, decision: 'approve' | 'deny', lang: Lang, cardStep?: number): Promise<string> {
  const chat = createAccessChat(deps);
  try {
    return chat.decidedReply(await decideRequestUseCase({ approvals: deps.approvals, casesRepo: deps.casesRepo, directory: deps.directoryRepo, notices: chat }, decider, requestId, decision, { cardStep }), lang);
  } catch (err) {
    if (isDomainError(err) && err.code === 'approval.would_not_open') throw await chat.wouldNotOpen(err, lang);
    throw err;
  }
}
