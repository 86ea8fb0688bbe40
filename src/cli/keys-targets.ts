import type { Config } from '../config/config.js';
import { openStorage } from '../db/client.js';
import { createChatHistoryRepository } from '../domain/chat-history/chat-history-repository.js';
import { createPgChatHistoryRepository } from '../domain/chat-history/chat-history-repository-pg.js';
import type { ChatHistoryRepository } from '../domain/chat-history/chat-history-repository.js';
import { createInboxRepository, type InboxRepository } from '../domain/inbox/inbox-repository.js';
import { createPgInboxRepository } from '../domain/inbox/inbox-repository-pg.js';
import { createPgKeyringStore } from '../domain/vault/keyring-repository-pg.js';
import type { LocalKeyring } from '../domain/vault/local-keyring.js';
import { openLocalKeyring, openSharedKeyring } from '../domain/vault/open-keyring.js';
import { createVaultRepository, type VaultRepository } from '../domain/vault/vault-repository.js';
import { createPgVaultRepository } from '../domain/vault/vault-repository-pg.js';
import { DomainError } from '../shared/errors.js';

/** What `npm run keys` works on: the keyring and the rows wrapped under it, on either store. */
export interface KeyTargets {
  keyring: LocalKeyring;
  vault: VaultRepository;
  chat: ChatHistoryRepository;
  inbox: InboxRepository;
  close(): Promise<void>;
}

/**
 * SQLite: keyring.json in KEY_DIR and the SQLite repositories. PostgreSQL: the shared keyring (its
 * versions in the database, the keys from MASTER_KEY / MASTER_KEY_NEXT) and the PostgreSQL twins,
 * so a rotation is seen by every instance.
 */
export async function openKeyTargets(config: Readonly<Config>, masterKeyNext: string | undefined): Promise<KeyTargets> {
  const storage = await openStorage(config.databaseUrl);
  if (storage.kind === 'sqlite') {
    const h = storage.handle;
    try {
      const keyring = openLocalKeyring({ dir: config.keys.dir, masterKey: config.keys.masterKey, masterKeyNext });
      return { keyring, vault: createVaultRepository(h), chat: createChatHistoryRepository(h.db, h.store), inbox: createInboxRepository(h.db, h.store), close: async () => h.close() };
    } catch (e) {
      h.close();
      throw e;
    }
  }
  const { store, close } = storage.handle;
  try {
    if (!config.keys.masterKey) throw new DomainError('config.invalid', 'MASTER_KEY is required when DATABASE_URL is PostgreSQL');
    const keyring = await openSharedKeyring({ store: createPgKeyringStore(store), masterKey: config.keys.masterKey, masterKeyNext });
    return { keyring, vault: createPgVaultRepository(store), chat: createPgChatHistoryRepository(store), inbox: createPgInboxRepository(store), close };
  } catch (e) {
    await close();
    throw e;
  }
}
