import { asc } from 'drizzle-orm';
import type { PgStore } from '../../db/pg/pg-store.js';
import { vaultKekVersions } from '../../db/pg/vault-tables.js';
import { DomainError } from '../../shared/errors.js';
import type { KeyringFile } from './keyring-file.js';
import type { KeyringStore } from './keyring-store.js';

/**
 * The shared keyring on PostgreSQL: MASTER_KEY mode's record (version, created, fingerprint; never a
 * key) in `vault_kek_versions`, so every instance and the keys CLI agree on the versions. The current
 * version is the highest. Two instances creating the first version at once, or a rotation run twice,
 * insert the same row: ON CONFLICT DO NOTHING, then the row read back must be the one meant.
 */
export function createPgKeyringStore(store: PgStore): KeyringStore {
  const rows = () => store.db().select().from(vaultKekVersions).orderBy(asc(vaultKekVersions.version));
  return {
    async read() {
      const keys = await rows();
      if (keys.length === 0) return null;
      return { format: 1, source: 'env', current: keys[keys.length - 1]!.version, keys };
    },
    async save(file: KeyringFile) {
      if (file.source !== 'env') throw new DomainError('config.invalid', 'a shared keyring holds no keys: MASTER_KEY is required');
      const entries = file.keys.map(({ version, createdAt, fingerprint }) => ({ version, createdAt, fingerprint }));
      await store.db().insert(vaultKekVersions).values(entries).onConflictDoNothing();
      const saved = new Map((await rows()).map((r) => [r.version, r.fingerprint]));
      for (const e of entries) {
        if (saved.get(e.version) !== e.fingerprint) {
          throw new DomainError('config.invalid', `key version ${e.version} was registered with another key meanwhile; run the command again`);
        }
      }
      const top = Math.max(...saved.keys());
      if (top !== file.current) throw new DomainError('config.invalid', `key version ${top} was registered meanwhile; run the command again`);
    },
  };
}
