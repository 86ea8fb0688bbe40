import type { CardAction, CardResponse } from '../dingtalk/inbound.js';
import type { DirectoryService } from '../domain/directory/directory-service.js';
import type { Logger } from '../shared/logger.js';
import type { CommandDeps } from './commands/deps.js';

/** Card button presses, routed by the `action` param the card carries. */
export async function handleCardAction(
  _deps: CommandDeps,
  _directory: DirectoryService,
  _action: CardAction,
  _logger: Logger,
): Promise<CardResponse | null> {
  return null;
}
