import { readKeyringFile, writeKeyringFile, type KeyringFile } from './keyring-file.js';

/**
 * Where a keyring's record (versions, fingerprints, and in file mode the keys) is kept: the file
 * `KEY_DIR/keyring.json` for one process on SQLite, a table for every instance on PostgreSQL.
 * Versions are only ever added: `save` persists the entries of `file` it does not hold yet and must
 * throw rather than let one version number stand for two keys.
 */
export interface KeyringStore {
  /** Null when no keyring exists yet. */
  read(): Promise<KeyringFile | null>;
  save(file: KeyringFile): Promise<void>;
}

/** The keyring file in `dir` (written 0600 and atomically; see keyring-file.ts). */
export function fileKeyringStore(dir: string): KeyringStore {
  return {
    read: async () => readKeyringFile(dir),
    save: async (file) => writeKeyringFile(dir, file),
  };
}
