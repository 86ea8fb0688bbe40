import { createInboxCipher } from '../domain/inbox/inbox-cipher.js';
import { createSealedChatHistory, type ChatHistory } from '../sandbox/http/sandbox-chat-history.js';
import type { Service } from './service.js';

/**
 * The sandbox chat's history in the service's database, sealed under the vault keyring like inbound
 * chat text (the service's one keyring).
 */
export function sandboxChatHistory(service: Pick<Service, 'secure' | 'repos' | 'clock' | 'logger'>): ChatHistory {
  const { secure, repos, clock, logger } = service;
  return createSealedChatHistory({ repo: repos.chatHistory, cipher: createInboxCipher(secure.keyring), clock, logger });
}
