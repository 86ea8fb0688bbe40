import { dataKeyAad } from './envelope.js';
import type { KeyEncryptionProvider } from './key-provider.js';
import type { RewrapUpdate, VaultRepository } from './vault-repository.js';

export interface RewrapProgress {
  /** Keys looked at so far (re-wrapped, failed or changed underneath us). */
  processed: number;
  /** Keys that were not under the target version when the run started. */
  total: number;
}

export interface RewrapResult {
  targetVersion: number;
  total: number;
  rewrapped: number;
  /** Document ids whose key could not be unwrapped (e.g. its KEK version is not available). */
  failed: string[];
}

export const DEFAULT_REWRAP_BATCH = 100;

/**
 * Re-wraps every live data key that is not under the keyring's current version. The ciphertext is
 * never read or written: only the wrapped key changes. Each batch is unwrapped/re-wrapped in memory,
 * then written in one transaction; a run that stops half-way leaves every row valid (old or new
 * version), so running again simply continues with what is left. Rows are walked in id order (keyset
 * paging), so a key that fails is reported once and never loops.
 */
export async function rewrapAll(
  deps: { repo: VaultRepository; keyring: KeyEncryptionProvider },
  onProgress?: (p: RewrapProgress) => void,
  batchSize = DEFAULT_REWRAP_BATCH,
): Promise<RewrapResult> {
  const { repo, keyring } = deps;
  const targetVersion = keyring.currentVersion();
  const total = await repo.countNotAt(targetVersion);
  const failed: string[] = [];
  let processed = 0;
  let rewrapped = 0;
  let after = '';
  onProgress?.({ processed, total });
  for (;;) {
    const batch = await repo.listNotAt(targetVersion, after, batchSize);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.documentId;
    const updates: RewrapUpdate[] = [];
    for (const c of batch) {
      const aad = dataKeyAad(c.documentId);
      let dataKey: Buffer | undefined;
      try {
        dataKey = await keyring.unwrap(c.kekVersion, c.wrappedKey, aad);
        const w = await keyring.wrap(dataKey, aad);
        updates.push({ documentId: c.documentId, fromVersion: c.kekVersion, toVersion: w.version, wrappedKey: w.wrapped });
      } catch {
        failed.push(c.documentId);
      } finally {
        dataKey?.fill(0);
      }
    }
    rewrapped += await repo.applyRewraps(updates);
    processed += batch.length;
    onProgress?.({ processed, total: Math.max(total, processed) });
  }
  return { targetVersion, total, rewrapped, failed };
}
