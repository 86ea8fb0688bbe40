import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import { decideRequest as decideRequestUseCase } from '../../usecases/access/decide-request.js';
import type { AccessDecided } from '../../usecases/access/access-ports.js';
import { isDomainError } from '../../shared/errors.js';
import type { CommandDeps } from '../commands/deps.js';
import type { Lang } from '../i18n.js';
import type { GrantDuration } from '../../contract/grant-durations.js';
import { createAccessChat, type AccessChatDeps } from './access-chat.js';

export type DecideRequestDeps = AccessChatDeps & Pick<CommandDeps, 'approvals'>;

/**
 * An approver approves or denies in chat (card press or text): the use case decides and tells the
 * people concerned; the reply says what happened (`decided` for the card's final line), or who could
 * not open it and why.
 */
export async function decideRequest(
  deps: DecideRequestDeps,
  decider: ClinicianRow,
  requestId: string,
  decision: 'approve' | 'deny',
  lang: Lang,
  cardStep?: number,
  duration?: GrantDuration,
): Promise<{ text: string; decided: AccessDecided }> {
  const chat = createAccessChat(deps);
  try {
    const decided = await decideRequestUseCase({ approvals: deps.approvals, casesRepo: deps.casesRepo, directory: deps.directoryRepo, notices: chat }, decider, requestId, decision, { cardStep, duration });
    return { text: chat.decidedReply(decided, lang), decided };
  } catch (err) {
    if (isDomainError(err) && err.code === 'approval.would_not_open') throw await chat.wouldNotOpen(err, lang);
    throw err;
  }
}
