import { createInboxCipher } from '../domain/inbox/inbox-cipher.js';
import { openLocalKeyring } from '../domain/vault/open-keyring.js';
import { createSealedChatHistory, type ChatHistory } from '../sandbox/http/sandbox-chat-history.js';
import type { Service } from './service.js';

/**
 * The sandbox chat's history in the service's database, sealed under the vault keyring like inbound
 * chat text (the keyring is opened here as each module that seals does).
 */
export function sandboxChatHistory(service: Pick<Service, 'config' | 'repos' | 'clock' | 'logger'>): ChatHistory {
  const { config, repos, clock, logger } = service;
  const keyring = openLocalKeyring({ dir: config.keys.dir, masterKey: config.keys.masterKey, clock });
  return createSealedChatHistory({ repo: repos.chatHistory, cipher: createInboxCipher(keyring), clock, logger });
}
