import { createChatHistoryRepository } from '../domain/chat-history/chat-history-repository.js';
import { createInboxCipher } from '../domain/inbox/inbox-cipher.js';
import { openLocalKeyring } from '../domain/vault/open-keyring.js';
import { createSealedChatHistory, type ChatHistory } from '../sandbox/http/sandbox-chat-history.js';
import type { Service } from './service.js';

/**
 * The sandbox chat's history in the service's database, sealed under the vault keyring like inbound
 * chat text (the keyring is opened here as each module that seals does).
 */
export function sandboxChatHistory(service: Pick<Service, 'config' | 'db' | 'clock' | 'logger'>): ChatHistory {
  const { config, db, clock, logger } = service;
  const keyring = openLocalKeyring({ dir: config.keys.dir, masterKey: config.keys.masterKey, clock });
  return createSealedChatHistory({ repo: createChatHistoryRepository(db.db, db.store), cipher: createInboxCipher(keyring), clock, logger });
}
